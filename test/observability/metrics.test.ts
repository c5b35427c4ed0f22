import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Agent, request } from 'undici';
import { createMetrics } from '../../src/metrics/metrics.js';
import { PolicyState, loadAll } from '../../src/proxy/state.js';
import { curl, startProxy, useProxy, viaAgent } from '../helpers/proxy.js';
import { useRecordingUpstream } from '../helpers/upstream.js';
import { VENDORS, settings } from '../proxy/policy-fixture.js';
import { ROOT } from '../helpers/cli.js';
import { join } from 'node:path';

const up = useRecordingUpstream({ beforeAll, afterAll, beforeEach });
const proxy = useProxy({ beforeAll, afterAll }, () => [VENDORS, settings()]);

async function scrape(): Promise<string> {
  const r = await request(`${proxy.adminUrl}/metrics`);
  expect(r.statusCode).toBe(200);
  return r.body.text();
}

const sample = (text: string, name: string, labels: Record<string, string>): number | null => {
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`)) continue;
    const ok = Object.entries(labels).every(([k, v]) => line.includes(`${k}="${v}"`));
    if (ok) return Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return null;
};

describe('metrics', () => {
  it('counts decisions, blocks and findings with vendor, reason and identifier labels', async () => {
    await curl(proxy.url, [`http://ehr.example:${up.port}/`]);
    await curl(proxy.url, [`http://relay.itmsp.example:${up.port}/`]);
    await viaAgent(proxy, `http://pixel.example:${up.port}/c`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'Patient: Rosa Garcia SSN 536-22-1845' });
    await new Promise((r) => setTimeout(r, 50));
    const m = await scrape();
    expect(sample(m, 'phiwall_requests_total', { vendor: 'ehr', action: 'allow', reason: 'baa_in_force', enforced: 'true', channel: 'http' })).toBe(1);
    expect(sample(m, 'phiwall_blocked_total', { vendor: 'it-msp', reason: 'baa_refused', enforced: 'true' })).toBe(1);
    expect(sample(m, 'phiwall_blocked_total', { vendor: 'pixel', reason: 'phi_detected', enforced: 'true' })).toBe(1);
    expect(sample(m, 'phiwall_phi_findings_total', { vendor: 'pixel', identifier: 'ssn' })).toBe(1);
    expect(sample(m, 'phiwall_detector_findings_total', { detector: 'us-ssn' })).toBe(1);
    expect(m).toMatch(/phiwall_scan_bytes_total \d+/);
    expect(m).toMatch(/phiwall_scan_duration_seconds_count 1/);
    expect(m).toMatch(/phiwall_request_duration_seconds_bucket\{le="[^"]+",action="allow"\}/);
    for (const name of ['phiwall_held_bytes', 'phiwall_open_connections', 'phiwall_open_tunnels', 'phiwall_audit_write_errors_total', 'phiwall_policy_loaded_timestamp_seconds', 'phiwall_unknown_destination_requests_total']) {
      expect(m).toMatch(new RegExp(`^${name} `, 'm'));
    }
    expect(m).not.toMatch(/536-22-1845|Rosa|Garcia/);
  });

  it('exports the inventory: vendor info and BAA days remaining', async () => {
    const m = await scrape();
    expect(sample(m, 'phiwall_vendor_info', { vendor: 'it-msp', classification: 'business-associate', baa_status: 'refused', baa_in_force: 'false' })).toBe(1);
    expect(sample(m, 'phiwall_baa_days_remaining', { vendor: 'lapsed' })).toBeLessThan(0);
  });

  it('keeps the label set bounded: 10,000 distinct unknown hosts add no series', async () => {
    const before = (await scrape()).split('\n').filter((l) => l.startsWith('phiwall_')).length;
    const agent = new Agent({ connections: 32 });
    const hosts = Array.from({ length: 10_000 }, (_, i) => `tool-${i}.random-saas.example`);
    const { ProxyAgent } = await import('undici');
    const pa = new ProxyAgent({ uri: proxy.url, proxyTunnel: false, connections: 32 } as ConstructorParameters<typeof ProxyAgent>[0]);
    for (let i = 0; i < hosts.length; i += 200) {
      await Promise.all(hosts.slice(i, i + 200).map(async (h) => {
        const r = await request(`http://${h}/x`, { dispatcher: pa });
        await r.body.dump();
        expect(r.statusCode).toBe(403);
      }));
    }
    await pa.close();
    await agent.close();
    const m = await scrape();
    const after = m.split('\n').filter((l) => l.startsWith('phiwall_')).length;
    expect(m).not.toMatch(/random-saas/);
    expect(sample(m, 'phiwall_unknown_destination_requests_total', {}) ?? Number(/^phiwall_unknown_destination_requests_total (\d+)/m.exec(m)![1])).toBeGreaterThanOrEqual(10_000);
    // One new series at most: the unknown/unknown_destination block counter already existed or appears once.
    expect(after - before).toBeLessThanOrEqual(16);
  }, 120_000);

  it('recomputes BAA days remaining as the clock moves', async () => {
    const state = new PolicyState(join(ROOT, 'policies'), loadAll(join(ROOT, 'policies')));
    let now = new Date('2026-11-22T18:00:00Z');
    const { registry } = createMetrics(state, { heldBytes: () => 0, auditErrors: () => 0 }, () => now);
    const days = async () => sample(await registry.metrics(), 'phiwall_baa_days_remaining', { vendor: 'faxline' });
    expect(await days()).toBe(44);
    now = new Date('2027-01-05T18:00:00Z');
    expect(await days()).toBe(0);
    now = new Date('2027-01-07T18:00:00Z');
    expect(await days()).toBe(-2);
  });
});

describe('admin server', () => {
  it('/healthz, /readyz, /api/vendors, /api/decisions/recent', async () => {
    expect((await request(`${proxy.adminUrl}/healthz`)).statusCode).toBe(200);
    const ready = await request(`${proxy.adminUrl}/readyz`);
    expect(ready.statusCode).toBe(200);
    expect(await ready.body.json()).toEqual({ ready: true, checks: { policy_loaded: true, detectors_compiled: true, audit_writable: true } });
    const vendors = (await (await request(`${proxy.adminUrl}/api/vendors`)).body.json()) as { vendors: { id: string; baa: unknown }[] };
    expect(vendors.vendors.map((v) => v.id)).toContain('it-msp');
    const recent = (await (await request(`${proxy.adminUrl}/api/decisions/recent?limit=5`)).body.json()) as { decisions: Record<string, unknown>[] };
    expect(recent.decisions).toHaveLength(5);
    expect(recent.decisions[0]).toHaveProperty('incident');
    expect(recent.decisions[0]).toHaveProperty('hash');
    expect(JSON.stringify(recent)).not.toMatch(/536-22-1845|Rosa/);
  });
});

describe('admin bearer token', () => {
  it('guards everything but /healthz', async () => {
    process.env['PHIWALL_ADMIN_TOKEN'] = 's3cret-token';
    const p = await startProxy(VENDORS, settings());
    delete process.env['PHIWALL_ADMIN_TOKEN'];
    try {
      expect((await request(`${p.adminUrl}/healthz`)).statusCode).toBe(200);
      expect((await request(`${p.adminUrl}/metrics`)).statusCode).toBe(401);
      expect((await request(`${p.adminUrl}/metrics`, { headers: { authorization: 'Bearer wrong-token!' } })).statusCode).toBe(401);
      expect((await request(`${p.adminUrl}/metrics`, { headers: { authorization: 'Bearer s3cret-token' } })).statusCode).toBe(200);
    } finally {
      await p.stop();
    }
  });
});
