// Content coding negotiation (src/http/negotiation.ts) and methods with Allow
// (src/http/methods.ts): what a request gets for its Accept-Encoding, and what a route
// answers to a method it does not take.
import { describe, expect, it } from 'vitest';
import { allowHeader, checkMethod } from '#src/http/methods.ts';
import { chooseEncoding, parseAcceptEncoding } from '#src/http/negotiation.ts';

describe('chooseEncoding', () => {
  it('sends the bytes as rendered to a client that names no coding', () => {
    for (const header of [undefined, null, '', '  ']) expect(chooseEncoding(header), String(header)).toBe('identity');
  });

  it('prefers brotli, then gzip, as browsers ask', () => {
    expect(chooseEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(chooseEncoding('gzip, deflate')).toBe('gzip');
    expect(chooseEncoding('x-gzip')).toBe('gzip');
    expect(chooseEncoding('*')).toBe('br');
  });

  it('follows the weights: q=0 refuses, the higher weight wins', () => {
    expect(chooseEncoding('br;q=0, gzip')).toBe('gzip');
    expect(chooseEncoding('br;q=0')).toBe('identity');
    expect(chooseEncoding('gzip;q=1.0, br;q=0.5')).toBe('gzip');
    expect(chooseEncoding('br ; Q=0 , gzip ; q=0.001')).toBe('gzip');
    expect(chooseEncoding('*;q=0.5, br;q=0')).toBe('gzip');
  });

  it('sends identity to identity, to unknown codings, and when every coding is refused', () => {
    expect(chooseEncoding('identity')).toBe('identity');
    expect(chooseEncoding('compress, snappy')).toBe('identity');
    expect(chooseEncoding('identity;q=0, br;q=0, gzip;q=0')).toBe('identity');
    expect(chooseEncoding('*;q=0')).toBe('identity');
  });

  it('skips members it cannot read rather than guessing', () => {
    expect(parseAcceptEncoding('br;q=abc, gzip;q=2, deflate;q=0.5, ;q=1, "quoted"')).toEqual(new Map([['deflate', 0.5]]));
    expect(chooseEncoding('br;q=abc, gzip')).toBe('gzip');
  });

  it('offers only the forms a render has', () => {
    expect(chooseEncoding('br, gzip', ['gzip', 'identity'])).toBe('gzip');
  });
});

describe('methods', () => {
  it('derives Allow from the declared methods: HEAD with GET, OPTIONS always, in one order', () => {
    expect(allowHeader(['GET'])).toBe('GET, HEAD, OPTIONS');
    expect(allowHeader(['PATCH', 'GET'])).toBe('GET, HEAD, PATCH, OPTIONS');
    expect(allowHeader(['POST'])).toBe('POST, OPTIONS');
  });

  it('answers 405 with Allow to a known method a route does not take, 501 to an unknown one, 405 to TRACE', () => {
    expect(checkMethod('get', ['GET'])).toEqual({ ok: true, method: 'GET' });
    expect(checkMethod('HEAD', ['GET'])).toEqual({ ok: true, method: 'HEAD' });
    expect(checkMethod('OPTIONS', ['POST'])).toEqual({ ok: true, method: 'OPTIONS' });
    expect(checkMethod('HEAD', ['POST'])).toEqual({ ok: false, status: 405, allow: 'POST, OPTIONS' });
    expect(checkMethod('DELETE', ['GET', 'OPTIONS'])).toEqual({ ok: false, status: 405, allow: 'GET, HEAD, OPTIONS' });
    expect(checkMethod('PROPFIND', ['GET'])).toEqual({ ok: false, status: 501, allow: 'GET, HEAD, OPTIONS' });
    expect(checkMethod('TRACE', ['GET'])).toEqual({ ok: false, status: 405, allow: 'GET, HEAD, OPTIONS' });
  });
});
