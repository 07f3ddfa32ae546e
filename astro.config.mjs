// Astro: server-rendered pages on Node (standalone adapter), preact islands at the leaves.
// `npm start` boots the database itself (src/cli/start.ts); under `astro dev` the
// integration below does the same before the first request.
import node from '@astrojs/node';
import preact from '@astrojs/preact';
import { defineConfig } from 'astro/config';

/** @returns {import('astro').AstroIntegration} */
function bootInDevelopment() {
  return {
    name: 'status-page-dev-boot',
    hooks: {
      'astro:server:setup': async () => {
        const { bootForDevelopment } = await import('./src/server/dev-boot.ts');
        await bootForDevelopment();
      },
    },
  };
}

export default defineConfig({
  output: 'server',
  adapter: node({ mode: 'standalone' }),
  integrations: [preact(), bootInDevelopment()],
  // The same origin check runs in src/middleware.ts, but not on the token API (src/http/origin-check.ts).
  security: { checkOrigin: false },
  server: { port: 4321 },
  // No inline <style>: pages rendered per request (the console) carry a policy without
  // inline code; the cached public pages list the hashes of what they inline (islands).
  build: { inlineStylesheets: 'never' },
});
