// The console's CSV upload of subscribers (e-mail): a header line naming the columns
// email, locale and products (in any order; locale and products may be left out), then
// one subscriber a line; products as slugs separated by spaces or "|" (empty: all).
// Fields are separated by commas, or by semicolons when the header has those and no comma
// (what a Dutch spreadsheet writes), and may be quoted as RFC 4180 says. Pure: the rows
// become the admin API's bulk input, and a problem at subscribers[i] is told as the line
// it came from.
export const CSV_COLUMNS = ['email', 'locale', 'products'] as const;

export interface CsvProblem {
  /** 1-based, the header being line 1. */
  line: number;
  column: string | null;
  message: string;
}

export type CsvResult = { ok: true; subscribers: { channel: 'email'; email: string; locale?: string; products: string[] }[]; lines: number[] } | { ok: false; problems: CsvProblem[] };

/** RFC 4180 records with the line each starts on (quoted fields may span lines). */
function records(text: string, delimiter: string): { line: number; fields: string[] }[] {
  const out: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        field += c;
      }
    } else if (c === '"' && field === '') quoted = true;
    else if (c === delimiter) {
      fields.push(field);
      field = '';
    }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      fields.push(field);
      if (fields.some((f) => f.trim() !== '')) out.push({ line: start, fields });
      fields = [];
      field = '';
      start = ++line;
    } else field += c;
  }
  fields.push(field);
  if (fields.some((f) => f.trim() !== '')) out.push({ line: start, fields });
  return out;
}

export function parseSubscriberCsv(text: string): CsvResult {
  const body = text.replace(/^\uFEFF/, '');
  const first = body.split(/\r?\n/, 1)[0] ?? '';
  const all = records(body, first.includes(';') && !first.includes(',') ? ';' : ',');
  const header = all[0]?.fields.map((f) => f.trim().toLowerCase()) ?? [];
  const problems: CsvProblem[] = [];
  if (!header.includes('email')) problems.push({ line: 1, column: null, message: `the first line must name the columns: ${CSV_COLUMNS.join(', ')} (email at least)` });
  header.forEach((name) => {
    if (!(CSV_COLUMNS as readonly string[]).includes(name)) problems.push({ line: 1, column: name, message: `is not a column (${CSV_COLUMNS.join(', ')})` });
  });
  if (problems.length) return { ok: false, problems };
  const at = (fields: string[], name: string) => fields[header.indexOf(name)]?.trim() ?? '';
  const rows = all.slice(1);
  if (rows.length === 0) return { ok: false, problems: [{ line: 2, column: null, message: 'no subscriber below the header' }] };
  return {
    ok: true,
    subscribers: rows.map(({ fields }) => ({
      channel: 'email' as const,
      email: at(fields, 'email'),
      ...(at(fields, 'locale') && { locale: at(fields, 'locale').toLowerCase() }),
      products: at(fields, 'products').split(/[\s|]+/).filter(Boolean),
    })),
    lines: rows.map((r) => r.line),
  };
}

/** "subscribers[3].products[0]" → line 5, column products (for the problems the bulk add names). */
export function csvPlace(path: string, lines: readonly number[]): { line: number; column: string | null } {
  const match = /^subscribers\[(\d+)\](?:\.(\w+))?/.exec(path);
  if (!match) return { line: 1, column: null };
  return { line: lines[Number(match[1])] ?? 1, column: match[2] ?? null };
}
