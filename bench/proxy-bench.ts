/**
 * npm run bench [-- --quick] [--json]
 * phiwall beside the proxies a clinic would otherwise run (squid, tinyproxy, mitmproxy) and
 * beside no proxy at all, on loopback, one phiwall worker. Every target gets the same
 * connections and duration; targets are interleaved (A B C A B C ...) over several rounds,
 * and the median round is reported with the spread. Peers that are not installed are listed
 * as skipped (bench/setup.sh installs them).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { caFromPem, createCa, writeCa } from '../src/tls/ca.js';
import { issueServerCert, leafKeyPair } from '../src/tls/leaf-certs.js';
import { median, table, writeResult } from './common.js';
import { autocannonLoad, httpsLoad, summarize, type LoadResult, type Scenario } from './load.js';
import { installed, startMitmdump, startNodeFloor, startPhiwall, startSquid, startTinyproxy, type Target } from './peers.js';
import { measured } from './proc-stats.js';
import { startUpstream } from './upstream.js';

const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false }, json: { type: 'boolean', default: false }, only: { type: 'string' }, workers: { type: 'string', default: '1' } } });
// `npm run bench --quick` hands --quick to npm, which passes it on as npm_config_quick.
const quick = values.quick === true || process.env['npm_config_quick'] === 'true';
const ROUNDS = quick ? 1 : 3;
const SECONDS = quick ? 3 : 8;
const WARMUP_SECONDS = quick ? 1 : 2;
const CONNECTIONS = 50;
const say = (s: string): void => {
  if (!values.json) console.error(s);
};

// ---- payloads -------------------------------------------------------------------------
const pad = (o: Record<string, unknown>, size: number): Buffer => {
  const base = JSON.stringify(o);
  return Buffer.from(JSON.stringify({ ...o, pad: 'x'.repeat(Math.max(0, size - base.length - 10)) }));
};
const JSON_4K = pad({ claim: 'A-100', lines: Array.from({ length: 20 }, (_, i) => ({ cpt: `992${i}`, units: 1, amount: 125.5 })) }, 4096);
const FHIR_CLEAN_4K = pad({ resourceType: 'ValueSet', id: 'visit-types', status: 'active', compose: { include: [{ system: 'http://snomed.info/sct', concept: Array.from({ length: 30 }, (_, i) => ({ code: `1859${i}`, display: 'Office visit' })) }] } }, 4096);
const FHIR_PATIENT_4K = pad({ resourceType: 'Patient', name: [{ family: 'Garcia', given: ['Rosa'] }], birthDate: '1947-02-11', telecom: [{ system: 'phone', value: '(217) 555-0188' }], address: [{ line: ['1420 Maple Ave'], city: 'Springfield', postalCode: '62704' }] }, 4096);
const BODY_256K = Buffer.from(JSON.stringify(Array.from({ length: 2400 }, (_, i) => ({ event: 'page_view', page: `/services/${i % 40}`, session: `s${i}`, ts: '2026-11-22T10:00:00Z', w: 1280, h: 720 }))));
const json = { 'content-type': 'application/json' };

// ---- fixtures: upstreams, CAs, phiwall policy -----------------------------------------
const dir = mkdtempSync(join(tmpdir(), 'phiwall-bench-'));
const { port: up } = await startUpstream(0);
const upstreamCa = await createCa('bench upstream CA');
writeFileSync(join(dir, 'upstream-ca.pem'), upstreamCa.certPem);
const keys = await leafKeyPair();
const httpsUpstream = createHttpsServer({ key: keys.pem, cert: await issueServerCert(await caFromPem(upstreamCa.certPem, upstreamCa.keyPem), keys.pair, ['ehr.example', 'pixel.example', '127.0.0.1']) }, (req, res) => {
  req.resume();
  req.on('end', () => res.end('{"ok":true}'));
});
httpsUpstream.keepAliveTimeout = 60_000;
await new Promise<void>((r) => httpsUpstream.listen(0, '127.0.0.1', () => r()));
const ups = (httpsUpstream.address() as AddressInfo).port;
await writeCa(join(dir, 'ca'), false);
const phiwallCaPem = (await import('node:fs')).readFileSync(join(dir, 'ca', 'phiwall-ca.pem'), 'utf8');
const policy = join(dir, 'policy');
(await import('node:fs')).mkdirSync(policy);
writeFileSync(join(policy, 'vendors.yaml'), `vendors:
  - id: ehr
    hosts: [ehr.example]
    classification: business-associate
    baa: { status: executed, effective: 2020-01-01, terms: [permitted-uses, safeguards, reporting, subcontractors, individual-rights, hhs-access, return-or-destroy, termination] }
  - id: pixel
    hosts: [pixel.example]
    classification: not-business-associate
`);
writeFileSync(join(policy, 'phiwall.yaml'), `audit:\n  path: ${join(dir, 'audit.jsonl')}\nconnect_ports: [${ups}]\ndns:\n  hosts:\n    ehr.example: 127.0.0.1\n    pixel.example: 127.0.0.1\nscan:\n  max_body_bytes: 1048576\ntls:\n  intercept: true\n  ca_cert: ${join(dir, 'ca', 'phiwall-ca.pem')}\n  ca_key: ${join(dir, 'ca', 'phiwall-ca.key')}\n  upstream_ca: [${join(dir, 'upstream-ca.pem')}]\n`);

// ---- targets ----------------------------------------------------------------------------
const WORKERS = Number(values.workers);
if (!Number.isInteger(WORKERS) || WORKERS < 1) throw new Error('--workers takes a whole number');
const targets: Target[] = [await startPhiwall(policy, WORKERS)];
const skipped: string[] = [];
for (const [name, bin, start] of [
  ['squid', 'squid', () => startSquid(dir)],
  ['tinyproxy', 'tinyproxy', () => startTinyproxy(dir)],
  ['mitmproxy', 'mitmdump', () => startMitmdump(dir, join(dir, 'upstream-ca.pem'))],
] as const) {
  if (!installed(bin)) {
    skipped.push(`${name} (not installed: run bench/setup.sh)`);
    continue;
  }
  try {
    targets.push(await start());
  } catch (e) {
    skipped.push(`${name} (${(e as Error).message})`);
  }
}
// Scenario 6's floor: Node's TLS interception and forwarding alone, with phiwall's CA.
targets.push(await startNodeFloor(join(dir, 'ca', 'phiwall-ca.pem'), join(dir, 'ca', 'phiwall-ca.key'), join(dir, 'upstream-ca.pem')));
const direct: Target = { name: 'direct', proxy: null, pid: null, stop: async () => undefined };
targets.push(direct);
const byName = (n: string): Target | undefined => targets.find((t) => t.name === n);
say(`targets: ${targets.map((t) => t.name).join(', ')}${skipped.length > 0 ? `; skipped: ${skipped.join('; ')}` : ''}`);

interface Row {
  scenario: string;
  target: string;
  connections: number;
  result: LoadResult & { spread: [number, number] };
  peakRssMb: number | null;
  cpuCores: number | null;
  /** CPU time per answered request, µs (median over rounds): steadier than req/s on a shared machine. */
  cpuUsPerRequest: number | null;
  /** Each round in the order run (rounds alternate between targets): req/s and CPU µs per request. */
  rounds: { rps: number; cpuUsPerRequest: number | null }[];
}
const rows: Row[] = [];

