// `npm run -s token -- create EMAIL --name NAME [--scopes a,b] [--expires-days N]` prints
// only the token (shown once); `list`; `revoke PREFIX`.
import { parseArgs } from 'node:util';
import { createToken, listTokens, revokeToken } from '#src/auth/users.ts';
import { runAdminCommand, UsageError } from './admin-command.ts';

const USAGE = `Usage:
  npm run -s token -- create EMAIL --name NAME [--scopes incidents,maintenance,outages,kpis,alerts; subscribers only when named] [--expires-days N]
  npm run -s token -- list
  npm run -s token -- revoke PREFIX`;

const { positionals, values } = parseArgs({
  allowPositionals: true,
  strict: false,
  options: { name: { type: 'string' }, scopes: { type: 'string' }, 'expires-days': { type: 'string' } },
});
const [verb, arg] = positionals;

await runAdminCommand(USAGE, async (ctx) => {
  if (verb === 'create' && arg && positionals.length === 2) {
    if (typeof values.name !== 'string') throw new UsageError('create needs --name');
    const days = values['expires-days'];
    const created = await createToken(ctx, {
      email: arg,
      name: values.name,
      ...(typeof values.scopes === 'string' && { scopes: values.scopes.split(',').map((s) => s.trim()).filter(Boolean) }),
      ...(typeof days === 'string' && { expiresDays: /^\d+$/.test(days) ? Number(days) : Number.NaN }),
    });
    console.error(`Token ${created.prefix} (${created.scopes.join(', ')})${created.expiresAt ? `, expires ${created.expiresAt.toISOString()}` : ''}. It is shown only now:`);
    console.log(created.token);
  } else if (verb === 'list' && positionals.length === 1) {
    for (const t of await listTokens(ctx.db, ctx.actor)) {
      const state = t.revokedAt ? 'revoked' : t.expiresAt && t.expiresAt <= ctx.now ? 'expired' : 'active';
      console.log([t.prefix, t.user, t.name, t.scopes.join(','), state, `last used ${t.lastUsedAt?.toISOString() ?? 'never'}`, `expires ${t.expiresAt?.toISOString() ?? 'never'}`].join('\t'));
    }
  } else if (verb === 'revoke' && arg && positionals.length === 2) {
    await revokeToken(ctx, arg);
    console.log(`Revoked ${arg}.`);
  } else {
    throw new UsageError(verb ? `Unknown or incomplete command: ${positionals.join(' ')}` : 'Name a command.');
  }
});
