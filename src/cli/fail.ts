// How every command ends on a problem a user can fix: one line naming the setting and
// the rule, exit code 1, no stack trace. Anything else is a bug and keeps its stack.
import { DatabaseUnavailableError } from '#db/client.ts';
import { CatalogueError } from '#src/products/catalogue.ts';
import { ConfigError } from '#src/config/environment.ts';

export function failOnStartupError(error: unknown): never {
  if (error instanceof ConfigError) console.error(`Configuration error: ${error.message}`);
  else if (error instanceof DatabaseUnavailableError) console.error(`Database error: ${error.setting}: ${error.message}`);
  else if (error instanceof CatalogueError) console.error(`Configuration error: ${error.message}`);
  else console.error(error);
  process.exit(1);
}
