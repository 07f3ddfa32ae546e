// /badge.svg (and /en/badge.svg): the page's overall state as a badge.
import type { APIRoute } from 'astro';
import { serveBadge } from '#src/badges/serve.ts';

export const GET: APIRoute = (context) => serveBadge(context, { kind: 'status' }, 'svg');
