// /products/{slug}/availability-badge.svg: the product's rolling 12 months against its target.
import type { APIRoute } from 'astro';
import { serveBadge } from '#src/badges/serve.ts';

export const GET: APIRoute = (context) => serveBadge(context, { kind: 'availability', slug: context.params.slug ?? '' }, 'svg');
