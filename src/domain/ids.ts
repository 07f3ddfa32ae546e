// A row's id as it arrives from outside (a path segment, a query parameter, a form field):
// one to nine digits, so it always fits PostgreSQL's integer column and never reaches the
// database as a value that would make it fail. Anything else names no row.
const ID = /^\d{1,9}$/;

/** "57" → 57, "00057" → 57; null for anything else ("", "5a", "-1", "1e3", ten digits). */
export function parseId(text: string | null | undefined): number | null {
  return text != null && ID.test(text) ? Number(text) : null;
}
