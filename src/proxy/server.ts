import { createServer, type Server } from 'node:http';
import type { Socket } from 'node:net';
import pino, { type Logger } from 'pino';
import type { AuditSink } from '../audit/audit-log.js';
import { handleConnect } from './connect-handler.js';
import type { ProxyContext } from './context.js';
import type { ProxyEvents } from './events.js';
import { HeldBytes } from './held.js';
import { handleRequest } from './http-handler.js';
import { handleUpgrade } from './upgrade-handler.js';
import type { PolicyState } from './state.js';
import { Upstreams } from './upstream.js';
import { createInterceptServer } from './intercept.js';
import { ScanPool } from './scan-pool.js';
import { OpenTunnels } from './open-tunnels.js';
import { LeafCertificates } from '../tls/leaf-certs.js';

export interface ProxyOptions {
  readonly state: PolicyState;
  readonly audit: AuditSink;
  readonly events?: ProxyEvents;
  readonly log?: Logger;
}

export interface Proxy {
  readonly server: Server;
  readonly context: ProxyContext;
  /** Decides every open tunnel again under the policy in force; cuts those it refuses (after a reload). Returns how many. */
  recheckTunnels(): number;
  /** Stops accepting, lets requests in flight finish (up to `graceMs`), then closes. */
  close(graceMs?: number): Promise<void>;
}

/** How often open tunnels are decided again, for decisions that change with the date alone. */
const TUNNEL_RECHECK_MS = 60_000;

/** The forward proxy: absolute-form HTTP requests and CONNECT, on one node:http server. */
export function createProxy(options: ProxyOptions): Proxy {
  const settings = () => options.state.current.policy.settings;
  const leafCache = new Map<string, LeafCertificates>();
  const context: ProxyContext = {
    state: options.state,
    audit: options.audit,
    upstreams: new Upstreams(settings),
    held: new HeldBytes(() => settings().scan.maxHeldBytes),
    events: options.events ?? {},
    log: options.log ?? pino({ level: 'info' }),
    leafCerts() {
      const { caCert, caKey } = settings().tls;
      const key = `${caCert}|${caKey}`;
      let leaves = leafCache.get(key);
      if (leaves === undefined) leafCache.set(key, (leaves = new LeafCertificates(caCert, caKey)));
      return leaves;
    },
    interceptServer: createInterceptServer(() => context),
    tunnels: new OpenTunnels(),
    scanPool: new ScanPool(),
  };
  const recheckTunnels = (): number => context.tunnels.recheck(options.state.current.policy, new Date());
  // BAA dates are calendar days: a tunnel open when a BAA expires is cut within a minute.
  const calendar = setInterval(recheckTunnels, TUNNEL_RECHECK_MS);
  calendar.unref();
  const t = settings().timeouts;
  const server = createServer({
    headersTimeout: t.clientHeadersMs,
    requestTimeout: t.clientRequestMs,
    keepAliveTimeout: 5_000,
    // Node checks the two timeouts above on this interval (30 s by default): check often enough.
    connectionsCheckingInterval: Math.max(250, Math.min(t.clientHeadersMs, t.clientRequestMs) / 4),
    // Node answers Expect: 100-continue itself unless told otherwise; phiwall decides first.
  });
  server.on('request', (req, res) => {
    handleRequest(context, req, res).catch((e: unknown) => {
      context.log.error({ err: { message: (e as Error).message } }, 'request failed');
      res.destroy();
    });
  });
  server.on('checkContinue', (req, res) => {
    handleRequest(context, req, res, { expectContinue: true }).catch(() => res.destroy());
  });
  // Sockets node:http hands over for good (CONNECT tunnels, intercepted TLS, upgraded
  // connections): the server no longer counts them as its own, so its closeAllConnections()
  // does not reach them, yet its close() waits for them. A stop ends them after the grace.
  const handedOver = new Set<Socket>();
  const adopt = (socket: Socket): void => {
    handedOver.add(socket);
    socket.once('close', () => handedOver.delete(socket));
  };
  server.on('upgrade', (req, socket: Socket, head: Buffer) => {
    adopt(socket);
    handleUpgrade(context, req, socket, head).catch(() => socket.destroy());
  });
  server.on('connect', (req, socket: Socket, head: Buffer) => {
    adopt(socket);
    handleConnect(context, req, socket, head).catch(() => socket.destroy());
  });
  server.on('connection', (socket: Socket) => {
    context.events.connection?.(1);
    socket.once('close', () => context.events.connection?.(-1));
  });
  // Malformed requests: a clear 400, and the proxy keeps serving everyone else.
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Socket) => {
    if (!socket.writable) {
      socket.destroy();
      return;
    }
    const timeout = err.code === 'ERR_HTTP_REQUEST_TIMEOUT';
    const status = timeout ? '408 Request Timeout' : '400 Bad Request';
    const body = JSON.stringify({ blocked: false, reason: timeout ? 'client_timeout' : 'bad_request', message: timeout ? 'The request was not sent in time.' : 'The request is malformed.' });
    socket.end(`HTTP/1.1 ${status}\r\ncontent-type: application/json\r\ncontent-length: ${body.length}\r\nconnection: close\r\n\r\n${body}`);
  });

  async function close(graceMs = 10_000): Promise<void> {
    clearInterval(calendar);
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    context.interceptServer.closeIdleConnections();
    // What is still open when the grace ends is cut: requests, tunnels, WebSockets alike.
    const timer = setTimeout(() => {
      server.closeAllConnections();
      context.interceptServer.closeAllConnections();
      for (const socket of handedOver) socket.destroy();
    }, graceMs);
    await closed;
    clearTimeout(timer);
    context.interceptServer.closeAllConnections();
    await context.scanPool.close();
    await context.upstreams.close();
  }

  return { server, context, recheckTunnels, close };
}
