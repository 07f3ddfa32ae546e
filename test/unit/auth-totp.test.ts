// TOTP against the test vectors of RFC 6238 appendix B (SHA-1, secret "12345678901234567890",
// 8 digits there; the 6-digit codes are their last six digits), base32 against RFC 4648 §10,
// and the one-step drift and replay rules.
import { describe, expect, it } from 'vitest';
import { acceptTotp, base32Decode, base32Encode, totpAt } from '#src/auth/totp.ts';

const SECRET = base32Encode(Buffer.from('12345678901234567890'));

describe('TOTP', () => {
  it('encodes base32 as RFC 4648 does', () => {
    expect(base32Encode(Buffer.from('foobar'))).toBe('MZXW6YTBOI');
    expect(base32Decode('MZXW6YTBOI').toString()).toBe('foobar');
    expect(SECRET).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
  });
  it('gives the codes of RFC 6238 appendix B', () => {
    // T = 59 s → step 1: 94287082; T = 1111111109 → step 37037036: 07081804; T = 2000000000 → 69279037.
    expect(totpAt(SECRET, 1, 8)).toBe('94287082');
    expect(totpAt(SECRET, 37_037_036, 8)).toBe('07081804');
    expect(totpAt(SECRET, 66_666_666, 8)).toBe('69279037');
    expect(totpAt(SECRET, 1)).toBe('287082');
  });
  it('accepts one step of drift either side, never a code twice, and nothing else', () => {
    const now = 1_111_111_109_000; // step 37037036
    expect(acceptTotp(SECRET, '081804', now, null)).toBe(37_037_036);
    expect(acceptTotp(SECRET, totpAt(SECRET, 37_037_035), now, null)).toBe(37_037_035);
    expect(acceptTotp(SECRET, totpAt(SECRET, 37_037_037), now, null)).toBe(37_037_037);
    expect(acceptTotp(SECRET, totpAt(SECRET, 37_037_038), now, null)).toBeNull();
    // Replayed: the step was used already.
    expect(acceptTotp(SECRET, '081804', now, 37_037_036)).toBeNull();
    expect(acceptTotp(SECRET, '12345', now, null)).toBeNull();
    expect(acceptTotp(SECRET, 'abcdef', now, null)).toBeNull();
  });
});
