// What a refused command says: a code the API maps to an HTTP status and the console to a
// message, and for input problems every field with the rule it broke. A refused command
// has written nothing (its transaction rolled back).
import type { z } from 'zod';
import type { RuleBreach } from '#src/sla/maintenance-rules.ts';

export type CommandErrorCode =
  /** The input does not parse: 422 with fields. */
  | 'invalid'
  /** A rule of the SLA or of the state is broken by otherwise valid input: 422 with fields. */
  | 'rule_broken'
  /** The actor may not do this: 403. */
  | 'forbidden'
  | 'not_found'
  /** The entity's state forbids it (e.g. an update after the resolution): 409. */
  | 'conflict'
  /** The caller's version is not the stored one (If-Match): 412. */
  | 'stale';

export interface FieldProblem {
  /** JSON path, e.g. "impacts.voipnow" or "start". */
  path: string;
  message: string;
  /** A machine-readable rule code where one exists (maintenance rules). */
  rule?: string;
  /** The broken maintenance rule with its figures, so the console words it in its language
   *  (the API sends path, message and rule). */
  breach?: RuleBreach;
}

export class CommandError extends Error {
  readonly code: CommandErrorCode;
  readonly fields: FieldProblem[];
  constructor(code: CommandErrorCode, message: string, fields: FieldProblem[] = []) {
    super(message);
    this.name = 'CommandError';
    this.code = code;
    this.fields = fields;
  }
}

export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), '');
}

export function invalidInput(error: z.ZodError): CommandError {
  const fields = error.issues.map((issue) => ({ path: formatPath(issue.path) || '(body)', message: issue.message }));
  return new CommandError('invalid', `the request has ${fields.length} invalid field(s)`, fields);
}

export function fieldError(path: string, message: string, code: CommandErrorCode = 'invalid'): CommandError {
  return new CommandError(code, `${path} ${message}`, [{ path, message }]);
}

export const notFound = (what: string, id: number | string) => new CommandError('not_found', `${what} ${id} does not exist`);
