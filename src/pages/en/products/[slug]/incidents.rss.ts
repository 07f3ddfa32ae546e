// /en/products/<slug>/incidents.rss: one product's incident feed (RSS), in English. An unknown slug is a 404.
// Astro answers HEAD with this GET handler and drops the body.
import type { APIRoute } from 'astro';
import { serveFeed } from '#src/feeds/serve.ts';

export const GET: APIRoute = ({ request, locals, params }) => serveFeed(request, locals, { kind: 'incidents', productSlug: params.slug ?? null });
