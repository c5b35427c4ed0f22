import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { connect, type Socket } from 'node:net';
import type { DecisionRecord } from '../audit/record.js';
import { decide } from '../policy/decide.js';
import { stripPort } from '../policy/hosts.js';
import type { Reason } from '../policy/reasons.js';
import { clientAllowed, record, type ProxyContext } from './context.js';
import { resolveDestination } from './resolve.js';
import { refuseConnect } from './responses.js';

/** Reads `host:port` (IPv6 in brackets) from a CONNECT request line; null when malformed. */
export function parseAuthority(url: string | undefined): { host: string; port: number } | null {
  const m = /^(\[[0-9a-fA-F:.]+\]|[^:[\]/\s]+):(\d{1,5})$/.exec(url ?? '');
  if (m === null) return null;
  const port = Number(m[2]);
  return port >= 1 && port <= 65535 ? { host: m[1]!, port } : null;
}

/**
 * CONNECT: decided on the host before any tunnel opens. A destination that needs its
 * payload scanned cannot be scanned through a tunnel it cannot see into, so without TLS
 * interception it is refused (unscannable_body): fail closed.
 */
export async function handleConnect(ctx: ProxyContext, req: IncomingMessage, client: Socket, head: Buffer): Promise<void> {
  const started = performance.now();
  const incident = randomUUID();
  const { policy } = ctx.state.current;
  const authority = parseAuthority(req.url);
  const base: DecisionRecord = {
    time: new Date().toISOString(),
    incident,
    client: client.remoteAddress ?? '',
    channel: 'tunnel',
    method: 'CONNECT',
    host: authority?.host ?? '',
    port: authority?.port ?? 0,
    vendor: null,
    action: 'block',
    reason: 'bad_request',
    enforced: true,
    findings: {},
    detectors: [],
    request_bytes: 0,
    upstream_status: null,
    duration_ms: 0,
    added_ms: 0,
  };
  const finish = (r: Partial<DecisionRecord>): void => {
    const ms = Math.round((performance.now() - started) * 100) / 100;
    record(ctx, { ...base, ...r, duration_ms: ms, added_ms: ms });
  };
  const reject = (reason: Reason, vendor: string | null): void => {
    refuseConnect(client, { reason, vendor, incident });
    finish({ vendor, reason });
  };
  client.on('error', () => client.destroy());

  if (!clientAllowed(policy, client.remoteAddress)) return reject('client_not_allowed', null);
  if (authority === null) return reject('bad_request', null);
  if (!policy.settings.connectPorts.includes(authority.port)) return reject('port_not_allowed', null);

  const decision = decide({ host: stripPort(authority.host), method: 'CONNECT' }, policy, new Date());
  const vendor = decision.vendor?.id ?? null;
  if (decision.action === 'block') return reject(decision.reason, vendor);
  // In monitor mode the tunnel opens, and the record says enforce mode would have refused it.
  if (decision.action === 'scan' && policy.settings.mode === 'enforce') return reject('unscannable_body', vendor);
  const resolved = await resolveDestination(authority.host, policy, decision.vendor);
  if (!resolved.ok) return reject(resolved.reason, vendor);

  const upstream = connect({ host: resolved.address, port: authority.port, family: resolved.family });
  const timeouts = policy.settings.timeouts;
  upstream.setTimeout(timeouts.upstreamConnectMs, () => upstream.destroy(Object.assign(new Error('connect timeout'), { code: 'ETIMEDOUT' })));
  upstream.once('error', (e: NodeJS.ErrnoException) => {
    if (!upstream.connecting && upstream.bytesRead + upstream.bytesWritten > 0) {
      client.destroy();
      return;
    }
    ctx.events.upstreamError?.(vendor, e.code === 'ETIMEDOUT' ? 'timeout' : e.code === 'ECONNREFUSED' ? 'refused' : 'connect');
    reject(e.code === 'ETIMEDOUT' ? 'upstream_timeout' : 'upstream_unreachable', vendor);
  });
  upstream.once('connect', () => {
    upstream.setTimeout(timeouts.tunnelIdleMs, () => {
      upstream.destroy();
      client.destroy();
    });
    client.write('HTTP/1.1 200 Connection Established\r\nvia: 1.1 phiwall\r\n\r\n');
    if (head.length > 0) upstream.write(head);
    upstream.pipe(client);
    client.pipe(upstream);
    ctx.events.tunnel?.(1);
    let closed = false;
    const close = (): void => {
      if (closed) return;
      closed = true;
      ctx.events.tunnel?.(-1);
      upstream.destroy();
      client.destroy();
    };
    upstream.once('close', close);
    client.once('close', close);
    const reason: Reason = decision.action === 'scan' ? 'unscannable_body' : decision.reason;
    finish({ vendor, action: 'allow', reason, enforced: decision.action !== 'scan', upstream_status: 200 });
  });
}
