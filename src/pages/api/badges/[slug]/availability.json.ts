// /api/badges/{slug}/availability.json: a product's rolling 12 months as a shields.io endpoint document.
import type { APIRoute } from 'astro';
import { serveBadge } from '#src/badges/serve.ts';

export const GET: APIRoute = (context) => serveBadge(context, { kind: 'availability', slug: context.params.slug ?? '' }, 'shields');
