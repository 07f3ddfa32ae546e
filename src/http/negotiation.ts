// Content coding negotiation (RFC 9110 §12.5.3, §12.4.2): which of the forms a cached
// render keeps (brotli, gzip, the bytes as rendered) a request gets, from its
// Accept-Encoding. Pure.
//
// - No header, or an empty one: the bytes as rendered (a client that says nothing may not
//   decode anything; curl without --compressed is one).
// - A coding with q=0 is refused; `*` stands for every coding not named; `x-gzip` is gzip.
// - `identity` is acceptable unless refused by name or by `*;q=0`, and is the last choice
//   among acceptable ones; of equal weights brotli goes before gzip (smaller).
// - When nothing is acceptable, not even identity, the bytes as rendered are sent anyway
//   (the RFC lets a server ignore the header rather than answer 406; a status page that
//   refuses to say its status over an encoding helps nobody).

export type Coding = 'br' | 'gzip' | 'identity';

/** The codings a cached render has, in the server's order of preference. */
export const CODINGS: readonly Coding[] = ['br', 'gzip', 'identity'];

/** A weight (`q=0.5`), or null when the text is not a qvalue. */
function qvalue(text: string): number | null {
  return /^(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/.test(text) ? Number(text) : null;
}

/** The members of an Accept-Encoding header: coding → weight; malformed members left out. */
export function parseAcceptEncoding(header: string): Map<string, number> {
  const weights = new Map<string, number>();
  for (const member of header.split(',')) {
    const [name, ...parameters] = member.split(';').map((p) => p.trim().toLowerCase());
    if (!name || !/^[a-z0-9!#$%&'*+.^_`|~-]+$/.test(name)) continue;
    let weight: number | null = 1;
    for (const parameter of parameters) {
      const [key, value] = parameter.split('=').map((p) => p.trim());
      if (key === 'q') weight = qvalue(value ?? '');
    }
    if (weight === null) continue;
    const coding = name === 'x-gzip' ? 'gzip' : name;
    // A coding named twice: its first weight counts.
    if (!weights.has(coding)) weights.set(coding, weight);
  }
  return weights;
}

/** The coding to answer with, among those the render has. */
export function chooseEncoding(header: string | null | undefined, available: readonly Coding[] = CODINGS): Coding {
  if (header === null || header === undefined || header.trim() === '') return 'identity';
  const weights = parseAcceptEncoding(header);
  const any = weights.get('*');
  const weightOf = (coding: Coding): number => {
    const named = weights.get(coding);
    if (named !== undefined) return named;
    if (any !== undefined) return coding === 'identity' ? Math.min(any, 0.001) : any;
    // Unnamed identity is acceptable, as the last choice.
    return coding === 'identity' ? 0.001 : 0;
  };
  let best: Coding = 'identity';
  let bestWeight = 0;
  for (const coding of CODINGS) {
    if (!available.includes(coding)) continue;
    const weight = weightOf(coding);
    if (weight > bestWeight) {
      best = coding;
      bestWeight = weight;
    }
  }
  return best;
}
