// Dutch words of the badges and the embeddable status (share-types.ts).
import type { ShareWords } from './share-types.ts';

export const nlShare: ShareWords = {
  availabilityLabel: (product) => `${product} beschikbaarheid`,
  availabilityMessage: (percent) => `${percent} (12 mnd)`,
  embed: {
    title: 'Status',
    products: 'Diensten',
    incidents: 'Open storingen',
    noIncidents: 'Geen open storingen.',
    newTab: '(opent in een nieuw tabblad)',
    fullPage: 'Volledige statuspagina',
  },
};
