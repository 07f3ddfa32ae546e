// Astro.locals is the request context (src/http/context.ts), typed for every page,
// layout, endpoint and the middleware.
import type { RequestContext } from './http/context.ts';

declare global {
  namespace App {
    interface Locals extends RequestContext {}
  }
}
