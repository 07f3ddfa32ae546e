// The security headers of every response, and the Content-Security-Policy of a page: only
// our own origin for everything, no plugins, no framing (but for the embeddable status,
// /embed, which the sites of EMBED_ALLOWED_ORIGINS may frame), forms only to ourselves, and an
// inline script or style only when its SHA-256 is listed (the pages have none of their own;
// Astro writes a small one for each island). HSTS when the site is served over https.
// Pure: the front server (src/server/front.ts) computes the hashes once per render.
import { createHash } from 'node:crypto';

export interface InlineHashes {
  scripts: string[];
  styles: string[];
  /** A style="…" attribute is present (only hashes of elements can be listed). */
  styleAttributes: boolean;
}

const INLINE_SCRIPT = /<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/gi;
const INLINE_STYLE = /<style[^>]*>([\s\S]*?)<\/style>/gi;
const STYLE_ATTRIBUTE = /<[a-z][^>]*\sstyle=["']/i;

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

export function inlineHashes(html: string): InlineHashes {
  const unique = (pattern: RegExp) => [...new Set([...html.matchAll(pattern)].map((m) => sha256(m[1]!)))];
  return { scripts: unique(INLINE_SCRIPT), styles: unique(INLINE_STYLE), styleAttributes: STYLE_ATTRIBUTE.test(html) };
}

/** The page made to be framed by other sites, without its language prefix. */
export const EMBED_PATH = '/embed';

/** The frame-ancestors of the embeddable status: the allowed origins, or any site when none is set. */
export function embedAncestors(allowedOrigins: readonly string[]): string {
  return allowedOrigins.length > 0 ? allowedOrigins.join(' ') : '*';
}

/** `frameAncestors`: who may frame the page (only a route declared `framed`, the embed); nobody by default. */
export function contentSecurityPolicy(siteUrl: string, inline: InlineHashes, frameAncestors = "'none'"): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self'${inline.scripts.map((h) => ` ${h}`).join('')}`,
    `style-src 'self'${inline.styles.map((h) => ` ${h}`).join('')}`,
    ...(inline.styleAttributes ? ["style-src-attr 'unsafe-inline'"] : []),
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors}`,
    ...(siteUrl.startsWith('https:') ? ['upgrade-insecure-requests'] : []),
  ];
  return directives.join('; ');
}

/** Headers every response carries, whatever its route. */
export function securityHeaders(siteUrl: string): [string, string][] {
  return [
    ['X-Content-Type-Options', 'nosniff'],
    ['Referrer-Policy', 'strict-origin-when-cross-origin'],
    ['X-Frame-Options', 'DENY'],
    ['Cross-Origin-Opener-Policy', 'same-origin'],
    ['Permissions-Policy', 'camera=(), microphone=(), geolocation=(), interest-cohort=()'],
    ...(siteUrl.startsWith('https:') ? ([['Strict-Transport-Security', 'max-age=31536000; includeSubDomains']] as [string, string][]) : []),
  ];
}

/** The policy of a response rendered for one request (console, API): no inline code at all. */
export const strictPolicy = (siteUrl: string, frameAncestors?: string) => contentSecurityPolicy(siteUrl, { scripts: [], styles: [], styleAttributes: false }, frameAncestors);
