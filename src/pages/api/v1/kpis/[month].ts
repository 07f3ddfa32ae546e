// PUT /api/v1/kpis/{YYYY-MM}: a month's call set-up time and success ratio.
import { eq } from 'drizzle-orm';
import { monthlyKpis } from '#db/schema.ts';
import { apiRoute, methodNotAllowed } from '#src/api/endpoint.ts';
import { notFound } from '#src/commands/errors.ts';
import { setMonthKpis } from '#src/kpis/set-month.ts';

export const GET = apiRoute('kpis', async ({ ctx, params }) => {
  const [row] = await ctx.db.select().from(monthlyKpis).where(eq(monthlyKpis.month, params.month ?? ''));
  if (!row) throw notFound('KPIs of month', params.month ?? '');
  return { status: 200, body: row };
});
export const PUT = apiRoute('kpis', async ({ ctx, body, params }) => {
  const { month, created } = await setMonthKpis(ctx, params.month ?? '', body);
  const [row] = await ctx.db.select().from(monthlyKpis).where(eq(monthlyKpis.month, month));
  return { status: created ? 201 : 200, body: row, ...(created && { location: `/api/v1/kpis/${month}` }) };
});
export const ALL = methodNotAllowed;
