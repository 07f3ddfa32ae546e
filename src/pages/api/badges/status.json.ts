// /api/badges/status.json: the page's overall state as a shields.io endpoint document.
import type { APIRoute } from 'astro';
import { serveBadge } from '#src/badges/serve.ts';

export const GET: APIRoute = (context) => serveBadge(context, { kind: 'status' }, 'shields');
