// Starts the built status page (`node src/cli/start.ts`, as `npm run serve` does) on a
// free port in a child process, and stops it again; with { now }, the test server instead
// (./serve-fixed.ts: the same start-up with a fixed clock and the demo history of that moment).
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/** Node's flags for the server, as `npm run serve` gives them (package.json), so tests and benchmarks measure what production runs. */
export const SERVER_NODE_FLAGS: string[] = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: { serve: string } }).scripts.serve.match(/(?<=\s)--\S+/g) ?? [];

export interface RunningServer {
  url: string;
  /** The server process (for memory figures in the benchmarks). */
  pid: number;
  output: () => string;
  /** SIGTERM, then the exit code (null: it had already exited). */
  stop(): Promise<number | null>;
}

export async function freePort(): Promise<number> {
  const probe = createServer();
  probe.listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as { port: number };
  probe.close();
  return port;
}

/** Runs the start command to completion (for start-up failures). */
export async function runStart(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, 'src/cli/start.ts'], { env: { ...process.env, ...env }, stdio: 'pipe' });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, stdout, stderr };
}

export async function startServer(env: Record<string, string>, { now, timeoutMs = 120_000 }: { now?: Date; timeoutMs?: number } = {}): Promise<RunningServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  // The site's public address is the one the tests use, unless a test names another.
  const command = now ? ['test/support/serve-fixed.ts', now.toISOString()] : ['src/cli/start.ts'];
  const child: ChildProcess = spawn(process.execPath, [...SERVER_NODE_FLAGS, ...command], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), SITE_URL: url, ...env },
    stdio: 'pipe',
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}:\n${output}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
      await response.arrayBuffer();
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  if (Date.now() >= deadline) throw new Error(`the server did not answer within ${timeoutMs} ms:\n${output}`);
  return {
    url,
    pid: child.pid!,
    output: () => output,
    stop: async () => {
      if (child.exitCode !== null) return null;
      child.kill('SIGTERM');
      const [code] = (await once(child, 'exit')) as [number | null];
      return code;
    },
  };
}
