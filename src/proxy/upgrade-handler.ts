import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { connect as connectTcp, type Socket } from 'node:net';
import { connect as connectTls } from 'node:tls';
import type { Channel } from '../audit/record.js';
import { applyMode, decide } from '../policy/decide.js';
import type { Reason } from '../policy/reasons.js';
import type { Policy, Vendor } from '../policy/types.js';
import { clientAllowed, cutRecord, newRecord, socketDecision, type ProxyContext } from './context.js';
import { upstreamHeaders } from './headers.js';
import { parseTarget, type Target } from './http-handler.js';
import { resolveDestination } from './resolve.js';
import { upstreamReason } from './upstream.js';
import { relay } from './tunnel-io.js';

/** The status code at the start of the upstream's answer (`HTTP/1.1 101 ...`); null if it is not one. */
function statusOf(chunk: Buffer): number | null {
  const m = /^HTTP\/1\.[01] (\d{3})/.exec(chunk.toString('latin1', 0, 16));
  return m === null ? null : Number(m[1]);
}

/** The request head for the upstream: end-to-end headers as for any request, plus the upgrade it asks for. */
function upgradeHead(req: IncomingMessage, target: Target): string {
  const defaultPort = target.tls ? 443 : 80;
  const headers = upstreamHeaders(req.rawHeaders, target.port === defaultPort ? target.host : `${target.host}:${target.port}`);
  headers['connection'] = 'Upgrade';
  headers['upgrade'] = req.headers.upgrade ?? '';
  let head = `${req.method ?? 'GET'} ${target.path} HTTP/1.1\r\n`;
  for (const [name, value] of Object.entries(headers)) for (const v of Array.isArray(value) ? value : [value]) head += `${name}: ${v}\r\n`;
  return `${head}\r\n`;
}

type UpgradeVerdict = { readonly kind: 'refuse'; readonly reason: Reason; readonly vendor: Vendor | null } | { readonly kind: 'relay'; readonly reason: Reason; readonly enforced: boolean; readonly vendor: Vendor | null };

/** What the policy says of an upgrade to `target` on `now`; asked again of every open relay when the policy or the date changes. */
function upgradeVerdict(policy: Policy, channel: Channel, client: string | undefined, method: string, target: Target | null, now: Date): UpgradeVerdict {
  if (channel === 'http' && !clientAllowed(policy, client)) return { kind: 'refuse', reason: 'client_not_allowed', vendor: null };
  if (target === null) return { kind: 'refuse', reason: 'bad_request', vendor: null };
  const decision = decide({ host: target.host, method }, policy, now);
  const { vendor } = decision;
  if (decision.action === 'block') return { kind: 'refuse', reason: decision.reason, vendor };
  if (decision.action === 'allow') return { kind: 'relay', reason: decision.reason, enforced: decision.enforced, vendor };
  const moded = applyMode('block', policy.settings.mode);
  return moded.action === 'block' ? { kind: 'refuse', reason: 'unscannable_body', vendor } : { kind: 'relay', reason: 'unscannable_body', enforced: moded.enforced, vendor };
}

/**
 * A request that asks to switch protocols (a WebSocket's `Upgrade: websocket`), on the plain
 * listener or inside an intercepted tunnel. After the switch the connection carries messages
 * both ways that cannot be held and scanned, so a destination whose payloads must be scanned
 * is refused (`unscannable_body`; in monitor mode let through and recorded as a would-be
 * block), and an allowed one (BAA in force, conduit) is relayed like a CONNECT tunnel: the
 * request head goes on with its Upgrade header, then bytes flow both ways untouched; like a
 * tunnel it is decided again when the policy or the date changes, and cut if now refused.
 * (Without this, Node would hand the request to the ordinary path, which drops the hop-by-hop
 * Upgrade header: the vendor would get a plain GET and the WebSocket would never open.)
 */
export async function handleUpgrade(
  ctx: ProxyContext,
  req: IncomingMessage,
  socket: Socket,
  head: Buffer,
  options: { target?: Target; channel?: Channel; client?: string; refuseWith?: Reason } = {},
): Promise<void> {
  const started = performance.now();
  const incident = randomUUID();
  const { policy } = ctx.state.current;
  const { settings } = policy;
  const target = options.target ?? parseTarget(req.url);
  const channel = options.channel ?? 'http';
  const base = newRecord({ incident, client: options.client ?? socket.remoteAddress ?? '', channel, method: req.method ?? '', host: target?.host ?? '', port: target?.port ?? 0 });
  const { finish, reject } = socketDecision(ctx, socket, base, started);
  socket.on('error', () => socket.destroy());

  if (options.refuseWith !== undefined) return reject(options.refuseWith, null);
  const verdict = upgradeVerdict(policy, channel, socket.remoteAddress, req.method ?? 'GET', target, new Date());
  const vendor = verdict.vendor?.id ?? null;
  if (verdict.kind === 'refuse') return reject(verdict.reason, vendor);
  const { reason, enforced } = verdict;
  // upgradeVerdict refuses a request without a target.
  const to = target!;

  const resolved = await resolveDestination(to.host, policy, verdict.vendor);
  if (!resolved.ok) return reject(resolved.reason, vendor);
  const timeouts = settings.timeouts;
  const upstream = to.tls
    ? connectTls({ host: resolved.address, port: to.port, ...ctx.upstreams.tlsOptions(to.host.replace(/^\[|\]$/g, '')) })
    : connectTcp({ host: resolved.address, port: to.port, family: resolved.family });
  upstream.setTimeout(timeouts.upstreamConnectMs, () => upstream.destroy(Object.assign(new Error('connect timeout'), { code: 'ETIMEDOUT' })));
  let relaying = false;
  upstream.on('error', (e) => {
    if (relaying) {
      socket.destroy();
      return;
    }
    const { reason: failure, kind } = upstreamReason(e);
    ctx.events.upstreamError?.(vendor, kind);
    reject(failure, vendor);
  });
  upstream.once(to.tls ? 'secureConnect' : 'connect', () => {
    relaying = true;
    // The client hung up while the upstream connected: nothing to relay (as for a tunnel).
    if (socket.destroyed) {
      upstream.destroy();
      return;
    }
    upstream.setTimeout(0);
    upstream.write(upgradeHead(req, to));
    if (head.length > 0) upstream.write(head);
    // The record says what the vendor answered (101 when it switched; null if it said nothing).
    let recorded = false;
    const allowed = (status: number | null): void => {
      if (recorded) return;
      recorded = true;
      finish({ vendor, action: 'allow', reason, enforced, upstream_status: status });
    };
    upstream.once('data', (chunk: Buffer) => allowed(statusOf(chunk)));
    relay(
      ctx,
      socket,
      upstream,
      timeouts.tunnelIdleMs,
      {
        refusal: (p, now) => {
          const again = upgradeVerdict(p, channel, socket.remoteAddress, req.method ?? 'GET', to, now);
          return again.kind === 'refuse' ? again.reason : null;
        },
        onCut: (why) => cutRecord(ctx, base, vendor, started, why),
      },
      () => allowed(null),
    );
  });
}
