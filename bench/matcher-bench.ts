/**
 * npm run bench:matcher — the host matcher's lookup cost with 100, 1,000 and 10,000 vendors.
 * The claim to check: the cost of a lookup does not grow with the number of vendors.
 */
import { parseHostPattern, buildHostMatcher, type HostPattern } from '../src/policy/hosts.js';
import { median, table, writeResult } from './common.js';

function patternsFor(vendors: number): { pattern: HostPattern; value: number }[] {
  const out: { pattern: HostPattern; value: number }[] = [];
  for (let i = 0; i < vendors; i++) {
    for (const raw of [`api.vendor${i}.example`, `*.vendor${i}.example`, `10.${(i >> 8) & 255}.${i & 255}.0/24`]) {
      const p = parseHostPattern(raw);
      if ('error' in p) throw new Error(p.error);
      out.push({ pattern: p, value: i });
    }
  }
  return out;
}

function lookups(vendors: number, n: number): string[] {
  const hosts: string[] = [];
  for (let i = 0; i < n; i++) {
    const v = (i * 7919) % vendors;
    switch (i % 4) {
      case 0: hosts.push(`api.vendor${v}.example`); break;
      case 1: hosts.push(`cdn.eu.vendor${v}.example:443`); break;
      case 2: hosts.push(`10.${(v >> 8) & 255}.${v & 255}.17`); break;
      default: hosts.push(`unknown${i}.elsewhere.example`);
    }
  }
  return hosts;
}

const sizes = [100, 1_000, 10_000];
const N = 200_000;
const results: { vendors: number; ns_per_lookup: number; build_ms: number }[] = [];
for (const vendors of sizes) {
  const t0 = performance.now();
  const m = buildHostMatcher(patternsFor(vendors));
  const buildMs = performance.now() - t0;
  const hosts = lookups(vendors, N);
  const rounds: number[] = [];
  let sink = 0;
  for (let r = 0; r < 7; r++) {
    const t = performance.now();
    for (const h of hosts) sink += m.match(h)?.value ?? 0;
    rounds.push(((performance.now() - t) * 1e6) / N);
  }
  if (sink === -1) console.log(sink);
  results.push({ vendors, ns_per_lookup: Math.round(median(rounds)), build_ms: Math.round(buildMs) });
}
const base = results[0]!.ns_per_lookup;
console.log(table(['vendors', 'host entries', 'build ms', 'ns/lookup (median of 7)', 'vs 100 vendors'], results.map((r) => [
  String(r.vendors), String(r.vendors * 3), String(r.build_ms), String(r.ns_per_lookup), `${(r.ns_per_lookup / base).toFixed(2)}x`,
])));
console.log(`\nlookups: ${N} per round (exact, wildcard, CIDR, unknown in equal parts)`);
console.log(`written: ${writeResult('matcher', { lookups_per_round: N, results })}`);
