// Sending a mail: through nodemailer to SMTP_URL over a pool of connections that each carry
// many messages (a connection per mail was the bottleneck at a few thousand subscribers),
// or, without SMTP_URL, as an .eml file under DATA_DIR/mail (the same MIME message, so it
// opens in any mail program). Addresses are personal data: logs show them masked
// (maskAddress).
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';

/** One mail, already MIME (./mime.ts), to one address. */
export interface OutgoingMail {
  to: string;
  raw: string;
}

export interface MailTransport {
  /** For the start-up log: where mails go. */
  describe: string;
  /** MAIL_FROM: the sender of every mail. */
  from: string;
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

export interface MailSettings {
  smtpUrl: string | undefined;
  mailDir: string;
  mailFrom: string;
  /** SMTP connections kept open at once. */
  smtpConnections?: number;
}

/** "j…@example.nl": enough to tell two addresses apart in a log, not to write to one. */
export function maskAddress(address: string): string {
  const at = address.lastIndexOf('@');
  return at <= 0 ? '…' : `${address[0]}…${address.slice(at)}`;
}

/** Where mails go, in words, without opening anything. */
export function describeMail(settings: MailSettings): string {
  if (!settings.smtpUrl) return `.eml files in ${settings.mailDir} (no SMTP_URL set)`;
  const where = new URL(settings.smtpUrl);
  return `SMTP server ${where.hostname}:${where.port || (where.protocol === 'smtps:' ? 465 : 587)}`;
}

export function mailTransport(settings: MailSettings): MailTransport {
  const sender = /<([^<>]+)>\s*$/.exec(settings.mailFrom)?.[1] ?? settings.mailFrom;
  const message = (mail: OutgoingMail) => ({ envelope: { from: sender, to: [mail.to] }, raw: mail.raw });
  const describe = describeMail(settings);
  if (settings.smtpUrl) {
    // A relay that stops answering must not hold a send for minutes: the worker backs it off instead.
    const smtp = nodemailer.createTransport({
      url: settings.smtpUrl,
      pool: true,
      maxConnections: settings.smtpConnections ?? 5,
      maxMessages: Number.POSITIVE_INFINITY,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
    return {
      describe,
      from: settings.mailFrom,
      send: async (mail) => {
        await smtp.sendMail(message(mail));
      },
      close: () => smtp.close(),
    };
  }
  return {
    describe,
    from: settings.mailFrom,
    send: async (mail) => {
      await mkdir(settings.mailDir, { recursive: true });
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(4).toString('hex')}.eml`;
      await writeFile(join(settings.mailDir, name), mail.raw);
    },
    close: () => {},
  };
}
