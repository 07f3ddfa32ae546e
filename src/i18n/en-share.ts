// English words of the badges and the embeddable status (share-types.ts).
import type { ShareWords } from './share-types.ts';

export const enShare: ShareWords = {
  availabilityLabel: (product) => `${product} availability`,
  availabilityMessage: (percent) => `${percent} (12 mo)`,
  embed: {
    title: 'Status',
    products: 'Products',
    incidents: 'Open incidents',
    noIncidents: 'No open incidents.',
    newTab: '(opens in a new tab)',
    fullPage: 'Full status page',
  },
};
