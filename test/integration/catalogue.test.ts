// Products come from the catalogue file and are synced idempotently at every start.
import { asc } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { productGroups, products } from '#db/schema.ts';
import { CatalogueError, readCatalogue, syncCatalogue, type Catalogue } from '#src/products/catalogue.ts';
import { drivers, freshDatabase, type TestDatabase } from '../support/databases.ts';

const catalogue = readCatalogue('db/catalogue.json');
const firstStart = new Date('2026-11-01T09:00:00Z');

describe.each(drivers)('product catalogue on %s', (driver) => {
  let database: TestDatabase;
  afterEach(() => database?.drop());

  it('creates the six products of the SLA with their targets, in order', async () => {
    database = await freshDatabase(driver);
    const { db } = database.handle;
    await syncCatalogue(db, catalogue, firstStart);
    const rows = await db.select().from(products).orderBy(asc(products.position));
    expect(rows.map((p) => [p.slug, p.nameNl, p.availabilityTarget])).toEqual([
      ['voipnow', 'VOIPNOW', 99.95],
      ['3cx', '3CX', 99.9],
      ['teams-dr', 'Teams (DR)', 99.9],
      ['connectivity', 'Connectivity', null],
      ['voizplus', 'voizplus', 99.8],
      ['voizapps', 'voizApps', 99.8],
    ]);
    expect(rows.every((p) => +p.measuredSince === +firstStart)).toBe(true);
    const groups = await db.select().from(productGroups).orderBy(asc(productGroups.position));
    expect(groups.map((g) => g.nameNl)).toEqual(['VoIP-service', 'Bandbreedte', 'Servicediensten']);
  });

  it('changes nothing when synced again, and keeps measured-since while following new targets', async () => {
    database = await freshDatabase(driver);
    const { db } = database.handle;
    await syncCatalogue(db, catalogue, firstStart);
    const before = await db.select().from(products).orderBy(asc(products.id));
    await syncCatalogue(db, catalogue, new Date('2026-11-20T09:00:00Z'));
    expect(await db.select().from(products).orderBy(asc(products.id))).toEqual(before);

    const stricter: Catalogue = structuredClone(catalogue);
    stricter.groups[0]!.products[1]!.target = 99.99;
    await syncCatalogue(db, stricter, new Date('2026-11-21T09:00:00Z'));
    const after = await db.select().from(products).orderBy(asc(products.id));
    expect(after.find((p) => p.slug === '3cx')?.availabilityTarget).toBe(99.99);
    expect(after.map((p) => p.id)).toEqual(before.map((p) => p.id));
    expect(after.every((p) => +p.measuredSince === +firstStart)).toBe(true);
  });
});

describe('catalogue file', () => {
  it('names the file and the rule when it is wrong', () => {
    expect(() => readCatalogue('db/missing.json')).toThrow(CatalogueError);
    expect(() => readCatalogue('package.json')).toThrow(/CATALOGUE_FILE .*package\.json: groups/);
  });
});
