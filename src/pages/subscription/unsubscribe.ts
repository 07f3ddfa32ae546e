// RFC 8058 one-click unsubscribe, the List-Unsubscribe address of every mail: a POST with
// the mail's token cancels the subscription, without a session or a form; a GET (a person
// following the link) opens the manage page, where cancelling is a button.
import type { APIRoute } from 'astro';
import { answerResponse, textAnswer } from '#src/http/errors.ts';
import { unsubscribe } from '#src/notifications/subscriptions.ts';

const text = (status: number, body: string) => answerResponse(textAnswer(status, body));

export const POST: APIRoute = async ({ url, locals }) => {
  const done = await unsubscribe(locals.db, url.searchParams.get('token') ?? '', locals.now);
  return done ? text(200, 'Unsubscribed.') : text(404, 'This link is not (or no longer) valid.');
};

export const GET: APIRoute = ({ url, redirect }) => redirect(`/subscription?token=${encodeURIComponent(url.searchParams.get('token') ?? '')}`, 303);
