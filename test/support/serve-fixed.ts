// The test server: the same start-up as `npm start` (serve, boot), with the clock fixed at
// the instant given as the first argument and the demo history of that instant as the
// database's history, so the browser and end-to-end tests see the same pages at any hour
// of any day. Started by startServer({ now }) in ./server.ts.
import { generateDemoHistory } from '#src/demo/history.ts';
import { failOnStartupError } from '#src/cli/fail.ts';
import { loadConfig } from '#src/config/environment.ts';
import { serve } from '#src/server/serve.ts';

const at = new Date(process.argv[2] ?? '');
if (Number.isNaN(+at)) {
  console.error('Usage: node test/support/serve-fixed.ts <ISO instant>');
  process.exit(2);
}
try {
  await serve(loadConfig(), { clock: () => new Date(at), history: generateDemoHistory(at) });
} catch (error) {
  failOnStartupError(error);
}
