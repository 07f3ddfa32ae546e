// The admin's subscribers (the API's /api/v1/subscribers and the console's CSV upload) on
// both databases: 10,000 added at once, confirmed, audited by count; a list refused as a
// whole with every problem named by its path (or, from a CSV, by its line); paging;
// removing; and none of it for an operator.
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '#db/client.ts';
import { auditLog, subscribers } from '#db/schema.ts';
import { readDataVersion } from '#src/commands/data-version.ts';
import { uploadSubscribers } from '#src/console/subscriber-upload.ts';
import { messages } from '#src/i18n/messages.ts';
import { addSubscribers, deleteSubscriber, listSubscribers } from '#src/notifications/admin-subscribers.ts';
import { context, databaseWithProducts, refusal, refusedWithoutWriting, userActor, type UserActor } from '../support/commands.ts';
import { drivers, type TestDatabase } from '../support/databases.ts';

const T0 = new Date('2026-03-10T10:00:00Z');

describe.each(drivers)('the admin’s subscribers on %s', (driver) => {
  let database: TestDatabase;
  let db: Database;
  let admin: UserActor;
  let operator: UserActor;
  const as = (actor: UserActor) => context(db, actor, T0);

  beforeEach(async () => {
    database = await databaseWithProducts(driver);
    db = database.handle.db;
    admin = await userActor(db, { email: 'admin@example.nl', role: 'admin', scopes: ['subscribers'] });
    operator = await userActor(db, { email: 'op@example.nl', scopes: ['subscribers'] });
  });
  afterEach(() => database?.drop());

  it('adds 10,000 at once, confirmed, audited as one row without an address, and lists them a page at a time', async () => {
    const list = Array.from({ length: 10_000 }, (_, i) => ({ email: `klant${i}@example.nl`, locale: i % 2 ? 'en' : 'nl', products: i % 3 ? ['3cx'] : [] }));
    const { ids } = await addSubscribers(as(admin), { subscribers: list }, { allowPrivate: false });
    expect(ids).toHaveLength(10_000);
    const [row] = await db.select().from(subscribers).where(eq(subscribers.id, ids[9_999]!));
    expect(row).toMatchObject({ channel: 'email', email: 'klant9999@example.nl', locale: 'en', confirmedAt: T0, allProducts: true });
    const audit = await db.select().from(auditLog).where(eq(auditLog.action, 'subscriber.add'));
    expect(audit.map((a) => a.after)).toEqual([{ count: 10_000, channels: { email: 10_000 } }]);
    expect(JSON.stringify(audit)).not.toContain('klant');
    const first = await listSubscribers(as(admin), { limit: 2 });
    expect(first.subscribers.map((s) => [s.email, s.products])).toEqual([['klant0@example.nl', []], ['klant1@example.nl', ['3cx']]]);
    const second = await listSubscribers(as(admin), { after: first.next!, limit: 2 });
    expect(second.subscribers.map((s) => s.email)).toEqual(['klant2@example.nl', 'klant3@example.nl']);
    expect((await listSubscribers(as(admin), { after: ids[9_998]! })).next).toBeNull();
  });

  it('refuses a list with problems as a whole, naming each by its path', async () => {
    await addSubscribers(as(admin), { email: 'bestaat@example.nl' }, { allowPrivate: false });
    const error = await refusedWithoutWriting(db, () =>
      addSubscribers(
        as(admin),
        {
          subscribers: [
            { email: 'goed@example.nl' },
            { email: 'geen-adres' },
            { email: 'a@example.nl', products: ['3cx', 'fax'] },
            { email: 'GOED@example.nl' },
            { email: 'bestaat@example.nl' },
            { channel: 'teams', url: 'http://10.0.0.1/workflows/x', email: 'it@example.nl' },
            { channel: 'slack', url: 'https://hooks.example.com/not-slack', email: 'it@example.nl' },
          ],
        },
        { allowPrivate: false },
      ),
    );
    expect(error.code).toBe('invalid');
    expect(error.fields.map((f) => `${f.path}: ${f.message}`)).toEqual([
      'subscribers[1].email: must be an e-mail address',
      'subscribers[2].products[1]: names a product that does not exist (voipnow, 3cx, teams-dr, connectivity, voizplus, voizapps)',
      'subscribers[3].email: repeats subscribers[0]',
      'subscribers[4].email: is already subscribed (subscriber 1)',
      'subscribers[5].url: points to a loopback, private or reserved address',
      'subscribers[6].url: is not a webhook URL of this service',
    ]);
    // A single subscriber's problems are named by field.
    expect((await refusal(addSubscribers(as(admin), { email: 'bestaat@example.nl' }, { allowPrivate: false }))).fields).toEqual([{ path: 'email', message: 'is already subscribed (subscriber 1)' }]);
    expect((await refusal(addSubscribers(as(admin), { subscribers: Array(10_001).fill({ email: 'x@example.nl' }) }, { allowPrivate: false }))).fields).toEqual([{ path: 'subscribers', message: 'must hold at most 10000 subscribers' }]);
  });

  it('takes a CSV from the console, telling problems by line', async () => {
    const words = messages.nl.console.notifications;
    const csv = (text: string) => new File([text], 'klanten.csv', { type: 'text/csv' });
    const bad = await uploadSubscribers(as(admin), csv('email;locale;products\r\njan@example.nl;nl;3cx voipnow\r\n"piet@example.nl";en;fax\r\nkees;nl;\r\n'), false, words, 'nl');
    expect(bad).toEqual({ problems: ['Regel 3, products: noemt een product dat niet bestaat (voipnow, 3cx, teams-dr, connectivity, voizplus, voizapps)', 'Regel 4, email: moet een e-mailadres zijn'] });
    expect(await uploadSubscribers(as(admin), csv('mail,taal\nx@example.nl,nl\n'), false, words, 'nl')).toEqual({ problems: ['Regel 1: de eerste regel moet de kolommen noemen: email, locale, products (minstens email)', 'Regel 1, mail: is geen kolom (email, locale, products)', 'Regel 1, taal: is geen kolom (email, locale, products)'] });
    expect(await uploadSubscribers(as(admin), csv('\uFEFFemail,products\njan@example.nl,"3cx voipnow"\npiet@example.nl,\n'), false, words, 'nl')).toEqual({ added: 2 });
    const listed = await listSubscribers(as(admin));
    expect(listed.subscribers.map((s) => [s.email, s.locale, s.products])).toEqual([
      ['jan@example.nl', 'nl', ['voipnow', '3cx']],
      ['piet@example.nl', 'nl', []],
    ]);
  });

  it('removes one, and lets no operator list, add or remove', async () => {
    const { ids } = await addSubscribers(as(admin), { channel: 'discord', url: 'https://discord.com/api/webhooks/1/abc', email: 'x@example.nl' }, { allowPrivate: true });
    expect((await refusal(listSubscribers(as(operator)))).code).toBe('forbidden');
    expect((await refusal(addSubscribers(as(operator), { email: 'y@example.nl' }, { allowPrivate: false }))).code).toBe('forbidden');
    expect((await refusal(deleteSubscriber(as(operator), ids[0]!))).code).toBe('forbidden');
    await deleteSubscriber(as(admin), ids[0]!);
    expect(await db.select().from(subscribers)).toEqual([]);
    // Subscribers are on no public page: adding and removing one leaves the data version (the cached pages) alone.
    expect((await readDataVersion(db)).version).toBe(0);
    expect((await refusal(deleteSubscriber(as(admin), ids[0]!))).code).toBe('not_found');
  });
});
