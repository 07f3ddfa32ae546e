// Prometheus Alertmanager's webhook (payload version 4) as outages: a firing alert opens
// an outage of the product its label names (source "alertmanager", keyed by fingerprint
// and startsAt), a resolved one ends it at endsAt. Deliveries repeat: the same alert again
// changes nothing. An alert we cannot place is skipped and reported in the 200 answer,
// since any other status makes Alertmanager resend the whole group.
import { eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { outages, products } from '#db/schema.ts';
import { parseInput, runCommand, type CommandContext } from '#src/commands/run.ts';
import { notifyStatusChanges, productStatuses } from '#src/outbox/enqueue.ts';
import { IMPACTS, type Impact, isOneOf } from '#src/domain/vocabulary.ts';

const alert = z.looseObject({
  status: z.enum(['firing', 'resolved'], { error: 'must be firing or resolved' }),
  labels: z.record(z.string(), z.string()),
  startsAt: z.iso.datetime({ offset: true, error: 'must be an RFC 3339 time' }).transform((v) => new Date(v)),
  endsAt: z.iso.datetime({ offset: true, error: 'must be an RFC 3339 time' }).transform((v) => new Date(v)).optional(),
  fingerprint: z.string().min(1).max(100),
});

export const alertmanagerPayload = z.looseObject({
  version: z.literal('4', { error: 'must be "4" (Alertmanager webhook payload version 4)' }),
  alerts: z.array(alert).max(1000, 'must hold at most 1000 alerts'),
});

export interface AlertSettings {
  productLabel: string;
  severities: Readonly<Record<string, Impact>>;
}

export interface AlertReport {
  opened: number;
  ended: number;
  unchanged: number;
  skipped: { fingerprint: string; reason: string }[];
}

/** What an alert's `impact` label may name: any impact but operational, which would open an outage of no impact. */
const ALERT_IMPACTS = IMPACTS.filter((i): i is Exclude<Impact, 'operational'> => i !== 'operational');

export async function receiveAlerts(ctx: CommandContext, settings: AlertSettings, input: unknown): Promise<AlertReport> {
  const payload = parseInput(alertmanagerPayload, input);
  return runCommand(ctx, 'alerts', async (tx) => {
    const report: AlertReport = { opened: 0, ended: 0, unchanged: 0, skipped: [] };
    const slugs = [...new Set(payload.alerts.map((a) => a.labels[settings.productLabel]).filter((s): s is string => !!s))];
    const ids = new Map((slugs.length ? await tx.select({ id: products.id, slug: products.slug }).from(products).where(inArray(products.slug, slugs)) : []).map((p) => [p.slug, p.id]));
    const changes: { outage: number; change: 'opened' | 'ended' }[] = [];
    const before = await productStatuses(tx, ctx.now);
    for (const a of payload.alerts) {
      const slug = a.labels[settings.productLabel];
      const productId = slug ? ids.get(slug) : undefined;
      if (!productId) {
        report.skipped.push({ fingerprint: a.fingerprint, reason: slug ? `"${slug}" is not a product of this status page` : `the alert has no "${settings.productLabel}" label` });
        continue;
      }
      const labelled = a.labels.impact;
      const impact = isOneOf(ALERT_IMPACTS, labelled) ? labelled : settings.severities[a.labels.severity ?? ''];
      if (!impact) {
        report.skipped.push({ fingerprint: a.fingerprint, reason: `no impact: label "impact" is not one of ${ALERT_IMPACTS.join(', ')} and severity "${a.labels.severity ?? ''}" is not mapped` });
        continue;
      }
      // An alert that began "in the future" (a skewed Prometheus clock) begins now.
      const start = new Date(Math.min(+a.startsAt, +ctx.now));
      const externalId = `alertmanager:${a.fingerprint}:${a.startsAt.toISOString()}`;
      const [existing] = await tx.select().from(outages).where(eq(outages.externalId, externalId)).for('update');
      const resolvedAt = a.status === 'resolved' && a.endsAt ? new Date(Math.min(+a.endsAt, +ctx.now)) : null;
      // An outage lasts at least a second, whatever the alert's two times say.
      const end = resolvedAt && resolvedAt <= start ? new Date(+start + 1000) : resolvedAt;
      if (!existing) {
        const [row] = await tx.insert(outages).values({ externalId, productId, startedAt: start, endedAt: end, impact, source: 'alertmanager', note: a.labels.alertname ?? null }).returning({ id: outages.id });
        changes.push({ outage: row!.id, change: 'opened' });
        report.opened += 1;
        if (end) report.ended += 1;
      } else if (end && !existing.endedAt) {
        await tx.update(outages).set({ endedAt: end, version: existing.version + 1 }).where(eq(outages.id, existing.id));
        changes.push({ outage: existing.id, change: 'ended' });
        report.ended += 1;
      } else {
        report.unchanged += 1;
      }
    }
    if (changes.length) await notifyStatusChanges(tx, ctx.now, before);
    return { result: report, audit: changes.length ? { action: 'alertmanager.receive', entityType: 'outage', entityId: null, after: { changes, skipped: report.skipped } } : null };
  });
}
