// DELETE /api/v1/subscribers/{id}: removes the subscriber and its unsent deliveries (204).
import { apiRoute, methodNotAllowed, pathId } from '#src/api/endpoint.ts';
import { deleteSubscriber } from '#src/notifications/admin-subscribers.ts';

export const DELETE = apiRoute('subscribers', async ({ ctx, params }) => {
  await deleteSubscriber(ctx, pathId(params.id, 'subscriber'));
  return { status: 204, body: null };
});
export const ALL = methodNotAllowed;
