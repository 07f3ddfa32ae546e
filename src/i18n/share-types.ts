// The shape of the words of what other sites embed: the status badges (src/badges) and the
// compact status page for an iframe (/embed). Only types; the texts are in nl-share.ts and
// en-share.ts.

export interface ShareWords {
  /** The label of an availability badge. */
  availabilityLabel: (product: string) => string;
  /** Its message: the rolling 12 months' figure. */
  availabilityMessage: (percent: string) => string;
  embed: {
    title: string;
    products: string;
    incidents: string;
    noIncidents: string;
    /** Read after a link that opens in a new tab. */
    newTab: string;
    fullPage: string;
  };
}
