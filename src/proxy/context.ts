import type { Server } from 'node:http';
import type { Logger } from 'pino';
import type { LeafCertificates } from '../tls/leaf-certs.js';
import type { ScanPool } from './scan-pool.js';
import type { AuditSink } from '../audit/audit-log.js';
import type { ChainedRecord, DecisionRecord } from '../audit/record.js';
import type { Finding } from '../detect/types.js';
import { cidrContains, parseCidr, parseIp, type Cidr } from '../policy/ip.js';
import type { Policy } from '../policy/types.js';
import type { ProxyEvents } from './events.js';
import { logDecision } from './log.js';
import type { HeldBytes } from './held.js';
import type { PolicyState } from './state.js';
import type { Upstreams } from './upstream.js';
import type { OpenTunnels } from './open-tunnels.js';
import type { Reason } from '../policy/reasons.js';
import type { Socket } from 'node:net';
import { refuseOnSocket } from './responses.js';

/** Everything the request path needs, built once per process. */
export interface ProxyContext {
  readonly state: PolicyState;
  readonly audit: AuditSink;
  readonly upstreams: Upstreams;
  readonly held: HeldBytes;
  readonly events: ProxyEvents;
  /** The stdout summary: one short line per decision. */
  readonly log: Logger;
  /** Leaf certificates for interception, for the CA the policy in force names. */
  leafCerts(): LeafCertificates;
  /** The HTTP server (no socket of its own) that serves intercepted tunnels. */
  readonly interceptServer: Server;
  /** CONNECT tunnels and upgraded connections now open: decided again when the rules change. */
  readonly tunnels: OpenTunnels;
  /** Scans large bodies in a worker thread, with a deadline. */
  readonly scanPool: ScanPool;
}

const clientRanges = new WeakMap<Policy, Cidr[]>();

/** Only `clients` may use the proxy. */
export function clientAllowed(policy: Policy, address: string | undefined): boolean {
  let ranges = clientRanges.get(policy);
  if (ranges === undefined) clientRanges.set(policy, (ranges = policy.settings.clients.map((c) => parseCidr(c)!)));
  const ip = parseIp(address ?? '');
  if (ip === null) return false;
  // An IPv4 client on a dual-stack socket arrives as ::ffff:a.b.c.d.
  const v4 = ip.family === 6 && ip.value >> 32n === 0xffffn ? { family: 4 as const, value: ip.value & 0xffffffffn } : ip;
  return ranges.some((r) => cidrContains(r, ip) || cidrContains(r, v4));
}

/** The ISO time of the current millisecond, formatted once per millisecond (several requests share one under load). */
let isoMs = -1;
let iso = '';
function isoNow(): string {
  const ms = Date.now();
  if (ms !== isoMs) {
    isoMs = ms;
    iso = new Date(ms).toISOString();
  }
  return iso;
}

/**
 * A decision record before the decision: who asked for what. Until a stage says otherwise
 * it reads as a refused bad request, so a record is never written half-empty.
 */
export function newRecord(o: { incident: string; client: string; channel: DecisionRecord['channel']; method: string; host: string; port: number }): DecisionRecord {
  // Field by field: a spread in the middle of a literal takes V8's slow path.
  return {
    time: isoNow(),
    incident: o.incident,
    client: o.client,
    channel: o.channel,
    method: o.method,
    host: o.host,
    port: o.port,
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
}

/** Counts findings per identifier, keys sorted so that every serializer writes them alike. */
export function countFindings(findings: readonly Finding[]): { findings: Record<string, number>; detectors: string[] } {
  const counts = new Map<string, number>();
  const detectors = new Set<string>();
  for (const f of findings) {
    counts.set(f.identifier, (counts.get(f.identifier) ?? 0) + 1);
    detectors.add(f.detector);
  }
  return { findings: Object.fromEntries([...counts].sort(([a], [b]) => a.localeCompare(b))), detectors: [...detectors].sort() };
}

/**
 * Records that an open tunnel was cut because the policy in force now refuses it: a block
 * with the tunnel's own incident, client and destination (so that its opening and its cut
 * read together), the reason, and how long it had been open.
 */
export function cutRecord(ctx: ProxyContext, opened: DecisionRecord, vendor: string | null, started: number, reason: Reason): void {
  const r = newRecord(opened);
  r.vendor = vendor;
  r.reason = reason;
  r.duration_ms = Math.round((performance.now() - started) * 100) / 100;
  record(ctx, r);
}

/**
 * The record and refusal of a handler that answers on the bare socket node:http handed over
 * (a CONNECT, a protocol upgrade): `finish` completes and writes the request's record, timed
 * from `started`; `reject` answers with the refusal and records it.
 */
export function socketDecision(ctx: ProxyContext, socket: Socket, base: DecisionRecord, started: number): {
  finish(r: Partial<DecisionRecord>): void;
  reject(reason: Reason, vendor: string | null): void;
} {
  const finish = (r: Partial<DecisionRecord>): void => {
    const ms = Math.round((performance.now() - started) * 100) / 100;
    record(ctx, { ...base, ...r, duration_ms: ms, added_ms: ms });
  };
  return {
    finish,
    reject(reason, vendor) {
      refuseOnSocket(socket, { reason, vendor, incident: base.incident });
      finish({ vendor, reason });
    },
  };
}

/** Writes the audit record, the stdout summary line and the events, in that order. */
export function record(ctx: ProxyContext, r: DecisionRecord, findings: readonly Finding[] = []): ChainedRecord {
  const chained = ctx.audit.write(r);
  logDecision(ctx.log, r);
  ctx.events.decision?.(chained, findings);
  return chained;
}
