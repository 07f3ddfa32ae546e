// `npm run -s user -- add EMAIL --name NAME --role admin|operator` (password from stdin or
// asked for), `list`, `disable EMAIL`, `password EMAIL`.
import { parseArgs } from 'node:util';
import { addUser, disableUser, listUsers, setPassword } from '#src/auth/users.ts';
import { runAdminCommand, UsageError } from './admin-command.ts';
import { readSecret } from './secret-input.ts';

const USAGE = `Usage:
  npm run -s user -- add EMAIL --name NAME --role admin|operator   (password from stdin, or asked for)
  npm run -s user -- list
  npm run -s user -- disable EMAIL
  npm run -s user -- password EMAIL                                (new password from stdin, or asked for)`;

const { positionals, values } = parseArgs({ allowPositionals: true, strict: false, options: { name: { type: 'string' }, role: { type: 'string' } } });
const [verb, email] = positionals;

await runAdminCommand(USAGE, async (ctx) => {
  if (verb === 'add' && email && positionals.length === 2) {
    if (typeof values.name !== 'string' || typeof values.role !== 'string') throw new UsageError('add needs --name and --role');
    const password = await readSecret(`Password for ${email}: `);
    await addUser(ctx, { email, name: values.name, role: values.role, password });
    console.log(`Added ${values.role} ${email.toLowerCase()}.`);
  } else if (verb === 'list' && positionals.length === 1) {
    for (const u of await listUsers(ctx.db)) console.log([u.email, u.role, u.name, u.disabledAt ? `disabled ${u.disabledAt.toISOString()}` : 'active'].join('\t'));
  } else if (verb === 'disable' && email && positionals.length === 2) {
    await disableUser(ctx, email);
    console.log(`Disabled ${email.toLowerCase()} and revoked their tokens.`);
  } else if (verb === 'password' && email && positionals.length === 2) {
    await setPassword(ctx, email, await readSecret(`New password for ${email}: `));
    console.log(`Password of ${email.toLowerCase()} changed.`);
  } else {
    throw new UsageError(verb ? `Unknown or incomplete command: ${positionals.join(' ')}` : 'Name a command.');
  }
});
