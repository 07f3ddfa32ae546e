// Named incident templates (admin only): a title, messages and category, and the products
// usually affected, so an operator opens a common incident in seconds. A template is a
// starting point for the form; the incident is created by the normal command.
import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Queryable } from '#db/client.ts';
import { incidentTemplates } from '#db/schema.ts';
import { CommandError, notFound } from '#src/commands/errors.ts';
import { parseInput, runCommand, type CommandContext } from '#src/commands/run.ts';
import { impacts, incidentCategory, text } from '#src/commands/fields.ts';
import { resolveProducts } from '#src/products/slugs.ts';

export const templateInput = z.strictObject({
  name: text(100),
  title: text(200),
  titleEn: text(200).optional(),
  category: incidentCategory,
  message: text(10_000),
  messageEn: text(10_000).optional(),
  impacts: impacts.default({}),
});

export async function saveTemplate(ctx: CommandContext, input: unknown): Promise<{ id: number }> {
  const data = parseInput(templateInput, input);
  return runCommand(ctx, 'users', async (tx) => {
    await resolveProducts(tx, Object.keys(data.impacts).map((slug) => ({ slug, path: `impacts.${slug}` })));
    const [taken] = await tx.select({ id: incidentTemplates.id }).from(incidentTemplates).where(eq(incidentTemplates.name, data.name));
    if (taken) throw new CommandError('conflict', `a template named "${data.name}" exists already`, [{ path: 'name', message: 'is taken' }]);
    const [row] = await tx.insert(incidentTemplates).values({ ...data, titleEn: data.titleEn ?? null, messageEn: data.messageEn ?? null }).returning();
    return { result: { id: row!.id }, audit: { action: 'template.save', entityType: 'template', entityId: row!.id, after: row } };
  });
}

export async function deleteTemplate(ctx: CommandContext, id: number): Promise<void> {
  await runCommand(ctx, 'users', async (tx) => {
    const [row] = await tx.delete(incidentTemplates).where(eq(incidentTemplates.id, id)).returning();
    if (!row) throw notFound('template', id);
    return { result: undefined, audit: { action: 'template.delete', entityType: 'template', entityId: id, before: row } };
  });
}

export function listTemplates(db: Queryable) {
  return db.select().from(incidentTemplates).orderBy(asc(incidentTemplates.name));
}
