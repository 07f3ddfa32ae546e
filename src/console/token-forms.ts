// The token forms of the users and account pages: create (the token is shown once, on
// the answer itself) and revoke.
import { createToken, revokeToken } from '#src/auth/users.ts';
import type { CommandContext } from '#src/commands/run.ts';
import { numberField, optional, type FormValues } from './forms.ts';

/** The new token, or null after a revoke. */
export async function handleTokenForm(ctx: CommandContext, values: FormValues, scopes: string[]): Promise<string | null> {
  if (values.intent === 'revoke') {
    await revokeToken(ctx, values.prefix ?? '');
    return null;
  }
  const days = numberField(values.expiresDays);
  const created = await createToken(ctx, { email: values.email, name: values.name, scopes, ...(optional(values.expiresDays) && { expiresDays: days }) });
  return created.token;
}