/**
 * phiwall is given the vendor's name (resolved through dns.hosts, no DNS query); the peers,
 * which have no such table, and "direct" are given the same upstream by its address.
 */
function forPeer(s: Scenario): Scenario {
  const u = new URL(s.url);
  u.hostname = '127.0.0.1';
  return { ...s, url: u.toString() };
}

async function run(name: string, s: Scenario, who: string[], opts: { https?: boolean; connections?: number; reset?: boolean } = {}): Promise<void> {
  // --only 6 runs the scenarios whose number starts with 6.
  if (values.only !== undefined && !name.startsWith(values.only)) return;
  const list = who.map(byName).filter((t): t is Target => t !== undefined);
  const c = opts.connections ?? CONNECTIONS;
  const samples = new Map<string, { r: LoadResult; rss: number | null; cpu: number | null }[]>(list.map((t) => [t.name, []]));
  // node-floor, like phiwall, takes the vendor's name and connects to 127.0.0.1 itself.
  const scenarioFor = (t: Target): Scenario => (t.name === 'phiwall' || t.name === 'node-floor' ? s : forPeer(s));
  const load = (t: Target, seconds: number): Promise<LoadResult> =>
    opts.https === true
      ? httpsLoad(t.proxy, [t.caPem ?? phiwallCaPem, upstreamCa.certPem], scenarioFor(t), c, seconds, opts.reset === true)
      : autocannonLoad(t.proxy, scenarioFor(t), c, seconds);
  // Every target first gets WARMUP_SECONDS of the same load, not measured: a fresh process
  // (--only) compiles its hot code in the first seconds, on threads that take the second core.
  for (const t of list) await load(t, WARMUP_SECONDS);
  for (let round = 0; round < ROUNDS; round++) {
    for (const t of list) {
      const m = await measured(t.pid, () => load(t, SECONDS));
      samples.get(t.name)!.push({ r: m.result, rss: m.peakRss, cpu: m.cpuCores });
    }
  }
  for (const t of list) {
    const ss = samples.get(t.name)!;
    const rss = ss.map((x) => x.rss).filter((x): x is number => x !== null);
    const cpu = ss.map((x) => x.cpu).filter((x): x is number => x !== null);
    // CPU µs per answered request, round by round (null where /proc was unreadable or nothing was answered).
    const perRound = ss.map((x) => (x.cpu === null || x.r.rps === 0 ? null : (x.cpu * 1e6) / x.r.rps));
    const perRequest = perRound.filter((x): x is number => x !== null);
    rows.push({
      scenario: name,
      target: t.name,
      connections: c,
      result: summarize(ss.map((x) => x.r)),
      peakRssMb: rss.length === 0 ? null : Math.round(Math.max(...rss) / 1048576),
      cpuCores: cpu.length === 0 ? null : Math.round((cpu.reduce((a, b) => a + b, 0) / cpu.length) * 100) / 100,
      cpuUsPerRequest: perRequest.length === 0 ? null : Math.round(median(perRequest)),
      rounds: ss.map((x, i) => ({ rps: Math.round(x.r.rps), cpuUsPerRequest: perRound[i] === null ? null : Math.round(perRound[i]!) })),
    });
  }
  say(`done: ${name}`);
}

