// Set a month's SLA §3.2 indicators (call set-up time, call success ratio). A month that
// has not begun has nothing to measure yet (422). Setting the same figures again writes
// nothing.
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { monthlyKpis } from '#db/schema.ts';
import { callSetupSeconds, callSuccessRatio, month } from '#src/commands/fields.ts';
import { SLA_TIME_ZONE } from '#src/domain/vocabulary.ts';
import { fieldError } from '#src/commands/errors.ts';
import { parseInput, runCommand, type CommandContext } from '#src/commands/run.ts';
import { monthKeyOf } from '#src/time/zone.ts';

export const setKpisInput = z.strictObject({ callSetupSeconds, callSuccessRatio });

export async function setMonthKpis(ctx: CommandContext, monthKey: string, input: unknown): Promise<{ month: string; created: boolean }> {
  const parsedMonth = month.safeParse(monthKey);
  if (!parsedMonth.success) throw fieldError('month', parsedMonth.error.issues[0]!.message);
  const key = parsedMonth.data;
  const data = parseInput(setKpisInput, input);
  if (key > monthKeyOf(+ctx.now, SLA_TIME_ZONE)) throw fieldError('month', 'must not be a month that has not begun', 'rule_broken');
  return runCommand(ctx, 'kpis', async (tx) => {
    const [before] = await tx.select().from(monthlyKpis).where(eq(monthlyKpis.month, key)).for('update');
    const after = { month: key, ...data };
    if (before && before.callSetupSeconds === data.callSetupSeconds && before.callSuccessRatio === data.callSuccessRatio) {
      return { result: { month: key, created: false }, audit: null };
    }
    await tx.insert(monthlyKpis).values(after).onConflictDoUpdate({ target: monthlyKpis.month, set: data });
    return { result: { month: key, created: !before }, audit: { action: 'kpis.set', entityType: 'kpis', entityId: key, before: before ?? null, after } };
  });
}
