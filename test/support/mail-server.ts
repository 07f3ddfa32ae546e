// A real SMTP server on loopback (smtp-server) for the notification tests: every message it
// accepts is parsed with mailparser. `reject` makes it refuse the next n messages (451);
// `stop` and `start` take it down and bring it back on the same port.
import { once } from 'node:events';
import type { AddressInfo, Socket } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface MailServer {
  url: string;
  messages: ParsedMail[];
  /** Refuse the next `n` messages with a temporary error. */
  reject(n: number): void;
  /** After `n` more accepted messages, answer none (until `holdAfter(Infinity)`). */
  holdAfter(n: number): void;
  /** Messages to one address. */
  to(address: string): ParsedMail[];
  /** Stops listening and drops every connection, as a server that went down. */
  stop(): Promise<void>;
  /** Listens again on the same port. */
  start(): Promise<void>;
  close(): Promise<void>;
}

export async function startMailServer(): Promise<MailServer> {
  const messages: ParsedMail[] = [];
  // Counted when a message ends, before it is parsed: the worker sends over several connections at once.
  let accepted = 0;
  let rejecting = 0;
  let holding = Number.POSITIVE_INFINITY;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', async () => {
        if (accepted >= holding) return;
        if (rejecting > 0) {
          rejecting -= 1;
          const error = Object.assign(new Error('try again later'), { responseCode: 451 });
          return callback(error);
        }
        accepted += 1;
        messages.push(await simpleParser(Buffer.concat(chunks)));
        callback();
      });
    },
  });
  const sockets = new Set<Socket>();
  server.server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.listen(0, '127.0.0.1');
  await once(server.server, 'listening');
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    reject: (n) => {
      rejecting = n;
    },
    holdAfter: (n) => {
      holding = accepted + n;
    },
    to: (address) => messages.filter((m) => (Array.isArray(m.to) ? m.to : [m.to]).some((t) => t?.value.some((v) => v.address === address))),
    stop: async () => {
      const closed = new Promise((resolve) => server.server.close(resolve));
      for (const socket of sockets) socket.destroy();
      await closed;
    },
    start: async () => {
      server.server.listen(port, '127.0.0.1');
      await once(server.server, 'listening');
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
