// The notification benchmark's mail sink (test/bench/notify.ts starts it as a child
// process, so its work does not stall the benchmark's own timers): an SMTP server on
// loopback that accepts everything without parsing it, and tells, when asked over IPC,
// how many messages it took, when the first and the last arrived, and how many
// recipients got the same subject twice.
import { SMTPServer } from 'smtp-server';

let count = 0;
let first = 0;
let last = 0;
let duplicates = 0;
const seen = new Set<string>();

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  size: 1024 * 1024,
  onData(stream, session, callback) {
    let head = '';
    stream.on('data', (chunk: Buffer) => {
      if (head.length < 4096) head += chunk.toString('latin1');
    });
    stream.on('end', () => {
      const now = Date.now();
      count += 1;
      first ||= now;
      last = now;
      const subject = /^Subject: (.*)$/m.exec(head)?.[1] ?? '';
      for (const to of session.envelope.rcptTo) {
        const key = `${to.address} ${subject}`;
        if (seen.has(key)) duplicates += 1;
        seen.add(key);
      }
      callback();
    });
  },
});

server.listen(0, '127.0.0.1', () => {
  process.send!({ type: 'listening', port: (server.server.address() as { port: number }).port });
});
process.on('message', (message: { type: 'count' | 'reset' }) => {
  if (message.type === 'reset') {
    count = first = last = duplicates = 0;
    seen.clear();
  }
  process.send!({ type: 'count', count, first, last, duplicates });
});
process.on('disconnect', () => process.exit(0));
