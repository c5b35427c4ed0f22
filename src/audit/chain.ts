import { createHash } from 'node:crypto';
import type { ChainedRecord, DecisionRecord } from './record.js';

export const GENESIS = '0'.repeat(64);

const q = JSON.stringify;

/**
 * The canonical text a record's hash covers: its fields in FIELDS order, then seq and prev,
 * as JSON.stringify would write them. Built by hand because it runs once per decision; a
 * test checks it against JSON.stringify of the fields in FIELDS order.
 */
export function canonical(r: DecisionRecord & { seq: number; prev: string }): string {
  return (
    `{"time":${q(r.time)},"incident":${q(r.incident)},"client":${q(r.client)},"channel":${q(r.channel)},` +
    `"method":${q(r.method)},"host":${q(r.host)},"port":${q(r.port)},"vendor":${q(r.vendor)},"action":${q(r.action)},` +
    `"reason":${q(r.reason)},"enforced":${q(r.enforced)},"findings":${q(r.findings)},"detectors":${q(r.detectors)},` +
    `"request_bytes":${q(r.request_bytes)},"upstream_status":${q(r.upstream_status)},"duration_ms":${q(r.duration_ms)},` +
    `"added_ms":${q(r.added_ms)},"seq":${q(r.seq)},"prev":${q(r.prev)}}`
  );
}

/**
 * The chained record and the exact line written for it: the canonical text is built once,
 * hashed, and becomes the line (with a leading record type and the trailing hash).
 */
export function chainLine(r: DecisionRecord, seq: number, prev: string): { record: ChainedRecord; line: string } {
  const linked = { ...r, seq, prev };
  const text = canonical(linked);
  const hash = createHash('sha256').update(text).digest('hex');
  return { record: { ...linked, hash }, line: `{"record":"decision",${text.slice(1, -1)},"hash":"${hash}"}\n` };
}

export interface VerifyResult {
  readonly ok: boolean;
  readonly records: number;
  /** 1-based line of the first broken record, and why. */
  readonly error?: { line: number; message: string };
  readonly last: string;
}

/**
 * Checks an audit file's chain: every line parses, its hash matches its content, and it
 * names the previous line's hash. An edited, removed or reordered line breaks the chain.
 * A file may start mid-chain (after rotation): the first line's prev is taken as given.
 */
export function verifyChain(text: string): VerifyResult {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  let prev: string | null = null;
  let seq: number | null = null;
  for (let i = 0; i < lines.length; i++) {
    const fail = (message: string): VerifyResult => ({ ok: false, records: i, error: { line: i + 1, message }, last: prev ?? GENESIS });
    let r: ChainedRecord;
    try {
      r = JSON.parse(lines[i]!) as ChainedRecord;
    } catch {
      return fail('not a JSON record');
    }
    if (typeof r.hash !== 'string' || typeof r.prev !== 'string' || typeof r.seq !== 'number') return fail('not a chained record (seq, prev, hash missing)');
    if (prev !== null && r.prev !== prev) return fail('prev does not match the hash of the record before it (a record was removed, reordered or edited)');
    if (seq !== null && r.seq !== seq + 1) return fail(`seq ${r.seq} does not follow ${seq}`);
    const expected = createHash('sha256').update(canonical(r)).digest('hex');
    if (expected !== r.hash) return fail('hash does not match the record (the record was edited)');
    prev = r.hash;
    seq = r.seq;
  }
  return { ok: true, records: lines.length, last: prev ?? GENESIS };
}
