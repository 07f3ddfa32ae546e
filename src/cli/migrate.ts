// `npm run db:migrate`: apply the migrations and sync the product catalogue, nothing else.
import { openConfiguredDatabase } from '#src/server/boot.ts';
import { loadConfig } from '#src/config/environment.ts';
import { failOnStartupError } from './fail.ts';

try {
  const handle = await openConfiguredDatabase(loadConfig());
  await handle.close();
  console.log('Migrations applied; products in sync with the catalogue.');
} catch (error) {
  failOnStartupError(error);
}
