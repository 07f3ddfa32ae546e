// Request methods: which a route takes is declared once (src/http/route-table.ts), and the
// answer to any other, with its Allow header, follows from that declaration. HEAD comes
// with GET (RFC 9110 §9.3.2: GET without the body) and OPTIONS is answered everywhere.
// Pure.

/** The methods this server knows, in the order Allow lists them. */
export const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;
export type Method = (typeof METHODS)[number];

/** What a route declares it takes; HEAD and OPTIONS follow. */
export type DeclaredMethod = Exclude<Method, 'HEAD'>;

/** HTTP methods that exist but no route here ever takes (405 rather than 501). */
const NEVER = new Set(['TRACE', 'CONNECT']);

export const isMethod = (name: string): name is Method => (METHODS as readonly string[]).includes(name);

/** Every method a route with these declared methods answers, in Allow order. */
export function allowedMethods(declared: readonly DeclaredMethod[]): Method[] {
  const taken = new Set<Method>([...declared, 'OPTIONS']);
  if (taken.has('GET')) taken.add('HEAD');
  return METHODS.filter((m) => taken.has(m));
}

/** The Allow header of a route: "GET, HEAD, OPTIONS". */
export const allowHeader = (declared: readonly DeclaredMethod[]) => allowedMethods(declared).join(', ');

export type MethodVerdict = { ok: true; method: Method } | { ok: false; status: 405 | 501; allow: string };

/** Whether a route takes `method`: else 405 with Allow, or 501 for a method this server does not know. */
export function checkMethod(method: string, declared: readonly DeclaredMethod[]): MethodVerdict {
  const name = method.toUpperCase();
  const allow = allowHeader(declared);
  if (isMethod(name)) return allowedMethods(declared).includes(name) ? { ok: true, method: name } : { ok: false, status: 405, allow };
  return { ok: false, status: NEVER.has(name) ? 405 : 501, allow };
}

/** Methods that change nothing (RFC 9110 §9.2.1): never refused while the database is away. */
export const isSafe = (method: string) => method === 'GET' || method === 'HEAD' || method === 'OPTIONS';
