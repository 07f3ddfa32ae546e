// Who runs this status page: the one place the provider's name is written, used by both
// message catalogues (the site title, the feeds' and calendars' names). Another provider
// running the same software changes it here, and its products in db/catalogue.json.
export const PROVIDER = { name: 'voizXL' } as const;
