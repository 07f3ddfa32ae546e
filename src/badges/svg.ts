// A status badge as a small SVG image (the flat two-part style people know from project
// READMEs): a grey label, a coloured message, a <title> and aria-label that say both. Its
// colours are fixed, not the page's light or dark scheme, because it sits on other
// people's pages; every tone keeps white text at 4.5:1 or more. Pure.

/** What a badge says, in which tone. */
export interface Badge {
  label: string;
  message: string;
  tone: BadgeTone;
}

export type BadgeTone = 'ok' | 'warn' | 'partial' | 'bad' | 'info' | 'none';

/** One colour per tone, for the SVG and the shields.io document alike. */
export const BADGE_COLOURS: Readonly<Record<BadgeTone | 'label', string>> = {
  label: '#555555',
  ok: '#1a7f37',
  warn: '#8a5c00',
  partial: '#b04a00',
  bad: '#c4212d',
  info: '#0761c9',
  none: '#5b636b',
};

// Approximate advances of Verdana at 11 px, the badge's first font, so the boxes fit the
// text without measuring it; DejaVu Sans and Geneva, its fall-backs, run a little narrower.
const NARROW = new Set([...'fijlrtI.,:;!|\'()[] ']);
const WIDE = new Set([...'mwMW%@']);
function textWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    if (NARROW.has(char)) width += 4.2;
    else if (WIDE.has(char)) width += 10.4;
    else if (/[A-Z0-9]/.test(char)) width += 7.5;
    else width += 6.8;
  }
  return Math.ceil(width);
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
const escapeXml = (text: string) => text.replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!);

const PADDING = 6;
const HEIGHT = 20;

export function badgeSvg({ label, message, tone }: Badge): string {
  const labelWidth = textWidth(label) + 2 * PADDING;
  const messageWidth = textWidth(message) + 2 * PADDING;
  const width = labelWidth + messageWidth;
  const said = escapeXml(`${label}: ${message}`);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${HEIGHT}" viewBox="0 0 ${width} ${HEIGHT}" role="img" aria-label="${said}">`,
    `<title>${said}</title>`,
    `<clipPath id="round"><rect width="${width}" height="${HEIGHT}" rx="3"/></clipPath>`,
    '<g clip-path="url(#round)">',
    `<rect width="${labelWidth}" height="${HEIGHT}" fill="${BADGE_COLOURS.label}"/>`,
    `<rect x="${labelWidth}" width="${messageWidth}" height="${HEIGHT}" fill="${BADGE_COLOURS[tone]}"/>`,
    '</g>',
    '<g fill="#ffffff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11">',
    `<text x="${labelWidth / 2}" y="14">${escapeXml(label)}</text>`,
    `<text x="${labelWidth + messageWidth / 2}" y="14">${escapeXml(message)}</text>`,
    '</g>',
    '</svg>',
  ].join('');
}

/** The same badge as a shields.io "endpoint" document, for anyone who styles their own. */
export function shieldsEndpoint({ label, message, tone }: Badge) {
  return {
    schemaVersion: 1,
    label,
    message,
    color: BADGE_COLOURS[tone].slice(1),
    labelColor: BADGE_COLOURS.label.slice(1),
    // Shields' own minimum: the status page's figures change no faster than that matters.
    cacheSeconds: 300,
  };
}
