// /incidents.rss: all products' incident feed (RSS), in Dutch.
// Astro answers HEAD with this GET handler and drops the body.
import type { APIRoute } from 'astro';
import { serveFeed } from '#src/feeds/serve.ts';

export const GET: APIRoute = ({ request }) => serveFeed(request, { kind: 'incidents', locale: 'nl', productSlug: null });
