// /en/products/<slug>/maintenance.ics: one product's maintenance calendar (iCalendar), in English. An unknown slug is a 404.
// Astro answers HEAD with this GET handler and drops the body.
import type { APIRoute } from 'astro';
import { serveFeed } from '#src/feeds/serve.ts';

export const GET: APIRoute = ({ request, locals, params }) => serveFeed(request, locals, { kind: 'calendar', productSlug: params.slug ?? null });
