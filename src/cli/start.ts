// `npm start` / `npm run serve`: validate the configuration, prepare the database, then
// start the built Astro server (dist/server/entry.mjs) in this same process.
import { loadConfig } from '#src/config/environment.ts';
import { serve } from '#src/server/serve.ts';
import { failOnStartupError } from './fail.ts';

try {
  await serve(loadConfig());
} catch (error) {
  failOnStartupError(error);
}
