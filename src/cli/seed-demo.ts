// `npm run db:seed-demo`: write the demo history into the configured database, also a
// PostgreSQL server, where start-up never does so by itself. Refuses a database that
// already holds history.
import { hasNoHistory, openConfiguredDatabase, seedDemoHistory } from '#src/server/boot.ts';
import { loadConfig } from '#src/server/config.ts';
import { failOnStartupError } from './fail.ts';

try {
  const handle = await openConfiguredDatabase(loadConfig());
  try {
    if (!(await hasNoHistory(handle.db))) {
      console.error('The database already holds incidents, maintenance or outages; demo history is only written into an empty one.');
      process.exitCode = 1;
    } else {
      await seedDemoHistory(handle.db, new Date());
      console.log('Demo history written: 13 months ending now.');
    }
  } finally {
    await handle.close();
  }
} catch (error) {
  failOnStartupError(error);
}
