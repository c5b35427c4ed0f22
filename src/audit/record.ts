import type { Action } from '../policy/decide.js';
import type { Reason } from '../policy/reasons.js';

/** How the request reached the decision. */
export type Channel = 'http' | 'tunnel' | 'intercepted';

/**
 * The canonical decision record: one JSON line per decision in the audit file. Field names
 * are part of the evidence format; never rename one. No value from the payload, no path, no
 * query and no header value other than the destination host ever appears here.
 */
export interface DecisionRecord {
  time: string;
  incident: string;
  client: string;
  channel: Channel;
  method: string;
  host: string;
  port: number;
  vendor: string | null;
  action: Action;
  reason: Reason;
  enforced: boolean;
  /** Findings by HIPAA identifier category, e.g. {"ssn": 1, "names": 2}. */
  findings: Record<string, number>;
  /** The detector ids that fired. */
  detectors: string[];
  request_bytes: number;
  upstream_status: number | null;
  /** From request to response relayed (or refusal sent). */
  duration_ms: number;
  /** The latency phiwall itself added: decision, holding and scanning, resolution (all of it for a refusal). */
  added_ms: number;
}

/** Field names, kept as constants so that logs, metrics and reports agree (smokescreen's habit). */
export const FIELDS = [
  'time', 'incident', 'client', 'channel', 'method', 'host', 'port', 'vendor', 'action', 'reason', 'enforced',
  'findings', 'detectors', 'request_bytes', 'upstream_status', 'duration_ms', 'added_ms',
] as const satisfies readonly (keyof DecisionRecord)[];

/** A record as written: with its place in the hash chain. */
export interface ChainedRecord extends DecisionRecord {
  seq: number;
  prev: string;
  hash: string;
}
