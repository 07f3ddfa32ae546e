// The fixed moment of the browser and end-to-end tests: their server's clock (startServer
// with { now }), and the `now` of the figures they compare the pages with. A Wednesday
// morning in November, an ordinary working day; nothing depends on when the tests run.
export const FIXED_NOW = new Date('2026-11-25T10:00:00+01:00');
