// The badges as an image viewer and a screen reader meet them (src/badges/svg.ts): well-formed
// SVG parsed by a real XML parser, a <title> and aria-label saying label and message, text
// escaped, boxes wide enough for their text, white text at 4.5:1 or more on every colour,
// and the same badge as a shields.io endpoint document.
import { describe, expect, it } from 'vitest';
import { BADGE_COLOURS, badgeSvg, shieldsEndpoint, type BadgeTone } from '#src/badges/svg.ts';
import { parseSvg } from '../support/svg-parser.ts';

/** WCAG 2.1 contrast ratio of two sRGB colours written #rrggbb. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

describe('a badge', () => {
  it('is well-formed SVG with a title and label saying both parts, in the tone asked for', () => {
    const svg = parseSvg(badgeSvg({ label: 'voizXL status', message: 'Werkt normaal', tone: 'ok' }));
    expect(svg.title).toBe('voizXL status: Werkt normaal');
    expect(svg.attributes).toMatchObject({ role: 'img', 'aria-label': 'voizXL status: Werkt normaal', height: '20' });
    expect(svg.texts).toEqual(['voizXL status', 'Werkt normaal']);
    expect(svg.fills).toEqual([BADGE_COLOURS.label, BADGE_COLOURS.ok]);
  });

  it('escapes what it says, so a product named with & or < keeps the document well-formed', () => {
    const svg = parseSvg(badgeSvg({ label: 'R&D <lab>', message: '"99,9 %"', tone: 'info' }));
    expect(svg.title).toBe('R&D <lab>: "99,9 %"');
    expect(svg.texts).toEqual(['R&D <lab>', '"99,9 %"']);
  });

  it('grows with its text: a longer message makes a wider badge, its parts side by side', () => {
    const short = parseSvg(badgeSvg({ label: '3CX', message: 'Onderhoud', tone: 'info' }));
    const long = parseSvg(badgeSvg({ label: '3CX', message: 'Gedeeltelijke storing', tone: 'partial' }));
    expect(Number(long.attributes.width)).toBeGreaterThan(Number(short.attributes.width));
    // At least 6 px a character, whatever the font falls back to.
    expect(Number(long.attributes.width)).toBeGreaterThanOrEqual(6 * '3CXGedeeltelijke storing'.length);
  });

  it.each(Object.keys(BADGE_COLOURS) as (BadgeTone | 'label')[])('keeps white text at 4.5:1 or more on %s', (tone) => {
    expect(contrast('#ffffff', BADGE_COLOURS[tone])).toBeGreaterThanOrEqual(4.5);
  });

  it('is also a shields.io endpoint document with schemaVersion 1, label, message and colour', () => {
    expect(shieldsEndpoint({ label: 'VOIPNOW', message: 'Ernstige storing', tone: 'bad' })).toEqual({
      schemaVersion: 1,
      label: 'VOIPNOW',
      message: 'Ernstige storing',
      color: BADGE_COLOURS.bad.slice(1),
      labelColor: BADGE_COLOURS.label.slice(1),
      cacheSeconds: 300,
    });
  });
});
