// /products/{slug}/badge.svg: the product's status as a badge.
import type { APIRoute } from 'astro';
import { serveBadge } from '#src/badges/serve.ts';

export const GET: APIRoute = (context) => serveBadge(context, { kind: 'product', slug: context.params.slug ?? '' }, 'svg');
