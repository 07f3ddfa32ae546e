// The audit trail as the console shows it: newest first, filtered by entity type and user.
// Read only: nothing in the app updates or deletes audit rows.
import { and, desc, eq, type SQL } from 'drizzle-orm';
import type { Database } from '#db/client.ts';
import { auditLog, users } from '#db/schema.ts';

export async function loadAudit(db: Database, filter: { entityType?: string | undefined; userId?: number | undefined }, limit = 100) {
  const where: SQL[] = [];
  if (filter.entityType) where.push(eq(auditLog.entityType, filter.entityType));
  if (filter.userId) where.push(eq(auditLog.userId, filter.userId));
  const rows = await db
    .select({ entry: auditLog, email: users.email })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.userId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(limit);
  const people = await db.select({ id: users.id, email: users.email }).from(users).orderBy(users.email);
  const types = (await db.selectDistinct({ type: auditLog.entityType }).from(auditLog)).map((r) => r.type).sort();
  return { rows, people, types };
}
