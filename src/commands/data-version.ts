// The published state's version (db/schema.ts dataVersion): every write bumps it inside
// its own transaction, so a reader that saw version n knows that nothing it shows changed
// while the version is still n. The bump also sends a notice on DATA_VERSION_CHANNEL,
// delivered when the transaction commits, so other processes' caches hear of it at once.
import { sql } from 'drizzle-orm';
import type { Queryable } from '#db/client.ts';
import { dataVersion } from '#db/schema.ts';

export const DATA_VERSION_CHANNEL = 'status_page_data_version';

export async function bumpDataVersion(tx: Queryable, at: Date): Promise<number> {
  const [row] = await tx
    .insert(dataVersion)
    .values({ id: 1, version: 1, changedAt: at })
    .onConflictDoUpdate({ target: dataVersion.id, set: { version: sql`${dataVersion.version} + 1`, changedAt: at } })
    .returning({ version: dataVersion.version });
  await tx.execute(sql`select pg_notify(${DATA_VERSION_CHANNEL}, ${String(row!.version)})`);
  return row!.version;
}

/** 0 before the first write. */
export async function readDataVersion(db: Queryable): Promise<{ version: number; changedAt: Date | null }> {
  const [row] = await db.select().from(dataVersion);
  return row ? { version: row.version, changedAt: row.changedAt } : { version: 0, changedAt: null };
}
