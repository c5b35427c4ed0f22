import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AuditLog } from '../../src/audit/audit-log.js';
import { canonical, verifyChain } from '../../src/audit/chain.js';
import { FIELDS } from '../../src/audit/record.js';
import type { DecisionRecord } from '../../src/audit/record.js';
import { spawnCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

const rec = (i: number): DecisionRecord => ({
  time: `2026-11-22T10:00:0${i}Z`, incident: `inc-${i}`, client: '127.0.0.1', channel: 'http', method: 'POST', host: 'collect.pixelmetrics.example', port: 80,
  vendor: 'pixelmetrics', action: 'block', reason: 'phi_detected', enforced: true, findings: { names: 2, ssn: 1 }, detectors: ['person-name-label', 'us-ssn'],
  request_bytes: 120 + i, upstream_status: null, duration_ms: 1.25, added_ms: 1.25,
});

async function writeLog(n: number): Promise<string> {
  const path = join(tempDir('audit'), 'audit.jsonl');
  const log = new AuditLog(path);
  for (let i = 0; i < n; i++) log.write(rec(i));
  await log.close();
  return path;
}

describe('the hash-chained audit log', () => {
  it('builds the canonical text exactly as JSON.stringify would, quotes and all', () => {
    const odd = [
      { ...rec(1), host: 'we"ird\\host\u2028', vendor: null, upstream_status: 200, findings: {} },
      { ...rec(2), client: 'tab\there\u0001', method: 'lone\ud800surrogate', incident: '😀 pair', duration_ms: -0, added_ms: 1e-7, port: 65535 },
    ];
    for (const r of [rec(0), ...odd]) {
      const linked = { ...r, seq: 7, prev: 'ab'.repeat(32) };
      const reference: Record<string, unknown> = {};
      for (const f of [...FIELDS, 'seq', 'prev'] as const) reference[f] = linked[f];
      expect(canonical(linked)).toBe(JSON.stringify(reference));
    }
  });

  it('verifies an intact file, and continues the chain across a restart', async () => {
    const path = await writeLog(3);
    const again = new AuditLog(path);
    again.write(rec(3));
    await again.close();
    const v = verifyChain(readFileSync(path, 'utf8'));
    expect(v).toMatchObject({ ok: true, records: 4 });
    const lines = readFileSync(path, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { seq: number });
    expect(lines.map((l) => l.seq)).toEqual([1, 2, 3, 4]);
  });

  it.each([
    ['an edited record', (lines: string[]) => { lines[1] = lines[1]!.replace('"request_bytes":121', '"request_bytes":1'); }, 2, /hash does not match/],
    ['a removed record', (lines: string[]) => { lines.splice(1, 1); }, 2, /prev does not match/],
    ['two records swapped', (lines: string[]) => { [lines[1], lines[2]] = [lines[2]!, lines[1]!]; }, 2, /prev does not match/],
    ['a forged record with a fresh hash but the wrong prev', (lines: string[]) => { lines.splice(2, 0, lines[0]!); }, 3, /prev does not match/],
  ])('detects %s', async (_name, tamper, line, message) => {
    const path = await writeLog(4);
    const lines = readFileSync(path, 'utf8').trim().split('\n');
    tamper(lines);
    writeFileSync(path, `${lines.join('\n')}\n`);
    const v = verifyChain(readFileSync(path, 'utf8'));
    expect(v.ok).toBe(false);
    expect(v.error?.line).toBe(line);
    expect(v.error?.message).toMatch(message);
  });

  it('phiwall audit verify: exit 0 and a summary when intact, exit 1 with the line when not', async () => {
    const path = await writeLog(3);
    const ok = spawnCli(['audit', 'verify', path]);
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/intact, 3 records, last hash [0-9a-f]{64}/);
    writeFileSync(path, readFileSync(path, 'utf8').replace('"ssn":1', '"ssn":0'));
    const bad = spawnCli(['audit', 'verify', path]);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/audit\.jsonl:1: hash does not match the record/);
  });

  it('log rotation: after reopen() the next records go to a new file at the path, and the pieces verify as one chain', async () => {
    const path = join(tempDir('audit'), 'audit.jsonl');
    const log = new AuditLog(path);
    await log.ready();
    let i = 0;
    const rotate = async (to: string): Promise<void> => {
      for (let k = 0; k < 3; k++) log.write(rec(i++));
      await log.flush();
      renameSync(path, to); // what logrotate does, then its postrotate signal
      log.reopen();
    };
    await rotate(`${path}.2`);
    await rotate(`${path}.1`);
    for (let k = 0; k < 3; k++) log.write(rec(i++));
    await log.close();
    writeFileSync(`${path}.2.gz`, gzipSync(readFileSync(`${path}.2`)));
    const seq = (f: string): number[] => readFileSync(f, 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { seq: number }).seq);
    expect([seq(`${path}.2`), seq(`${path}.1`), seq(path)]).toEqual([[1, 2, 3], [4, 5, 6], [7, 8, 9]]);

    const whole = spawnCli(['audit', 'verify', '--continuous', `${path}.2.gz`, `${path}.1`, path]);
    expect(whole.err).toBe('');
    expect(whole.code).toBe(0);
    expect(whole.out).toMatch(/audit\.jsonl: intact, 3 records, last hash [0-9a-f]{64}, continues .*audit\.jsonl\.1\n/);
    // Each piece alone is intact (it starts mid-chain); a piece left out breaks the seam.
    expect(spawnCli(['audit', 'verify', path]).code).toBe(0);
    const gap = spawnCli(['audit', 'verify', '--continuous', `${path}.2`, path]);
    expect(gap.code).toBe(1);
    expect(gap.err).toMatch(/audit\.jsonl:1: does not continue .*audit\.jsonl\.2 \(it ends at seq 3; this file starts at seq 7/);
    expect(spawnCli(['audit', 'verify', '--continuous', path, `${path}.1`]).code).toBe(1);
  });

  it('a restart just after rotation (no record in the new file yet) continues the chain from the rotated file', async () => {
    const path = await writeLog(3);
    renameSync(path, `${path}-20261122`);
    const again = new AuditLog(path);
    again.write(rec(3));
    await again.close();
    expect(readFileSync(path, 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { seq: number }).seq)).toEqual([4]);
    expect(spawnCli(['audit', 'verify', '--continuous', `${path}-20261122`, path]).code).toBe(0);
  });
});
