// HTTP receivers on loopback for the URL channels' tests: one that records every request
// and answers each path as told (a status, and headers such as Retry-After), and ones that
// accept a connection and never answer (a dead destination), which the test can cut.
import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { createServer as createTcpServer, type AddressInfo, type Server as TcpServer, type Socket } from 'node:net';

export interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  status: number;
}

export interface Receiver {
  url: string;
  received: Received[];
  /** The next answers for a path, in order (then 200). */
  answer(path: string, ...answers: { status: number; headers?: Record<string, string> }[]): void;
  close(): Promise<void>;
}

export async function startReceiver(): Promise<Receiver> {
  const received: Received[] = [];
  const answers = new Map<string, { status: number; headers?: Record<string, string> }[]>();
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (c) => (body += c));
    request.on('end', () => {
      const path = request.url ?? '/';
      const answer = answers.get(path)?.shift() ?? { status: 200 };
      received.push({ path, headers: request.headers, body, status: answer.status });
      response.writeHead(answer.status, answer.headers).end();
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    answer: (path, ...list) => answers.set(path, list),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export interface DeadEnd {
  url: string;
  /** Connections made to it so far. */
  connections(): number;
  /** Open connections (requests waiting for an answer that never comes). */
  open(): number;
  /** Cuts every open connection. */
  cut(): void;
  close(): Promise<void>;
}

/** A server that accepts connections and never answers. */
export async function startDeadEnd(): Promise<DeadEnd> {
  const sockets = new Set<Socket>();
  let connections = 0;
  const server: TcpServer = createTcpServer((socket) => {
    connections += 1;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const cut = () => {
    for (const socket of sockets) socket.destroy();
  };
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    connections: () => connections,
    open: () => sockets.size,
    cut,
    close: () => {
      cut();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
