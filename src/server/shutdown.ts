// Stopping the front server gracefully (SIGTERM, Ctrl-C): stop accepting; answer the
// requests already on a connection (with Connection: close, set by the front server while
// stopping); once none is left for a moment, close the idle connections; at the deadline,
// all of them.
import type { Server } from 'node:http';

export async function drain(server: Server, inFlight: () => number, graceSeconds: number): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  const deadline = Date.now() + graceSeconds * 1000;
  let quiet = 0;
  while (quiet < 3 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
    quiet = inFlight() === 0 ? quiet + 1 : 0;
  }
  server.closeIdleConnections();
  server.closeAllConnections();
  await closed;
}
