// A response the Astro handler writes into memory instead of onto a socket, so the front
// server (src/server/front.ts) can keep a render's bytes, compress them once and serve
// them to every later request. It offers the part of http.ServerResponse that the Node
// adapter's handlers use (writeHead, set/get headers, write, end, events).
import { EventEmitter } from 'node:events';
import type { IncomingMessage, OutgoingHttpHeaders } from 'node:http';

export interface Rendered {
  status: number;
  /** Lower-case names; several values of a header joined as Node gives them. */
  headers: Record<string, string | string[]>;
  body: Buffer;
}

export class CaptureResponse extends EventEmitter {
  statusCode = 200;
  statusMessage = '';
  headersSent = false;
  writableEnded = false;
  finished = false;
  readonly req: IncomingMessage;
  readonly done: Promise<Rendered>;
  private readonly headers = new Map<string, string | string[]>();
  private readonly chunks: Buffer[] = [];
  private settle!: (rendered: Rendered) => void;
  private fail!: (error: Error) => void;

  constructor(req: IncomingMessage) {
    super();
    this.req = req;
    this.done = new Promise((resolve, reject) => {
      this.settle = resolve;
      this.fail = reject;
    });
  }

  setHeader(name: string, value: number | string | readonly string[]): this {
    this.headers.set(name.toLowerCase(), Array.isArray(value) ? [...value] : String(value));
    return this;
  }
  getHeader(name: string) {
    return this.headers.get(name.toLowerCase());
  }
  getHeaders(): OutgoingHttpHeaders {
    return Object.fromEntries(this.headers);
  }
  getHeaderNames(): string[] {
    return [...this.headers.keys()];
  }
  hasHeader(name: string): boolean {
    return this.headers.has(name.toLowerCase());
  }
  removeHeader(name: string): void {
    this.headers.delete(name.toLowerCase());
  }
  writeHead(status: number, reasonOrHeaders?: string | OutgoingHttpHeaders | readonly string[], maybeHeaders?: OutgoingHttpHeaders): this {
    this.statusCode = status;
    const headers = typeof reasonOrHeaders === 'string' ? maybeHeaders : reasonOrHeaders;
    if (headers && !Array.isArray(headers)) {
      for (const [name, value] of Object.entries(headers)) if (value !== undefined) this.setHeader(name, value as string | string[]);
    }
    this.headersSent = true;
    return this;
  }
  flushHeaders(): void {
    this.headersSent = true;
  }
  write(chunk: string | Uint8Array, encodingOrCallback?: BufferEncoding | (() => void), callback?: () => void): boolean {
    this.headersSent = true;
    this.chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, typeof encodingOrCallback === 'string' ? encodingOrCallback : 'utf8') : Buffer.from(chunk));
    const done = typeof encodingOrCallback === 'function' ? encodingOrCallback : callback;
    done?.();
    return true;
  }
  end(chunk?: string | Uint8Array | (() => void), encodingOrCallback?: BufferEncoding | (() => void), callback?: () => void): this {
    if (typeof chunk === 'function') chunk();
    else if (chunk !== undefined && chunk !== null) this.write(chunk, encodingOrCallback, callback);
    else if (typeof encodingOrCallback === 'function') encodingOrCallback();
    if (this.writableEnded) return this;
    this.headersSent = true;
    this.writableEnded = true;
    this.finished = true;
    this.settle({ status: this.statusCode, headers: Object.fromEntries(this.headers), body: Buffer.concat(this.chunks) });
    this.emit('finish');
    this.emit('close');
    return this;
  }
  destroy(error?: Error): this {
    if (!this.writableEnded) {
      this.writableEnded = true;
      this.fail(error ?? new Error('the render was aborted'));
      this.emit('close');
    }
    return this;
  }
}
