// Who is acting, and what they may do. Roles (admin, operator) come from the user; a token
// narrows its user's rights to its scopes. Pure: no I/O.

export const ROLES = ['admin', 'operator'] as const;
export type Role = (typeof ROLES)[number];

/** What a token may write. `alerts` is the Alertmanager receiver; `subscribers` the notification subscribers (admins only). */
export const TOKEN_SCOPES = ['incidents', 'maintenance', 'outages', 'kpis', 'alerts', 'subscribers'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];
/** A token made without naming scopes: every write scope, but not the subscribers' addresses (personal data is asked for by name). */
export const DEFAULT_TOKEN_SCOPES: readonly TokenScope[] = TOKEN_SCOPES.filter((s) => s !== 'subscribers');

/** A write permission: one per scope (subscribers: admin only), plus managing users (admin only) and tokens (own, or anyone's for an admin; never through a token). */
export type Permission = TokenScope | 'users' | 'tokens';

export type Actor =
  | {
      kind: 'user';
      userId: number;
      email: string;
      role: Role;
      /** Set when acting through an API token: its prefix and scopes. */
      token?: { id: number; prefix: string; scopes: readonly TokenScope[] };
    }
  /** A process acting for nobody: the history import, the demo seed, the command line. */
  | { kind: 'system'; name: 'import' | 'demo' | 'cli' | 'setup' };

export function can(actor: Actor, permission: Permission): boolean {
  if (actor.kind === 'system') return true;
  // Subscribers are the provider's customers' addresses: personal data, for admins.
  if ((permission === 'users' || permission === 'subscribers') && actor.role !== 'admin') return false;
  if (actor.token) return permission !== 'users' && permission !== 'tokens' && actor.token.scopes.includes(permission);
  return true;
}

/** The audit log's actor column: "user:3", or the system's name. */
export function actorName(actor: Actor): string {
  return actor.kind === 'user' ? `user:${actor.userId}` : actor.name;
}