const ALL = ['phiwall', 'squid', 'tinyproxy', 'mitmproxy', 'direct'];
await run('1 GET, BAA vendor (pass-through)', { method: 'GET', url: `http://ehr.example:${up}/ok`, expect: 200 }, ALL);
await run('2 POST 4 KiB JSON, BAA vendor (pass-through)', { method: 'POST', url: `http://ehr.example:${up}/claims`, headers: json, body: JSON_4K, expect: 200 }, ALL);
await run('3 POST 4 KiB FHIR, no Patient, non-BA vendor (hold-and-scan, allowed)', { method: 'POST', url: `http://pixel.example:${up}/collect`, headers: json, body: FHIR_CLEAN_4K, expect: 200 }, ['phiwall', 'squid', 'mitmproxy']);
await run('4 POST 4 KiB FHIR Patient, non-BA vendor (hold-and-scan, blocked)', { method: 'POST', url: `http://pixel.example:${up}/collect`, headers: json, body: FHIR_PATIENT_4K, expect: 403 }, ['phiwall']);
await run('5 POST 256 KiB JSON, non-BA vendor (hold-and-scan, allowed)', { method: 'POST', url: `http://pixel.example:${up}/collect`, headers: json, body: BODY_256K, expect: 200 }, ['phiwall', 'squid']);
await run('6 HTTPS POST 4 KiB FHIR, non-BA vendor (intercepted, scanned, keep-alive)', { method: 'POST', url: `https://pixel.example:${ups}/collect`, headers: json, body: FHIR_CLEAN_4K, expect: 200 }, ['phiwall', 'mitmproxy', 'node-floor', 'direct'], { https: true });
await run('6b HTTPS GET, non-BA vendor, new connection per request (CONNECT + handshakes/s)', { method: 'GET', url: `https://pixel.example:${ups}/h`, expect: 200 }, ['phiwall', 'mitmproxy', 'node-floor'], { https: true, reset: true, connections: 20 });
await run('7 GET, BAA vendor, 200 connections (memory)', { method: 'GET', url: `http://ehr.example:${up}/ok`, expect: 200 }, ['phiwall', 'squid'], { connections: 200 });

for (const t of targets) await t.stop();
httpsUpstream.close();
// The policy, the CAs, the peers' configurations and the audit file of this run: nothing to keep.
rmSync(dir, { recursive: true, force: true });

