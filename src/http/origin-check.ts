// Cross-site form posts are refused (CSRF), as Astro's `security.checkOrigin` does, except
// on the token API: /api/v1 reads no cookie, so a cross-site request carries no session to
// abuse, and API clients (curl, Alertmanager) send no Origin; and on the one-click
// unsubscribe address (RFC 8058), for the same reason. Astro's own check cannot be
// limited to some routes, so this replaces it (astro.config.mjs turns it off).
const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
export const TOKEN_API_PREFIX = '/api/v1/';
/** RFC 8058: the mail provider posts the one-click unsubscribe from its own servers. It reads no cookie either: the token in the address is the authority. */
export const ONE_CLICK_PATH = '/subscription/unsubscribe';

export function isForbiddenCrossSite(request: Request, url: URL): boolean {
  if (SAFE_METHODS.has(request.method) || url.pathname.startsWith(TOKEN_API_PREFIX) || url.pathname === ONE_CLICK_PATH) return false;
  const sameOrigin = request.headers.get('origin') === url.origin;
  const type = request.headers.get('content-type');
  if (type === null) return !sameOrigin;
  return FORM_TYPES.some((form) => type.toLowerCase().includes(form)) && !sameOrigin;
}

export function crossSiteForbidden(request: Request): Response {
  return new Response(`Cross-site ${request.method} form submissions are forbidden\n`, {
    status: 403,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}
