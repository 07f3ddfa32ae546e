// A notification mail as MIME, built once for every recipient of one event in one
// language (building it took about 2 ms a mail, more than sending it): the recipient's
// own parts (To, Message-ID, the link tokens) are slots of fixed length, filled in per mail
// by replacing text. The parts are quoted-printable, which may break a long line inside a
// slot ("=\r\n"); a token has the slot's length and an alphabet that quoted-printable
// leaves as it is, so it is written around the same breaks.
import { randomBytes } from 'node:crypto';
import MailComposer from 'nodemailer/lib/mail-composer';
import type { MailContent } from './content.ts';

/** Where the recipient's manage and confirm tokens go: as long as a token (43 characters). */
export const MANAGE_SLOT = 'ManageTokenSlotOfTheRecipient00000000000000';
export const CONFIRM_SLOT = 'ConfirmTokenSlotOfTheRecipient0000000000000';
const TO_SLOT = 'recipient-address-slot@invalid';
const MESSAGE_ID_SLOT = 'message-id-slot-of-the-recipient';

export async function composeMime(from: string, content: MailContent, headers: Record<string, string>): Promise<string> {
  const domain = /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'localhost';
  const composer = new MailComposer({ from, to: TO_SLOT, subject: content.subject, text: content.text, html: content.html, headers, messageId: `<${MESSAGE_ID_SLOT}@${domain}>`, textEncoding: 'quoted-printable' });
  return (await composer.compile().build()).toString('utf8');
}

function fillSlot(raw: string, slot: string, value: string): string {
  if (value.length !== slot.length) throw new Error(`a ${slot.length}-character value is needed for ${slot}`);
  const pattern = new RegExp(slot.split('').join('(=\\r\\n)?'), 'g');
  return raw.replace(pattern, (...match: string[]) => [...value].map((c, i) => c + (i < value.length - 1 ? (match[i + 1] ?? '') : '')).join(''));
}

export interface PersonalParts {
  to: string;
  manage?: string;
  confirm?: string;
}

/** The composed message for one recipient. */
export function personalize(raw: string, parts: PersonalParts): string {
  let out = raw.replace(TO_SLOT, parts.to).replace(MESSAGE_ID_SLOT, randomBytes(16).toString('hex'));
  if (parts.manage) out = fillSlot(out, MANAGE_SLOT, parts.manage);
  if (parts.confirm) out = fillSlot(out, CONFIRM_SLOT, parts.confirm);
  return out;
}
