// Hostile JSON (src/domain/strict-json.ts): refused with the problem and its place, never a
// stack overflow: deep nesting (as a whole and as it arrives in chunks), a key twice,
// "__proto__", numbers no double holds; ordinary JSON reads as JSON.parse reads it.
import { describe, expect, it } from 'vitest';
import { NestingGauge, parseStrictJson } from '#src/domain/strict-json.ts';

const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

describe('parseStrictJson', () => {
  it('reads ordinary JSON as JSON.parse does, strings with brackets, quotes and escapes included', () => {
    const text = '{"title":"Storing [3CX] \\"{\\" \\\\","impacts":{"3cx":"major_outage"},"n":[1,-2.5,3e2,9007199254740991],"ok":true,"no":null}';
    expect(parseStrictJson(text)).toEqual({ ok: true, value: JSON.parse(text) });
    expect(parseStrictJson(nested(64))).toEqual({ ok: true, value: JSON.parse(nested(64)) });
  });

  it('refuses nesting deeper than 64 levels without building it, 100,000 levels too', () => {
    expect(parseStrictJson(nested(65))).toEqual({ ok: false, kind: 'refused', message: 'nests deeper than 64 levels', path: '' });
    expect(parseStrictJson(nested(100_000))).toMatchObject({ ok: false, kind: 'refused', message: 'nests deeper than 64 levels' });
    expect(parseStrictJson(`{"a":${'{"b":'.repeat(70)}1${'}'.repeat(71)}`)).toMatchObject({ ok: false, message: 'nests deeper than 64 levels' });
  });

  it('names a key given twice, with where it is', () => {
    expect(parseStrictJson('{"impacts":{"3cx":"major_outage","voipnow":"operational","3cx":"operational"}}')).toEqual({
      ok: false,
      kind: 'refused',
      message: 'gives the key "3cx" twice',
      path: 'impacts.3cx',
    });
    // The same key in two objects is no repetition.
    expect(parseStrictJson('[{"a":1},{"a":2}]').ok).toBe(true);
  });

  it('refuses "__proto__", also written with escapes', () => {
    expect(parseStrictJson('{"updates":[{"x":1},{"__proto__":{"admin":true}}]}')).toEqual({ ok: false, kind: 'refused', message: 'uses the key "__proto__", which is refused', path: 'updates.1.__proto__' });
    expect(parseStrictJson('{"\\u005f_proto__":1}')).toMatchObject({ ok: false, message: 'uses the key "__proto__", which is refused' });
  });

  it('refuses numbers no double holds, and whole numbers beyond 2^53', () => {
    expect(parseStrictJson('{"category":1e400}')).toEqual({ ok: false, kind: 'refused', message: 'has the number 1e400…, too large for a double', path: 'category' });
    expect(parseStrictJson('[1,2,12345678901234567890]')).toEqual({ ok: false, kind: 'refused', message: 'has the whole number 12345678901234567890, beyond ±9007199254740991 (it would lose digits)', path: '2' });
    expect(parseStrictJson('-9007199254740992')).toMatchObject({ ok: false, path: '' });
    expect(parseStrictJson('[0.1, 1e-400, 1.5e300]').ok).toBe(true);
  });

  it('says what JSON.parse says about text that is not JSON', () => {
    const result = parseStrictJson('{"title": ');
    expect(result).toMatchObject({ ok: false, kind: 'syntax', path: '' });
    expect(!result.ok && result.message).toMatch(/^is not valid JSON \(.+\)$/);
  });
});

describe('NestingGauge', () => {
  it('follows the nesting across chunks, skipping brackets inside strings and after escapes', () => {
    const gauge = new NestingGauge(3);
    for (const chunk of ['[{"a":"[[[\\', '"[[[", "b":', '[1]', '}]']) expect(gauge.feed(Buffer.from(chunk)), chunk).toBe(true);
    expect(gauge.depth).toBe(0);
    expect(new NestingGauge(2).feed(Buffer.from('[[['))).toBe(false);
  });
});
