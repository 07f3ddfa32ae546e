// A cached render keeps only its own bytes: the body and its gzip and brotli forms each in a
// buffer of their size, not a view into one of Node's shared 64 KB slabs, which a cache
// entry would keep alive for as long as it lives (docs/figures.md, memory).
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { entryOf, ownBytes } from '#src/server/response-cache.ts';

describe('the response cache', () => {
  it('keeps each form of a small render in a buffer of its own size, the bytes unchanged', async () => {
    const html = `<!doctype html><title>x</title><p>${'Storing opgelost. '.repeat(50)}</p>`;
    const body = Buffer.from(html);
    expect(body.buffer.byteLength).toBeGreaterThan(body.byteLength); // a view into Node's pool
    const entry = await entryOf('/', { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body }, 'v1', Date.UTC(2026, 10, 25), undefined, 'https://status.voizxl.nl');
    for (const form of [entry.body, entry.gzip, entry.br]) expect(form.buffer.byteLength).toBe(form.byteLength);
    expect(entry.body.toString()).toBe(html);
    expect(gunzipSync(entry.gzip).toString()).toBe(html);
    expect(brotliDecompressSync(entry.br).toString()).toBe(html);
  });

  it('leaves a buffer that already owns its bytes as it is', () => {
    const own = Buffer.from(new Uint8Array([1, 2, 3]).buffer);
    expect(ownBytes(own)).toBe(own);
    const view = Buffer.from('abc');
    expect(ownBytes(view)).toEqual(view);
    expect(ownBytes(view).buffer.byteLength).toBe(3);
  });
});
