// Row ids from outside (src/domain/ids.ts): what names a row and what names none.
import { describe, expect, it } from 'vitest';
import { parseId } from '#src/domain/ids.ts';

describe('parseId', () => {
  it('reads one to nine digits as the number they write', () => {
    expect(parseId('57')).toBe(57);
    expect(parseId('00057')).toBe(57);
    expect(parseId('0')).toBe(0);
    expect(parseId('999999999')).toBe(999_999_999);
  });

  it('names no row for anything else: empty, signs, letters, exponents, ten digits, padding', () => {
    for (const text of [undefined, null, '', ' 5', '5 ', '-1', '+1', '5a', '1e3', '1.0', '0x1f', '1234567890']) expect(parseId(text)).toBeNull();
  });
});
