// Astro.locals is the request context (src/http/context.ts), typed for every page,
// layout, endpoint and the middleware, plus the signed-in console user on /admin routes.
import type { SignedIn } from './auth/sessions.ts';
import type { RequestContext } from './http/context.ts';

declare global {
  namespace App {
    interface Locals extends RequestContext {
      /** The signed-in console user, on /admin routes; null when signed out. */
      consoleUser?: SignedIn | null;
    }
  }
}
