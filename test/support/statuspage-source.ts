// A Statuspage page on loopback for the import's tests: serves the fixtures shaped like
// Statuspage's own documents (test/fixtures/statuspage) at their /api/v2/ paths, or what a
// test puts in their place (another body, another status), and records what was asked.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { once } from 'node:events';

const FIXTURES: Record<string, string> = {
  'components.json': 'components.json',
  'incidents.json': 'incidents.json',
  'incidents/unresolved.json': 'unresolved.json',
  'scheduled-maintenances.json': 'scheduled-maintenances.json',
  'scheduled-maintenances/upcoming.json': 'upcoming.json',
  'scheduled-maintenances/active.json': 'active.json',
};

export interface StatuspageSource {
  url: string;
  /** Paths asked for, in order. */
  requests: string[];
  /** Answers `path` (under /api/v2/) with this status and body instead of the fixture; null restores it. */
  replace(path: string, answer: { status: number; body: string } | null): void;
  close(): Promise<void>;
}

export async function statuspageSource(): Promise<StatuspageSource> {
  const replaced = new Map<string, { status: number; body: string }>();
  const requests: string[] = [];
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    requests.push(path);
    const name = path.replace(/^\/api\/v2\//, '');
    const answer = replaced.get(name) ?? (FIXTURES[name] ? { status: 200, body: readFileSync(`test/fixtures/statuspage/${FIXTURES[name]}`, 'utf8') } : { status: 404, body: '{"error":"not found"}' });
    response.writeHead(answer.status, { 'Content-Type': 'application/json; charset=utf-8' });
    response.end(answer.body);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    replace: (path, answer) => (answer ? replaced.set(path, answer) : replaced.delete(path)),
    close: async () => {
      server.close();
      await once(server, 'close');
    },
  };
}
