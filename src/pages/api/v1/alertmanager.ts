// POST /api/v1/alertmanager: Prometheus Alertmanager's webhook receiver (token scope alerts).
import { apiRoute, methodNotAllowed } from '#src/api/endpoint.ts';
import { receiveAlerts } from '#src/alertmanager/receive.ts';

export const POST = apiRoute('alerts', async ({ ctx, config, body }) => ({ status: 200, body: await receiveAlerts(ctx, config.alertmanager, body) }));
export const ALL = methodNotAllowed;
