// Renders of cached routes (src/server/render.ts) with a handler whose pages the test lets
// finish one by one: who joins a render under way, and whose answer the cache keeps when a
// write comes between two renders of the same address.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { Renders } from '#src/server/render.ts';
import { ResponseCache } from '#src/server/response-cache.ts';

/** A handler that answers each render with the page of the data version the test set when the render began, once released. */
function gatedHandler() {
  const waiting: Array<() => void> = [];
  const handler = {
    version: 1,
    calls: 0,
    handle(_req: IncomingMessage, res: ServerResponse): Promise<void> {
      handler.calls++;
      const seen = handler.version;
      return new Promise((resolve) => {
        waiting.push(() => {
          res.statusCode = 200;
          res.setHeader('Content-Type', 'text/html; charset=utf-8');
          res.end(`<!doctype html><title>Status</title><p>versie ${seen}</p>`);
          resolve();
        });
      });
    },
  };
  /** Finishes the render begun `index`-th among those still waiting. */
  const release = (index = 0) => waiting.splice(index, 1)[0]!();
  return { handler, release };
}

const setup = () => {
  const { handler, release } = gatedHandler();
  const cache = new ResponseCache(1_000_000, null);
  const renders = new Renders({ handler: (req, res) => handler.handle(req, res), cache, siteUrl: 'https://status.voizxl.nl', clock: () => new Date('2026-03-05T12:00:00Z') });
  return { handler, release, cache, renders };
};
const text = (answer: unknown) => (answer as { body: Buffer }).body.toString();

describe('renders of a cached route', () => {
  it('lets requests in the same state wait for the one render under way', async () => {
    const { handler, release, renders } = setup();
    const first = renders.start('/', '1@0', undefined);
    const joined = renders.pending('/', '1@0');
    expect(joined).toBe(first);
    release();
    expect(text(await joined)).toContain('versie 1');
    expect(handler.calls).toBe(1);
    expect(renders.pending('/', '1@0')).toBeUndefined();
  });

  it('does not let a request after a write join a render begun before it, and keeps the later render in the cache', async () => {
    const { handler, release, cache, renders } = setup();
    const before = renders.start('/', '1@0', undefined);
    handler.version = 2; // a write commits while the render of version 1 runs
    expect(renders.pending('/', '2@0')).toBeUndefined();
    const after = renders.start('/', '2@0', undefined);
    expect(renders.pending('/', '2@0')).toBe(after);
    release(1); // the later render ends first …
    expect(text(await after)).toContain('versie 2');
    release(0); // … and the earlier one after it: its own request gets it, the cache does not
    expect(text(await before)).toContain('versie 1');
    expect(cache.get('/')?.state).toBe('2@0');
    expect(cache.get('/')?.body.toString()).toContain('versie 2');
  });

  it('keeps the later render when the earlier one ends first, too', async () => {
    const { handler, release, cache, renders } = setup();
    const before = renders.start('/', '1@0', undefined);
    handler.version = 2;
    const after = renders.start('/', '2@0', undefined);
    release(0);
    await before;
    expect(cache.get('/')).toBeUndefined();
    release(0);
    await after;
    expect(cache.get('/')?.state).toBe('2@0');
  });
});
