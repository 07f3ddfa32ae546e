// `npm run -s demo -- seed | remove`: write the demo history into the configured database
// (also a PostgreSQL server, where start-up never does so by itself; refused when the
// database already holds history), or remove it and nothing else, in one transaction.
import { holdsDemoHistory } from '#src/demo/presence.ts';
import { removeDemoHistory } from '#src/demo/remove.ts';
import { hasNoHistory, openConfiguredDatabase, seedDemoHistory } from '#src/server/boot.ts';
import { readCatalogue } from '#src/products/catalogue.ts';
import { loadConfig } from '#src/config/environment.ts';
import { failOnStartupError } from './fail.ts';

const command = process.argv[2];
if ((command !== 'seed' && command !== 'remove') || process.argv.length > 3) {
  console.error('Usage: npm run -s demo -- seed | remove');
  process.exit(2);
}

try {
  const config = loadConfig();
  const handle = await openConfiguredDatabase(config);
  try {
    if (command === 'seed') {
      if (!(await hasNoHistory(handle.db))) {
        console.error('The database already holds incidents, maintenance or outages; demo history is only written into an empty one.');
        process.exitCode = 1;
      } else {
        await seedDemoHistory(handle.db, new Date());
        console.log('Demo history written: 13 months ending now.');
      }
    } else if (!(await holdsDemoHistory(handle.db))) {
      console.log('The database holds no demo history; nothing was removed.');
    } else {
      const gone = await removeDemoHistory(handle.db, readCatalogue(config.catalogueFile), new Date());
      console.log(
        `Demo history removed: ${gone.incidents} incident(s), ${gone.maintenances} maintenance(s), ${gone.outages} outage(s), ` +
          `${gone.kpis} KPI month(s); ${gone.products} product(s) measured afresh. Start-up will not add it again.`,
      );
    }
  } finally {
    await handle.close();
  }
} catch (error) {
  failOnStartupError(error);
}
