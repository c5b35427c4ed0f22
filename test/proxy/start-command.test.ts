import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { request } from 'undici';
import { verifyChain } from '../../src/audit/chain.js';
import { BIN, ROOT } from '../helpers/cli.js';
import { curl } from '../helpers/proxy.js';
import { useRecordingUpstream } from '../helpers/upstream.js';
import { VENDORS, settings } from './policy-fixture.js';
import { tempDir } from '../helpers/temp.js';

/** Starts the built `phiwall start` as a real process and waits for its listening line(s). */
function startProcess(args: string[], workers: number, detached = false): Promise<{ child: ChildProcess; port: number; adminPort: number | null; out: () => string }> {
  return new Promise((resolve, reject) => {
    // detached: a process group of its own, which a Ctrl-C in a terminal signals as a whole.
    const child = spawn(process.execPath, [BIN, 'start', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], detached });
    let out = '';
    let seen = 0;
    const timer = setTimeout(() => reject(new Error(`phiwall did not start:\n${out}`)), 20_000);
    const onData = (d: Buffer): void => {
      out += d.toString();
      const lines = out.split('\n').filter((l) => l.includes('"phiwall listening"'));
      if (lines.length > seen) seen = lines.length;
      const adminLine = /"admin":"[^"]*:(\d+)"/.exec(out);
      if (seen >= workers && adminLine !== null) {
        clearTimeout(timer);
        const port = Number(/"listen":"[^"]*:(\d+)"/.exec(lines[0]!)![1]);
        resolve({ child, port, adminPort: Number(adminLine[1]), out: () => out });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`phiwall exited ${code}:\n${out}`)));
  });
}

/**
 * A policy folder with the fixture's vendors and its audit files inside it (`audit/a.jsonl`),
 * and phiwall started on it with two workers; `detached`: in a process group of its own.
 */
