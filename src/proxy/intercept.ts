import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { TLSSocket } from 'node:tls';
import { normalizeName, stripPort } from '../policy/hosts.js';
import type { Channel } from '../audit/record.js';
import type { ProxyContext } from './context.js';
import { handleRequest, type Target } from './http-handler.js';
import { handleUpgrade } from './upgrade-handler.js';
import type { Reason } from '../policy/reasons.js';

interface Tunnel {
  readonly host: string;
  readonly port: number;
  readonly client: string;
}

const tunnels = new WeakMap<object, Tunnel>();

/** Equal names are the same host without normalizing them (the usual case: Host repeats the CONNECT name). */
const sameHost = (a: string, b: string): boolean => a === b || (normalizeName(a.replace(/^\[|\]$/g, '')) ?? a) === (normalizeName(b.replace(/^\[|\]$/g, '')) ?? b);

/**
 * The decrypted side of interception: an HTTP server with no listening socket, fed the TLS
 * sockets of intercepted tunnels. Every request goes through handleRequest, the same path as
 * plain HTTP; only its Host is first checked against the CONNECT host.
 */
export function createInterceptServer(ctx: () => ProxyContext): Server {
  const channel: Channel = 'intercepted';
  /** The request's target is the tunnel's; a Host naming another host is refused (host_mismatch). Null outside a tunnel. */
  const inTunnel = (req: IncomingMessage): { target: Target; channel: Channel; client: string; refuseWith?: Reason } | null => {
    const t = tunnels.get(req.socket);
    if (t === undefined) return null;
    let path = req.url ?? '/';
    if (/^https?:\/\//i.test(path)) {
      try {
        const u = new URL(path);
        path = `${u.pathname}${u.search}`;
      } catch {
        path = '/';
      }
    }
    const target: Target = { tls: true, host: t.host, port: t.port, path };
    const hostHeader = req.headers.host ?? '';
    const headerPort = /:(\d+)$/.exec(hostHeader)?.[1];
    const mismatch = !sameHost(stripPort(hostHeader), t.host) || (headerPort !== undefined && Number(headerPort) !== t.port);
    return mismatch ? { target, channel, client: t.client, refuseWith: 'host_mismatch' } : { target, channel, client: t.client };
  };
  const onRequest = (req: IncomingMessage, res: ServerResponse, expectContinue: boolean): void => {
    const options = inTunnel(req);
    if (options === null) {
      res.destroy();
      return;
    }
    handleRequest(ctx(), req, res, { ...options, expectContinue }).catch(() => res.destroy());
  };
  const server = createServer({ keepAliveTimeout: 5_000 });
  server.on('request', (req, res) => onRequest(req, res, false));
  server.on('checkContinue', (req, res) => onRequest(req, res, true));
  server.on('upgrade', (req: IncomingMessage, socket: Socket, head: Buffer) => {
    const options = inTunnel(req);
    if (options === null) {
      socket.destroy();
      return;
    }
    handleUpgrade(ctx(), req, socket, head, options).catch(() => socket.destroy());
  });
  return server;
}

/**
 * What a failed handshake says, in a bounded set for a metric's label: the client refused the
 * clinic CA's certificate (untrusted_ca: a workstation without the CA installed), offered no
 * protocol phiwall speaks (no_alpn: an HTTP/2-only client), went away (closed), or other.
 */
export function handshakeFailure(code: string | undefined): 'untrusted_ca' | 'no_alpn' | 'closed' | 'other' {
  if (code === undefined) return 'other';
  if (/UNKNOWN_CA|BAD_CERTIFICATE|CERTIFICATE_UNKNOWN|UNSUPPORTED_CERTIFICATE|DECRYPT_ERROR/.test(code)) return 'untrusted_ca';
  if (code.includes('NO_APPLICATION_PROTOCOL')) return 'no_alpn';
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'ERR_SSL_UNEXPECTED_EOF_WHILE_READING') return 'closed';
  return 'other';
}

/** Terminates TLS on the client's tunnel with a leaf for `host` and hands it to the intercept server. */
export async function intercept(ctx: ProxyContext, client: Socket, buffered: Buffer, host: string, port: number, vendor: string | null = null): Promise<void> {
  const secureContext = await ctx.leafCerts().contextFor(host.replace(/^\[|\]$/g, ''));
  // The bytes read while peeking go back into the socket, and TLS runs on its native handle
  // (Node feeds buffered bytes to the TLS engine first): no JS stream between TLS and the kernel.
  client.unshift(buffered);
  const tls = new TLSSocket(client, { isServer: true, secureContext, ALPNProtocols: ['http/1.1'] });
  tunnels.set(tls, { host, port, client: client.remoteAddress ?? '' });
  // A handshake the client gives up on is logged and counted (no request was made, so no
  // decision is recorded): a workstation that does not trust the clinic CA yet, a client that
  // speaks only HTTP/2 (gRPC). The host and the TLS alert only; nothing the client sent.
  let secured = false;
  tls.once('secure', () => (secured = true));
  tls.on('error', (e: NodeJS.ErrnoException) => {
    if (!secured) {
      ctx.log.warn({ host, client: client.remoteAddress, tls_error: e.code ?? 'unknown' }, 'intercepted TLS handshake failed');
      ctx.events.handshakeFailed?.(vendor, handshakeFailure(e.code));
    }
    tls.destroy();
  });
  ctx.interceptServer.emit('connection', tls);
}
