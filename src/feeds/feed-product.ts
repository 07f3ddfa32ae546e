// A product as the feeds name it: its slug (for the product's own feed URLs) and its names.
export interface FeedProduct {
  slug: string;
  name: { nl: string; en: string };
}
