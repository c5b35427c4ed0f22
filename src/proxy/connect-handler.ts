import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { connect, type Socket } from 'node:net';
import { applyMode, decide } from '../policy/decide.js';
import { normalizeName, stripPort } from '../policy/hosts.js';
import type { Reason } from '../policy/reasons.js';
import type { Policy, Vendor } from '../policy/types.js';
import { clientAllowed, cutRecord, newRecord, socketDecision, type ProxyContext } from './context.js';
import { intercept } from './intercept.js';
import { resolveDestination } from './resolve.js';
import { readHello, relay } from './tunnel-io.js';

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

type ConnectVerdict =
  | { readonly kind: 'refuse'; readonly reason: Reason; readonly vendor: Vendor | null }
  | { readonly kind: 'intercept'; readonly vendor: Vendor | null }
  | { readonly kind: 'tunnel'; readonly reason: Reason; readonly enforced: boolean; readonly vendor: Vendor | null };

/**
 * What the policy says of a CONNECT from `client` to `authority` on `now`, before any I/O: a
 * refusal, interception (a vendor whose payloads must be scanned, with tls.intercept on), or
 * a tunnel. Asked again of every open tunnel when the policy or the date changes.
 */
export function connectVerdict(policy: Policy, client: string | undefined, authority: { host: string; port: number } | null, now: Date): ConnectVerdict {
  const { settings } = policy;
  if (!clientAllowed(policy, client)) return { kind: 'refuse', reason: 'client_not_allowed', vendor: null };
  if (authority === null) return { kind: 'refuse', reason: 'bad_request', vendor: null };
  if (!settings.connectPorts.includes(authority.port)) return { kind: 'refuse', reason: 'port_not_allowed', vendor: null };
  const decision = decide({ host: stripPort(authority.host), method: 'CONNECT' }, policy, now);
  const { vendor } = decision;
  if (decision.action === 'block') return { kind: 'refuse', reason: decision.reason, vendor };
  if (decision.action === 'allow') return { kind: 'tunnel', reason: decision.reason, enforced: decision.enforced, vendor };
  if (settings.tls.intercept && vendor?.intercept !== false) return { kind: 'intercept', vendor };
  if (vendor?.intercept === false && settings.tls.unintercepted === 'allow') return { kind: 'tunnel', reason: 'allowed_unscanned', enforced: decision.enforced, vendor };
  // A tunnel nobody can scan is a would-be block: monitor mode lets it open, recorded as such.
  const moded = applyMode('block', settings.mode);
  return moded.action === 'block' ? { kind: 'refuse', reason: 'unscannable_body', vendor } : { kind: 'tunnel', reason: 'unscannable_body', enforced: moded.enforced, vendor };
}

/**
 * CONNECT: decided on the host before any tunnel opens. Then the client's ClientHello is
 * read before a byte is carried, and its server name must be the CONNECT host (domain
 * fronting is refused). A destination whose payloads must be scanned is intercepted with
 * the clinic CA when tls.intercept allows it, and refused otherwise (fail closed). An open
 * tunnel is decided again when the policy or the date changes, and cut if now refused.
 */
export async function handleConnect(ctx: ProxyContext, req: IncomingMessage, client: Socket, head: Buffer): Promise<void> {
  const started = performance.now();
  const incident = randomUUID();
  const { policy } = ctx.state.current;
  const { settings } = policy;
  const authority = parseAuthority(req.url);
  const base = newRecord({ incident, client: client.remoteAddress ?? '', channel: 'tunnel', method: 'CONNECT', host: authority?.host ?? '', port: authority?.port ?? 0 });
  const { finish, reject } = socketDecision(ctx, client, base, started);
  /** After 200 has been sent a refusal can only close the connection; the record says why. */
  const cut = (reason: Reason, vendor: string | null): void => {
    client.destroy();
    finish({ vendor, reason, upstream_status: 200 });
  };
  client.on('error', () => client.destroy());

  const verdict = connectVerdict(policy, client.remoteAddress, authority, new Date());
  const vendor = verdict.vendor?.id ?? null;
  if (verdict.kind === 'refuse') return reject(verdict.reason, vendor);
  // connectVerdict refuses a malformed authority.
  const { host, port } = authority!;
  if (verdict.kind === 'intercept') {
    const resolved = await resolveDestination(host, policy, verdict.vendor);
    if (!resolved.ok) return reject(resolved.reason, vendor);
    client.write(ESTABLISHED);
    const { buffered, peek } = await readHello(client, head, settings.timeouts.clientHeadersMs);
    // Interception needs the name the client asks for, and it must be the CONNECT host.
    if (peek.kind !== 'hello' || peek.sni === null || !sameName(peek.sni, host)) return cut('sni_mismatch', vendor);
    try {
      await intercept(ctx, client, buffered, host, port, vendor);
    } catch {
      cut('scan_error', vendor);
      return;
    }
    // Decided again when the rules change: a vendor refused now is cut like any tunnel, and
    // one that needs no scan any more (its BAA signed) is not to be decrypted: the client
    // reconnects and gets a tunnel phiwall does not open.
    const forget = ctx.tunnels.add({
      recheck(p, now) {
        const again = connectVerdict(p, client.remoteAddress, authority, now);
        if (again.kind === 'intercept') return false;
        client.destroy();
        if (again.kind === 'refuse') cutRecord(ctx, base, vendor, started, again.reason);
        return true;
      },
    });
    client.once('close', forget);
    return;
  }
  const { reason, enforced } = verdict;

  const resolved = await resolveDestination(host, policy, verdict.vendor);
  if (!resolved.ok) return reject(resolved.reason, vendor);
  const upstream = connect({ host: resolved.address, port, family: resolved.family });
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
      if (peek.kind === 'hello' && peek.sni !== null && !sameName(peek.sni, host)) {
        upstream.destroy();
        return cut('sni_mismatch', vendor);
      }
      if (client.destroyed) {
        upstream.destroy();
        return;
      }
      if (buffered.length > 0) upstream.write(buffered);
      relay(ctx, client, upstream, timeouts.tunnelIdleMs, {
        refusal: (p, now) => {
          const again = connectVerdict(p, client.remoteAddress, authority, now);
          // A vendor that now needs a scan cannot get one through a tunnel already open.
          return again.kind === 'tunnel' ? null : again.kind === 'refuse' ? again.reason : 'unscannable_body';
        },
        onCut: (why) => cutRecord(ctx, base, vendor, started, why),
      });
      client.resume();
      finish({ vendor, action: 'allow', reason, enforced, upstream_status: 200 });
    });
  });
}
