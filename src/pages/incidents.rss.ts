// /incidents.rss: all products' incident feed (RSS), in Dutch.
// Astro answers HEAD with this GET handler and drops the body.
import type { APIRoute } from 'astro';
import { serveFeed } from '#src/feeds/serve.ts';

export const GET: APIRoute = ({ request, locals }) => serveFeed(request, locals, { kind: 'incidents', productSlug: null });
