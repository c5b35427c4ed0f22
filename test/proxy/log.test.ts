import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import type { DecisionRecord } from '../../src/audit/record.js';
import { logDecision, plainLogger } from '../../src/proxy/log.js';
import { ROOT } from '../helpers/cli.js';

const rec = (o: Partial<DecisionRecord>): DecisionRecord => ({
  time: '2026-11-22T10:00:00.000Z', incident: '0b9e0c43-5a1f-4a55-a3c1-8f3f2bb1d0e7', client: '127.0.0.1', channel: 'intercepted', method: 'POST', host: 'pixel.example', port: 443,
  vendor: 'pixel', action: 'allow', reason: 'no_phi_found', enforced: true, findings: {}, detectors: [], request_bytes: 4096, upstream_status: 200, duration_ms: 1.25, added_ms: 0.5, ...o,
});

/** The lines a logger writes, with pino's time (the only field that differs between two calls) blanked. */
function capture(make: (stream: { write(line: string): void }) => pino.Logger, records: DecisionRecord[]): string[] {
  const lines: string[] = [];
  const log = make({ write: (line) => lines.push(line) });
  for (const r of records) logDecision(log, r);
  return lines.map((l) => l.replace(/"time":\d+/, '"time":0'));
}

describe('the stdout decision summary', () => {
  const records = [
    rec({}),
    rec({ vendor: null, upstream_status: null, action: 'block', reason: 'unknown_destination', enforced: false, duration_ms: 0 }),
    rec({ channel: 'http', duration_ms: 12.34, upstream_status: 502, reason: 'upstream_tls_error' }),
    rec({ incident: 'odd "quoted" \\ id\u0001', duration_ms: Number.NaN }),
  ];

  for (const bindings of [null, { worker: 2 }, { role: 'primary' }]) {
    it(`is built by hand byte for byte as pino writes it (bindings ${JSON.stringify(bindings)})`, () => {
      const fast = capture((stream) => plainLogger(bindings, stream), records);
      // The same call through pino's own serializer: a logger that is not marked plain.
      const slow = capture((stream) => pino({ base: bindings }, stream), records);
      expect(fast).toHaveLength(records.length);
      expect(fast).toEqual(slow);
      for (const line of fast) expect(JSON.parse(line)).toMatchObject({ level: 30, msg: 'decision' });
    });
  }

  it('writes nothing when the logger is above info', () => {
    const lines: string[] = [];
    const log = plainLogger(null, { write: (line) => lines.push(line) });
    log.level = 'warn';
    logDecision(log, rec({}));
    expect(lines).toEqual([]);
  });
});

describe('the stdout logger on exit', () => {
  it('writes the lines it had gathered when the process calls process.exit() (a stopped cluster worker)', () => {
    const script = `import(${JSON.stringify(join(ROOT, 'dist', 'src', 'proxy', 'log.js'))}).then(({ stdoutLogger }) => {
      const log = stdoutLogger({ worker: 3 });
      for (let i = 0; i < 3; i++) log.info({ i }, 'last words');
      process.exit(0);
    })`;
    const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { worker: number; i: number; msg: string });
    expect(lines.map((l) => [l.worker, l.i, l.msg])).toEqual([[3, 0, 'last words'], [3, 1, 'last words'], [3, 2, 'last words']]);
  });
});
