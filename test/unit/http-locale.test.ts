// The language of a request from its path (src/http/locale.ts): Dutch at /…, English at
// /en/…, and the canonical form of a numeric id.
import { describe, expect, it } from 'vitest';
import { canonicalId, splitLocale } from '#src/http/locale.ts';

describe('splitLocale', () => {
  it('reads English from the /en prefix and gives the path without it', () => {
    expect(splitLocale('/')).toEqual({ locale: 'nl', path: '/' });
    expect(splitLocale('/history')).toEqual({ locale: 'nl', path: '/history' });
    expect(splitLocale('/en')).toEqual({ locale: 'en', path: '/' });
    expect(splitLocale('/en/')).toEqual({ locale: 'en', path: '/' });
    expect(splitLocale('/en/products/3cx/incidents.rss')).toEqual({ locale: 'en', path: '/products/3cx/incidents.rss' });
    expect(splitLocale('/en/admin/users')).toEqual({ locale: 'en', path: '/admin/users' });
    expect(splitLocale('/english')).toEqual({ locale: 'nl', path: '/english' });
  });
});

describe('canonicalId', () => {
  it('gives the canonical form of an id written with leading zeros, and nothing otherwise', () => {
    expect(canonicalId('00057')).toBe('57');
    expect(canonicalId('0')).toBeNull();
    expect(canonicalId('57')).toBeNull();
    for (const id of [undefined, '', 'abc', '5a', '1234567890']) expect(canonicalId(id), String(id)).toBeNull();
  });
});
