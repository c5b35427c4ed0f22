import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { connect, type Socket } from 'node:net';
import type { DecisionRecord } from '../audit/record.js';
import { applyMode, decide } from '../policy/decide.js';
import { normalizeName, stripPort } from '../policy/hosts.js';
import type { Reason } from '../policy/reasons.js';
import { clientAllowed, newRecord, record, type ProxyContext } from './context.js';
import { intercept } from './intercept.js';
import { resolveDestination } from './resolve.js';
import { refuseOnSocket } from './responses.js';
import { readHello } from './tunnel-io.js';

/** Reads `host:port` (IPv6 in brackets) from a CONNECT request line; null when malformed. */
export function parseAuthority(url: string | undefined): { host: string; port: number } | null {
  const m = /^(\[[0-9a-fA-F:.]+\]|[^:[\]/\s]+):(\d{1,5})$/.exec(url ?? '');
  if (m === null) return null;
  const port = Number(m[2]);
  return port >= 1 && port <= 65535 ? { host: m[1]!, port } : null;
}

const ESTABLISHED = 'HTTP/1.1 200 Connection Established\r\nvia: 1.1 phiwall\r\n\r\n';
const bare = (h: string): string => h.replace(/^\[|\]$/g, '');
const sameName = (a: string, b: string): boolean => (normalizeName(bare(a)) ?? bare(a).toLowerCase()) === (normalizeName(bare(b)) ?? bare(b).toLowerCase());

/**
 * CONNECT: decided on the host before any tunnel opens. Then the client's ClientHello is
 * read before a byte is carried, and its server name must be the CONNECT host (domain
 * fronting is refused). A destination whose payloads must be scanned is intercepted with
 * the clinic CA when tls.intercept allows it, and refused otherwise (fail closed).
 */
export async function handleConnect(ctx: ProxyContext, req: IncomingMessage, client: Socket, head: Buffer): Promise<void> {
  const started = performance.now();
  const incident = randomUUID();
  const { policy } = ctx.state.current;
  const { settings } = policy;
  const authority = parseAuthority(req.url);
  const base = newRecord({ incident, client: client.remoteAddress ?? '', channel: 'tunnel', method: 'CONNECT', host: authority?.host ?? '', port: authority?.port ?? 0 });
  const finish = (r: Partial<DecisionRecord>): void => {
    const ms = Math.round((performance.now() - started) * 100) / 100;
    record(ctx, { ...base, ...r, duration_ms: ms, added_ms: ms });
  };
  const reject = (reason: Reason, vendor: string | null): void => {
    refuseOnSocket(client, { reason, vendor, incident });
    finish({ vendor, reason });
  };
  /** After 200 has been sent a refusal can only close the connection; the record says why. */
  const cut = (reason: Reason, vendor: string | null): void => {
    client.destroy();
    finish({ vendor, reason, upstream_status: 200 });
  };
  client.on('error', () => client.destroy());

  if (!clientAllowed(policy, client.remoteAddress)) return reject('client_not_allowed', null);
  if (authority === null) return reject('bad_request', null);
  if (!settings.connectPorts.includes(authority.port)) return reject('port_not_allowed', null);

  const decision = decide({ host: stripPort(authority.host), method: 'CONNECT' }, policy, new Date());
  const vendor = decision.vendor?.id ?? null;
  if (decision.action === 'block') return reject(decision.reason, vendor);

  let reason: Reason = decision.reason;
  let enforced = decision.enforced;
  if (decision.action === 'scan') {
    if (settings.tls.intercept && decision.vendor?.intercept !== false) {
      const resolved = await resolveDestination(authority.host, policy, decision.vendor);
      if (!resolved.ok) return reject(resolved.reason, vendor);
      client.write(ESTABLISHED);
      const { buffered, peek } = await readHello(client, head, settings.timeouts.clientHeadersMs);
      // Interception needs the name the client asks for, and it must be the CONNECT host.
      if (peek.kind !== 'hello' || peek.sni === null || !sameName(peek.sni, authority.host)) return cut('sni_mismatch', vendor);
      try {
        await intercept(ctx, client, buffered, authority.host, authority.port);
      } catch {
        cut('scan_error', vendor);
      }
      return;
    }
    if (decision.vendor?.intercept === false && settings.tls.unintercepted === 'allow') reason = 'allowed_unscanned';
    else {
      // A tunnel nobody can scan is a would-be block: monitor mode lets it open, recorded as such.
      const moded = applyMode('block', settings.mode);
      if (moded.action === 'block') return reject('unscannable_body', vendor);
      [reason, enforced] = ['unscannable_body', moded.enforced];
    }
  }

  const resolved = await resolveDestination(authority.host, policy, decision.vendor);
  if (!resolved.ok) return reject(resolved.reason, vendor);
  const upstream = connect({ host: resolved.address, port: authority.port, family: resolved.family });
  const timeouts = settings.timeouts;
  upstream.setTimeout(timeouts.upstreamConnectMs, () => upstream.destroy(Object.assign(new Error('connect timeout'), { code: 'ETIMEDOUT' })));
  let established = false;
  upstream.once('error', (e: NodeJS.ErrnoException) => {
    if (established) {
      client.destroy();
      return;
    }
    ctx.events.upstreamError?.(vendor, e.code === 'ETIMEDOUT' ? 'timeout' : e.code === 'ECONNREFUSED' ? 'refused' : 'connect');
    reject(e.code === 'ETIMEDOUT' ? 'upstream_timeout' : 'upstream_unreachable', vendor);
  });
  upstream.once('connect', () => {
    established = true;
    upstream.setTimeout(0);
    client.write(ESTABLISHED);
    void readHello(client, head, timeouts.clientHeadersMs).then(({ buffered, peek }) => {
      // Domain fronting: a ClientHello naming another host than the CONNECT is cut before
      // the tunnel carries a byte. (Clients that send no SNI, such as to an IP, pass.)
      if (peek.kind === 'hello' && peek.sni !== null && !sameName(peek.sni, authority.host)) {
        upstream.destroy();
        return cut('sni_mismatch', vendor);
      }
      if (client.destroyed) {
        upstream.destroy();
        return;
      }
      upstream.setTimeout(timeouts.tunnelIdleMs, () => {
        upstream.destroy();
        client.destroy();
      });
      if (buffered.length > 0) upstream.write(buffered);
      upstream.pipe(client);
      client.pipe(upstream);
      client.resume();
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
      finish({ vendor, action: 'allow', reason, enforced, upstream_status: 200 });
    });
  });
}
