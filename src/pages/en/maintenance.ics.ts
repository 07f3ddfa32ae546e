// /en/maintenance.ics: all products' maintenance calendar (iCalendar), in English.
// Astro answers HEAD with this GET handler and drops the body.
import type { APIRoute } from 'astro';
import { serveFeed } from '#src/feeds/serve.ts';

export const GET: APIRoute = ({ request, locals }) => serveFeed(request, locals, { kind: 'calendar', productSlug: null });
