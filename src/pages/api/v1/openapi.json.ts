// GET /api/v1/openapi.json: the API's OpenAPI 3.1 document (public: it holds no data).
import type { APIRoute } from 'astro';
import { openApiDocument } from '#src/api/openapi.ts';
import { getRuntime } from '#src/server/runtime.ts';

export const GET: APIRoute = () =>
  new Response(JSON.stringify(openApiDocument(getRuntime().config.siteUrl), null, 2), {
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'public, max-age=300' },
  });
