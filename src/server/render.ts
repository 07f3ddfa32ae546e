// Renders of cached routes through the Astro handler into memory, one per address and
// published state at a time (requests arriving meanwhile in the same state wait for the
// same one; after a write, a new render begins beside one of the old state). A render is the route's answer
// for everyone, so it runs on a request of its own: a GET of the canonical address with no
// header of the visitor's (no validators, no Range, no cookie, no Host of theirs), on a
// socket of its own, whatever the request that started it (a HEAD, a conditional GET, one
// that goes away before the end). A HEAD therefore fills the cache with the whole body.
import { IncomingMessage, type ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import { CaptureResponse, type Rendered } from './capture.ts';
import { entryOf, type CachedResponse, type ResponseCache } from './response-cache.ts';

export type NodeHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/** A GET of `url` as the app's own visitor at SITE_URL. */
function renderRequest(url: string, host: string): IncomingMessage {
  const request = new IncomingMessage(new Socket());
  request.method = 'GET';
  request.url = url;
  request.headers = { host };
  request.httpVersionMajor = 1;
  request.httpVersionMinor = 1;
  request.httpVersion = '1.1';
  request.complete = true;
  request.push(null);
  return request;
}

/** A 200 or 404 that sets no cookie and, a 200, that its route lets be stored (not no-store or private). */
export function cacheable(rendered: Rendered): boolean {
  if (rendered.headers['set-cookie'] !== undefined) return false;
  // A 404 is kept here even though no browser may store it: it is this state's answer too.
  if (rendered.status === 404) return true;
  return rendered.status === 200 && !/no-store|private/.test(String(rendered.headers['cache-control'] ?? ''));
}

export interface RenderOptions {
  handler: NodeHandler;
  cache: ResponseCache;
  siteUrl: string;
  clock: () => Date;
}

/** A render under way: the published state it renders, and its answer. */
interface Running {
  state: string;
  result: Promise<CachedResponse | Rendered>;
}

export class Renders {
  private readonly running = new Map<string, Running>();
  private readonly options: RenderOptions;
  private readonly host: string;

  constructor(options: RenderOptions) {
    this.options = options;
    this.host = new URL(options.siteUrl).host;
  }

  /**
   * The render of `key` in `state` under way, if any (a request that finds one waits for it:
   * X-Cache HIT). A render begun in an earlier state is not joined: it may show what a write
   * since has changed.
   */
  pending(key: string, state: string): Promise<CachedResponse | Rendered> | undefined {
    const running = this.running.get(key);
    return running?.state === state ? running.result : undefined;
  }

  /** Renders `key` (its canonical address) in `state`: into the cache when it may be kept and no later render of it has begun. */
  start(key: string, state: string, previous: CachedResponse | undefined, frameAncestors?: string): Promise<CachedResponse | Rendered> {
    const { handler, cache, siteUrl, clock } = this.options;
    const request = renderRequest(key, this.host);
    const capture = new CaptureResponse(request);
    const record = { state } as Running;
    const work = (async () => {
      await handler(request, capture as unknown as ServerResponse);
      const rendered = await capture.done;
      if (rendered.status >= 500) throw new Error(`the render of ${key} answered ${rendered.status}`);
      if (!cacheable(rendered)) return rendered;
      const entry = await entryOf(key, rendered, state, +clock(), previous, siteUrl, frameAncestors);
      // A render of a later state began meanwhile: the cache is its to fill.
      if (this.running.get(key) === record) cache.set(entry);
      return entry;
    })();
    record.result = work.finally(() => {
      if (this.running.get(key) === record) this.running.delete(key);
    });
    this.running.set(key, record);
    return record.result;
  }
}
