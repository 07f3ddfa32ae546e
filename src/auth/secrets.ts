// Passwords and API tokens at rest: passwords as argon2id hashes (OWASP's parameters),
// tokens as SHA-256 of a 256-bit random secret (a token is long and random, so a slow
// hash adds nothing), with a visible prefix that identifies it in lists and audit rows.
import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

/** algorithm 2 is Argon2id (the library's const enum cannot be imported under verbatimModuleSyntax). */
const ARGON2 = { algorithm: 2 as const, memoryCost: 19_456, timeCost: 2, parallelism: 1 };
export const PASSWORD_MIN_LENGTH = 12;

export const hashPassword = (password: string) => hash(password, ARGON2);
export const verifyPassword = (stored: string, password: string) => verify(stored, password).catch(() => false);

export interface NewToken {
  /** Shown once; never stored. */
  token: string;
  prefix: string;
  hash: string;
}

/** "vzs_" + 8 hex characters (the visible prefix), "_" + 43 characters of secret. */
export function generateToken(): NewToken {
  const prefix = `vzs_${randomBytes(4).toString('hex')}`;
  const token = `${prefix}_${randomBytes(32).toString('base64url')}`;
  return { token, prefix, hash: hashToken(token) };
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
export const TOKEN_SHAPE = /^vzs_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/;
