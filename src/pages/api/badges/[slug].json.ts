// /api/badges/{slug}.json: a product's status as a shields.io endpoint document.
import type { APIRoute } from 'astro';
import { serveBadge } from '#src/badges/serve.ts';

export const GET: APIRoute = (context) => serveBadge(context, { kind: 'product', slug: context.params.slug ?? '' }, 'shields');