// ---- report ------------------------------------------------------------------------------
const get = (scenario: string, target: string): Row | undefined => rows.find((r) => r.scenario.startsWith(scenario) && r.target === target);
const ratio = (a: number | undefined, b: number | undefined): string => (a === undefined || b === undefined || b === 0 ? '—' : `${(a / b).toFixed(2)}x`);
const usable = (r: Row | undefined): number | undefined => (r === undefined || r.result.rps === 0 ? undefined : r.result.rps);
const tableRows = rows.map((r) => {
  const squid = usable(get(r.scenario.slice(0, 1), 'squid'));
  const dir0 = usable(get(r.scenario.slice(0, 1), 'direct'));
  return [r.scenario, r.target, String(r.connections), r.result.rps.toFixed(0), `${r.result.spread[0].toFixed(0)}–${r.result.spread[1].toFixed(0)}`, r.result.p50.toFixed(2), r.result.p99.toFixed(2), String(r.result.errors + r.result.unexpected), r.peakRssMb === null ? '—' : String(r.peakRssMb), r.cpuCores === null ? '—' : String(r.cpuCores), r.cpuUsPerRequest === null ? '—' : String(r.cpuUsPerRequest), ratio(r.result.rps, squid), ratio(r.result.rps, dir0)];
});

const pw = (s: string): Row | undefined => get(s, 'phiwall');
const targetsMet = [
  ['pass-through GET >= 1.0x squid', usable(pw('1')), usable(get('1', 'squid')), 1.0],
  ['pass-through 4 KiB POST >= 1.5x squid', usable(pw('2')), usable(get('2', 'squid')), 1.5],
  ['scan path (3) >= 0.8x phiwall pass-through POST (2)', usable(pw('3')), usable(pw('2')), 0.8],
  ['scan path (3) >= 10x mitmproxy', usable(pw('3')), usable(get('3', 'mitmproxy')), 10],
  ['HTTPS scan path (6) >= 10x mitmproxy', usable(pw('6')), usable(get('6', 'mitmproxy')), 10],
].map(([what, a, b, want]) => ({ target: what as string, ratio: a === undefined || b === undefined ? null : (a as number) / (b as number), want: want as number }));
function cpuRatio(a: Row | undefined, b: Row | undefined): string {
  const x = a?.cpuUsPerRequest;
  const y = b?.cpuUsPerRequest;
  return x === undefined || x === null || y === undefined || y === null || y === 0 ? 'n/a' : `${(x / y).toFixed(2)}x (${x} vs ${y} µs)`;
}
const p99Squid = get('2', 'squid')?.result.p99;
const p99Scan = pw('3')?.result.p99;
const rss200 = pw('7')?.peakRssMb ?? null;
const checks = [
  ...targetsMet.map((t) => ({ target: t.target, value: t.ratio === null ? 'n/a (peer skipped)' : `${t.ratio.toFixed(2)}x`, met: t.ratio === null ? null : t.ratio >= t.want })),
  { target: 'scan path p99 (3) <= 1.5x squid pass-through POST p99 (2)', value: p99Squid === undefined || p99Scan === undefined ? 'n/a' : `${p99Scan} ms vs ${p99Squid} ms (${(p99Scan / p99Squid).toFixed(2)}x)`, met: p99Squid === undefined || p99Scan === undefined ? null : p99Scan <= 1.5 * p99Squid },
  { target: 'RSS <= 150 MB at 200 connections', value: rss200 === null ? 'n/a' : `${rss200} MB`, met: rss200 === null ? null : rss200 <= 150 },
  // Not a target: the same comparison per unit of CPU, which drifts less than req/s here.
  { target: '(no target) HTTPS (6): mitmproxy CPU per request / phiwall', value: cpuRatio(get('6', 'mitmproxy'), pw('6')), met: null },
];

const file = writeResult(values.only !== undefined ? `proxy-only-${values.only.trim()}` : quick ? 'proxy-quick' : 'proxy', { quick, rounds: ROUNDS, seconds: SECONDS, connections: CONNECTIONS, skipped, rows, checks });
if (values.json) {
  console.log(JSON.stringify({ rows, checks, skipped, file }));
} else {
  console.log(table(['scenario', 'target', 'conns', 'req/s', 'spread', 'p50 ms', 'p99 ms', 'errors', 'peak RSS MB', 'CPU cores', 'CPU µs/req', 'vs squid', 'vs direct'], tableRows));
  console.log(`\n${ROUNDS} round(s) of ${SECONDS} s per target, interleaved; median round shown.${skipped.length > 0 ? ` Skipped: ${skipped.join('; ')}.` : ''}`);
  console.log(`\n${table(['target', 'measured', 'met'], checks.map((c) => [c.target, c.value, c.met === null ? 'n/a' : c.met ? 'yes' : 'NO']))}`);
  console.log(`\nwritten: ${file}`);
}
process.exit(0);
