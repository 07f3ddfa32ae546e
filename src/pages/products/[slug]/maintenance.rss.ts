// /products/<slug>/maintenance.rss: one product's maintenance feed (RSS), in Dutch. An unknown slug is a 404.
// Astro answers HEAD with this GET handler and drops the body.
import type { APIRoute } from 'astro';
import { serveFeed } from '#src/feeds/serve.ts';

export const GET: APIRoute = ({ request, locals, params }) => serveFeed(request, locals, { kind: 'maintenance', productSlug: params.slug ?? null });
