import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'undici';
import { ROOT } from '../helpers/cli.js';
import { startProxy, viaAgent, type TestProxy } from '../helpers/proxy.js';
import { RecordingUpstream } from '../helpers/upstream.js';
import { VENDORS, settings } from '../proxy/policy-fixture.js';
import { tempDir } from '../helpers/temp.js';

const RULES = join(ROOT, 'deploy', 'prometheus', 'rules.yml');
const has = (bin: string): boolean => spawnSync(bin, ['--version'], { stdio: 'ignore' }).status === 0;
const hasPromtool = has('promtool');
const hasPrometheus = has('prometheus');
if (!hasPromtool) console.warn('\n*** SKIPPED: promtool is not installed (Debian package "prometheus"; .ci/run installs it) ***\n');
if (!hasPrometheus) console.warn('\n*** SKIPPED: prometheus is not installed (Debian package "prometheus"; .ci/run installs it) ***\n');

describe.skipIf(!hasPromtool)('promtool', () => {
  it('check rules: the rules file is valid', () => {
    const r = spawnSync('promtool', ['check', 'rules', RULES], { encoding: 'utf8' });
    const alerts = readFileSync(RULES, 'utf8').match(/- alert: /g)!.length;
    expect(alerts).toBeGreaterThanOrEqual(10);
    expect(r.stdout + r.stderr).toContain(`SUCCESS: ${alerts} rules found`);
    expect(r.status).toBe(0);
  });

  it('test rules: every alert fires when it should and names the vendor and reason', () => {
    const r = spawnSync('promtool', ['test', 'rules', join(ROOT, 'deploy', 'prometheus', 'rules.test.yml')], { encoding: 'utf8' });
    expect(r.stdout + r.stderr).toMatch(/SUCCESS/);
    expect(r.status).toBe(0);
    // Every alert in rules.yml has at least one test.
    const alerts = [...readFileSync(RULES, 'utf8').matchAll(/- alert: (\w+)/g)].map((m) => m[1]);
    const tests = readFileSync(join(ROOT, 'deploy', 'prometheus', 'rules.test.yml'), 'utf8');
    for (const a of alerts) expect(tests).toContain(`alertname: ${a}`);
  });
});

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

async function waitFor<T>(what: string, fn: () => Promise<T | null>, ms = 40_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await fn().catch(() => null);
    if (v !== null) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe.skipIf(!hasPrometheus)('a real Prometheus scraping a running phiwall', () => {
  let up: RecordingUpstream;
  let proxy: TestProxy;
  let prom: ChildProcess;
  let promUrl: string;
  let promLog = '';

  beforeAll(async () => {
    up = new RecordingUpstream();
    await up.start();
    proxy = await startProxy(VENDORS, settings());
    const dir = tempDir('prom');
    const adminPort = new URL(proxy.adminUrl).port;
    writeFileSync(join(dir, 'prometheus.yml'), `global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\nrule_files: ['${RULES}']\nscrape_configs:\n  - job_name: phiwall\n    static_configs:\n      - targets: ['127.0.0.1:${adminPort}']\n`);
    const port = await freePort();
    promUrl = `http://127.0.0.1:${port}`;
    prom = spawn('prometheus', [`--config.file=${join(dir, 'prometheus.yml')}`, `--storage.tsdb.path=${join(dir, 'data')}`, `--web.listen-address=127.0.0.1:${port}`], { stdio: ['ignore', 'pipe', 'pipe'] });
    prom.stderr!.on('data', (d: Buffer) => (promLog += d.toString()));
    await waitFor('prometheus ready', async () => ((await request(`${promUrl}/-/ready`)).statusCode === 200 ? true : null));
  }, 60_000);

  afterAll(async () => {
    prom?.kill('SIGTERM');
    await proxy?.stop();
    await up?.stop();
  });

  it('fires PhiwallPHIBlocked for a PHI request to a vendor without a BAA', async () => {
    // First let Prometheus see the counters at zero, so that the block is an increase.
    await waitFor('first scrape', async () => {
      const r = (await (await request(`${promUrl}/api/v1/query?query=${encodeURIComponent('phiwall_blocked_total{vendor="pixel",reason="phi_detected"}')}`)).body.json()) as { data: { result: unknown[] } };
      return r.data.result.length > 0 ? true : null;
    });
    const r = await viaAgent(proxy, `http://pixel.example:${up.port}/collect`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ patientName: 'Rosa Garcia', ssn: '536-22-1845' }) });
    expect(r.status).toBe(403);
    const alert = await waitFor('the alert to fire', async () => {
      const body = (await (await request(`${promUrl}/api/v1/alerts`)).body.json()) as { data: { alerts: { labels: Record<string, string>; annotations: Record<string, string>; state: string }[] } };
      return body.data.alerts.find((a) => a.labels['alertname'] === 'PhiwallPHIBlocked' && a.state === 'firing') ?? null;
    });
    expect(alert.labels).toMatchObject({ vendor: 'pixel', severity: 'critical' });
    expect(alert.annotations['summary']).toBe('PHI was blocked on its way to pixel (phi_detected)');
    expect(JSON.stringify(alert)).not.toMatch(/Rosa|536-22-1845/);
    expect(promLog).not.toMatch(/level=error.*rule/i);
  }, 60_000);
});
