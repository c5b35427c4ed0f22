import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { METRIC_NAMES } from '../../src/metrics/metrics.js';
import { ROOT } from '../helpers/cli.js';

describe('deploy/grafana/phiwall.json', () => {
  const dash = JSON.parse(readFileSync(join(ROOT, 'deploy', 'grafana', 'phiwall.json'), 'utf8')) as { panels: { title: string; targets: { expr: string }[] }[] };
  const known = new Set<string>(Object.values(METRIC_NAMES));

  it('is valid JSON with the panels the clinic needs', () => {
    const titles = dash.panels.map((p) => p.title).join('\n');
    for (const t of ['Decisions by action', 'Blocks by vendor and reason', 'PHI findings by identifier', 'BAA days remaining', 'Added latency p50 / p99', 'Unknown destinations']) expect(titles).toContain(t);
  });

  it('queries only metrics that phiwall exports', () => {
    for (const p of dash.panels) {
      for (const t of p.targets) {
        for (const m of t.expr.matchAll(/phiwall_[a-z_]+/g)) {
          const name = m[0].replace(/_(bucket|count|sum)$/, '');
          expect(known, `${p.title}: ${m[0]}`).toContain(name);
        }
      }
    }
  });
});