async function twoWorkers(detached = false): Promise<{ dir: string; p: Awaited<ReturnType<typeof startProcess>> }> {
  const dir = tempDir('start');
  writeFileSync(join(dir, 'vendors.yaml'), VENDORS);
  writeFileSync(join(dir, 'phiwall.yaml'), settings(`audit:\n  path: ${join(dir, 'audit', 'a.jsonl')}\n`));
  const p = await startProcess(['--policy', dir, '--workers', '2', '--listen', '127.0.0.1:0', '--admin', '127.0.0.1:0'], 2, detached);
  return { dir, p };
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

/**
 * Runs `phiwall start` expecting it to refuse: exit 1 within 15 s (not a restart loop), and
 * no stack trace in what it printed. Returns its stderr.
 */
async function failsToStart(args: string[]): Promise<string> {
  const child = spawn(process.execPath, [BIN, 'start', ...args], { cwd: ROOT });
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  try {
    expect(await exited(child), err).toBe(1);
  } finally {
    clearTimeout(killer);
  }
  expect(err).not.toMatch(/^\s+at /m);
  return err;
}

const up = useRecordingUpstream({ beforeAll, afterAll, beforeEach });
const hasLogrotate = spawnSync('logrotate', ['--version']).status === 0;
if (!hasLogrotate) console.warn('\n*** SKIPPED: the logrotate test: logrotate is not installed (Debian package "logrotate"; .ci/run installs it) ***\n');

describe('phiwall start', () => {
  it('runs several workers, reloads on SIGHUP, drains and exits 0 on SIGTERM', async () => {
    const { dir, p } = await twoWorkers();
    try {
      // Each worker says which RE2 sets its scanner runs: native/'s, built by npm ci.
      expect(p.out().match(/"phiwall listening"/g)).toHaveLength(2);
      expect(p.out().match(/"scanner_sets":"native"/g)).toHaveLength(2);
      const url = `http://127.0.0.1:${p.port}`;
      for (let i = 0; i < 4; i++) expect((await curl(url, [`http://ehr.example:${up.port}/`])).status).toBe(200);
      expect((await curl(url, [`http://newtool.example:${up.port}/`])).headers['x-phiwall-reason']).toBe('classification_pending');

      // The primary's admin server shows one view of all workers.
      const admin = `http://127.0.0.1:${p.adminPort}`;
      const metrics = await (await request(`${admin}/metrics`)).body.text();
      expect(metrics).toMatch(/phiwall_requests_total\{vendor="ehr",action="allow",reason="baa_in_force",enforced="true",channel="http"\} 4/);
      const recent = (await (await request(`${admin}/api/decisions/recent?limit=10`)).body.json()) as { decisions: { vendor: string }[] };
      expect(recent.decisions.filter((d) => d.vendor === 'ehr')).toHaveLength(4);
      const ready = await request(`${admin}/readyz`);
      expect(ready.statusCode).toBe(200);
      expect(((await ready.body.json()) as { checks: Record<string, boolean> }).checks).toMatchObject({ workers_running: true, audit_writable: true });

      // Reclassify the new tool as a conduit and send SIGHUP.
      writeFileSync(join(dir, 'vendors.yaml'), VENDORS.replace('classification: pending', 'classification: conduit\n    data_flows: reviewed'));
      p.child.kill('SIGHUP');
      let status = 0;
      for (let i = 0; i < 40 && status !== 200; i++) {
        await new Promise((r) => setTimeout(r, 100));
        status = (await curl(url, [`http://newtool.example:${up.port}/`])).status;
      }
      expect(status).toBe(200);

      // An edit just before the stop: its debounced reload must not reach draining workers
      // (a message to an exiting worker fails with EPIPE, which once took the primary down).
      writeFileSync(join(dir, 'vendors.yaml'), `${readFileSync(join(dir, 'vendors.yaml'), 'utf8')}\n# edited\n`);
      const done = exited(p.child);
      p.child.kill('SIGTERM');
      // What the process printed, shown if it exits otherwise.
      expect(await done, p.out()).toBe(0);
      // Each worker kept its own hash chain.
      const files = readdirSync(join(dir, 'audit')).sort();
      expect(files).toEqual(['a.w1.jsonl', 'a.w2.jsonl']);
      const lines = files.flatMap((f) => readFileSync(join(dir, 'audit', f), 'utf8').split('\n').filter((l) => l !== ''));
      expect(lines.length).toBeGreaterThanOrEqual(6);
    } finally {
      p.child.kill('SIGKILL');
    }
  });

  it.skipIf(!hasLogrotate)('logrotate with the shipped configuration: every worker writes on in a new file, one chain with the rotated one', async () => {
    const { dir, p } = await twoWorkers();
    try {
      const url = `http://127.0.0.1:${p.port}`;
      // Records reach the file at least once a second: wait for both workers' files.
      const traffic = async (): Promise<void> => {
        for (let i = 0; i < 8; i++) expect((await curl(url, [`http://ehr.example:${up.port}/`])).status).toBe(200);
        await new Promise((r) => setTimeout(r, 1500));
      };
      await traffic();
      // deploy/logrotate/phiwall for this folder; its postrotate signals this process as
      // `systemctl reload` would, and files are created by phiwall (no phiwall user here).
      const conf = readFileSync(join(ROOT, 'deploy', 'logrotate', 'phiwall'), 'utf8')
        .replace('/var/lib/phiwall/audit/*.jsonl', join(dir, 'audit', '*.jsonl'))
        .replace(/^\s*create .*\n/m, '')
        .replace('systemctl reload phiwall >/dev/null 2>&1 || true', `kill -HUP ${p.child.pid}`);
      writeFileSync(join(dir, 'logrotate.conf'), conf);
      const rotated = spawnSync('logrotate', ['-f', '-s', join(dir, 'logrotate.state'), join(dir, 'logrotate.conf')], { encoding: 'utf8' });
      expect(rotated.status, rotated.stderr).toBe(0);
      await new Promise((r) => setTimeout(r, 500));
      await traffic();
      const done = exited(p.child);
      p.child.kill('SIGTERM');
      expect(await done, p.out()).toBe(0);
      const files = readdirSync(join(dir, 'audit'));
      for (const f of ['a.w1.jsonl', 'a.w2.jsonl']) {
        const old = files.filter((n) => n.startsWith(`${f}-`));
        expect(old).toHaveLength(1);
        const v = spawnSync(process.execPath, [BIN, 'audit', 'verify', '--continuous', join(dir, 'audit', old[0]!), join(dir, 'audit', f)], { encoding: 'utf8' });
        expect(v.stderr).toBe('');
        expect(v.stdout).toMatch(new RegExp(`${f}: intact, \\d+ records, last hash [0-9a-f]{64}, continues`));
      }
    } finally {
      p.child.kill('SIGKILL');
    }
  });

  it('stops cleanly on a Ctrl-C, which reaches the primary and every worker at once', async () => {
    const { dir, p } = await twoWorkers(true);
    try {
      for (let i = 0; i < 4; i++) expect((await curl(`http://127.0.0.1:${p.port}`, [`http://ehr.example:${up.port}/`])).status).toBe(200);
      const done = exited(p.child);
      // The whole group, as a terminal does: each worker stops on its own signal and on the primary's message.
      process.kill(-p.child.pid!, 'SIGINT');
      expect(await done, p.out()).toBe(0);
      expect(p.out()).not.toMatch(/Error|throw/);
      const files = readdirSync(join(dir, 'audit')).sort();
      const lines = files.flatMap((f) => readFileSync(join(dir, 'audit', f), 'utf8').split('\n').filter((l) => l !== ''));
      expect(lines).toHaveLength(4);
      expect(p.out().match(/"msg":"decision"/g)).toHaveLength(4);
    } finally {
      try {
        process.kill(-p.child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  });

  it('restarts a worker that dies, in the same slot: its audit file and chain go on', async () => {
    const { dir, p } = await twoWorkers();
    /** The primary's children, from /proc (their parent pid is the 4th field of stat). */
    const workers = (): number[] =>
      readdirSync('/proc')
        .filter((d) => /^\d+$/.test(d))
        .filter((d) => {
          try {
            return Number(readFileSync(`/proc/${d}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ')[1]) === p.child.pid;
          } catch {
            return false;
          }
        })
        .map(Number);
    const listening = (): number => (p.out().match(/"phiwall listening"/g) ?? []).length;
    const until = async (ok: () => boolean): Promise<void> => {
      for (let i = 0; i < 100 && !ok(); i++) await new Promise((r) => setTimeout(r, 100));
      expect(ok(), p.out()).toBe(true);
    };
    try {
      const url = `http://127.0.0.1:${p.port}`;
      // Twice: the second time the worker killed is itself a restarted one, with a new cluster id.
      let known = workers();
      for (const round of [3, 4]) {
        process.kill(known[0]!, 'SIGKILL');
        await until(() => listening() >= round);
        await until(() => workers().length === 2);
        known = workers().filter((pid) => !known.includes(pid));
        for (let i = 0; i < 4; i++) expect((await curl(url, [`http://ehr.example:${up.port}/`])).status).toBe(200);
      }
      const done = exited(p.child);
      p.child.kill('SIGTERM');
      expect(await done, p.out()).toBe(0);
      expect(readdirSync(join(dir, 'audit')).sort()).toEqual(['a.w1.jsonl', 'a.w2.jsonl']);
      for (const f of ['a.w1.jsonl', 'a.w2.jsonl']) expect(verifyChain(readFileSync(join(dir, 'audit', f), 'utf8')).ok).toBe(true);
    } finally {
      p.child.kill('SIGKILL');
    }
  });

  it('refuses to start on a broken policy, with the position, exit 1', async () => {
    const child = spawn(process.execPath, [BIN, 'start', '--policy', join(ROOT, 'test', 'fixtures', 'broken', 'bad-wildcard'), '--workers', '1'], { cwd: ROOT });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    expect(await exited(child)).toBe(1);
    expect(err).toMatch(/vendors\.yaml:3:13: bad wildcard/);
  });

  for (const workers of ['1', '2']) {
    it(`does not start without its audit log, said plainly, exit 1 (${workers} worker(s))`, async () => {
      const dir = tempDir('start');
      writeFileSync(join(dir, 'vendors.yaml'), VENDORS);
      // A path through a file: it cannot be created, even as root.
      writeFileSync(join(dir, 'not-a-dir'), '');
      writeFileSync(join(dir, 'phiwall.yaml'), settings(`audit:\n  path: ${join(dir, 'not-a-dir', 'a.jsonl')}\n`));
      const err = await failsToStart(['--policy', dir, '--workers', workers, '--listen', '127.0.0.1:0', '--admin', '127.0.0.1:0']);
      expect(err).toMatch(/phiwall start: cannot open the audit log \S+: a part of the path is not a directory/);
    });
  }

  describe('an address already taken is said plainly, exit 1, nothing left running', () => {
    const taken = async (): Promise<{ port: number; close: () => void }> => {
      const server = createNetServer();
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      return { port: (server.address() as { port: number }).port, close: () => server.close() };
    };
    for (const [what, workers] of [['proxy', '1'], ['proxy', '2'], ['admin API', '1'], ['admin API', '2']] as const) {
      it(`the ${what}'s port, ${workers} worker(s)`, async () => {
        const dir = tempDir('start');
        writeFileSync(join(dir, 'vendors.yaml'), VENDORS);
        writeFileSync(join(dir, 'phiwall.yaml'), settings(`audit:\n  path: ${join(dir, 'audit', 'a.jsonl')}\n`));
        const busy = await taken();
        const addresses = what === 'proxy' ? ['--listen', `127.0.0.1:${busy.port}`, '--admin', '127.0.0.1:0'] : ['--listen', '127.0.0.1:0', '--admin', `127.0.0.1:${busy.port}`];
        // A worker that cannot listen used to be restarted in a loop, and the error was a stack trace.
        const err = await failsToStart(['--policy', dir, '--workers', workers, ...addresses]).finally(() => busy.close());
        expect(err).toContain(`phiwall start: cannot listen on 127.0.0.1:${busy.port} for the ${what}: the address is already in use`);
      });
    }
  });
});
