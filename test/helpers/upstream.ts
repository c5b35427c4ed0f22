import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createTcpServer, type AddressInfo, type Server as TcpServer, type Socket } from 'node:net';

export interface Received {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly rawHeaders: string[];
  readonly body: Buffer;
}

/**
 * A real HTTP server on 127.0.0.1 that records exactly what reached it: every request, and
 * every byte on every connection, so a test can prove that a blocked body sent nothing.
 */
export class RecordingUpstream {
  readonly requests: Received[] = [];
  connections = 0;
  bytes = 0;
  /** 'ok' answers 200 with a small JSON body; 'hang' never answers. */
  mode: 'ok' | 'hang' = 'ok';
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();

  /** With `tls`, an HTTPS server presenting that key and certificate. */
  constructor(tls?: { key: string; cert: string }) {
    const handler = (req: IncomingMessage, res: ServerResponse): void => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        this.requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, rawHeaders: req.rawHeaders, body: Buffer.concat(chunks) });
        if (this.mode === 'hang') return;
        const body = JSON.stringify({ ok: true, got: Buffer.concat(chunks).length });
        res.writeHead(200, { 'content-type': 'application/json', 'x-upstream': 'recording', connection: 'keep-alive' });
        res.end(body);
      });
    };
    this.server = tls === undefined ? createServer(handler) : createHttpsServer(tls, handler);
    // A protocol upgrade (a WebSocket handshake): recorded, switched (101), then every byte echoed.
    this.server.on('upgrade', (req: IncomingMessage, socket: Socket, head: Buffer) => {
      this.requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, rawHeaders: req.rawHeaders, body: Buffer.alloc(0) });
      socket.on('error', () => undefined);
      socket.write(`HTTP/1.1 101 Switching Protocols\r\nupgrade: ${req.headers.upgrade ?? ''}\r\nconnection: Upgrade\r\n\r\n`);
      if (head.length > 0) socket.write(head);
      socket.on('data', (d: Buffer) => socket.write(d));
      // Like a WebSocket server: the client's end ends the connection.
      socket.on('end', () => socket.end());
    });
    // Count raw bytes on the TCP socket (under TLS too): proof that nothing was sent.
    this.server.on('connection', (s: Socket) => {
      this.connections++;
      this.sockets.add(s);
      s.on('data', (d: Buffer) => (this.bytes += d.length));
      s.on('close', () => this.sockets.delete(s));
    });
  }

  async start(): Promise<number> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', () => resolve()));
    return this.port;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  reset(): void {
    this.requests.length = 0;
    this.connections = 0;
    this.bytes = 0;
    this.mode = 'ok';
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** A TCP server that echoes back what it gets, counting connections and bytes: a tunnel's far end. */
export class EchoServer {
  connections = 0;
  bytes = 0;
  private readonly server: TcpServer;
  private readonly sockets = new Set<Socket>();

  constructor() {
    this.server = createTcpServer((s) => {
      this.connections++;
      this.sockets.add(s);
      s.on('data', (d: Buffer) => {
        this.bytes += d.length;
        s.write(d);
      });
      s.on('error', () => undefined);
      s.on('close', () => this.sockets.delete(s));
    });
  }

  async start(): Promise<number> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', () => resolve()));
    return (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** A recording upstream for a whole test file: started before it, stopped after, reset before each test. */
export function useRecordingUpstream(hooks: { beforeAll: (fn: () => Promise<unknown>) => void; afterAll: (fn: () => Promise<unknown>) => void; beforeEach: (fn: () => void) => void }): RecordingUpstream {
  const up = new RecordingUpstream();
  hooks.beforeAll(() => up.start());
  hooks.afterAll(() => up.stop());
  hooks.beforeEach(() => up.reset());
  return up;
}
