// GET /api/v1/openapi.json: the API's OpenAPI 3.1 document (public: it holds no data).
import type { APIRoute } from 'astro';
import { openApiDocument } from '#src/api/openapi.ts';

export const GET: APIRoute = ({ locals }) =>
  new Response(JSON.stringify(openApiDocument(locals.siteUrl), null, 2), {
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'public, max-age=300' },
  });
