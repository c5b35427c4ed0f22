import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ALL_TERMS, curl, outputsOf, recordOf, startProxy, viaAgent, type TestProxy } from '../helpers/proxy.js';
import { useRecordingUpstream } from '../helpers/upstream.js';
import { VENDORS, settings } from './policy-fixture.js';

const up = useRecordingUpstream({ beforeAll, afterAll, beforeEach });

describe('mode: monitor', () => {
  let proxy: TestProxy;
  beforeAll(async () => {
    proxy = await startProxy(VENDORS, settings('mode: monitor\n'));
  });
  afterAll(async () => {
    await proxy.stop();
  });

  it('lets a would-be vendor block through and records it with enforced: false', async () => {
    let status = 0;
    const rec = await recordOf(proxy, async () => (status = (await curl(proxy.url, [`http://relay.itmsp.example:${up.port}/session`])).status));
    expect(status).toBe(200);
    expect(up.requests).toHaveLength(1);
    expect(rec).toMatchObject({ vendor: 'it-msp', action: 'allow', reason: 'baa_refused', enforced: false, upstream_status: 200 });
  });

  it('lets a would-be PHI block through, recording phi_detected with enforced: false and the counts', async () => {
    const body = 'Patient: Rosa Garcia SSN 536-22-1845';
    let status = 0;
    const rec = await recordOf(proxy, async () => (status = (await viaAgent(proxy, `http://pixel.example:${up.port}/collect`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body })).status));
    expect(status).toBe(200);
    expect(up.requests[0]!.body.toString()).toBe(body);
    expect(rec).toMatchObject({ vendor: 'pixel', action: 'allow', reason: 'phi_detected', enforced: false, findings: { names: expect.any(Number), ssn: 1 } });
    expect(await outputsOf(proxy)).not.toContain('536-22-1845');
  });

  it('still refuses what protects the network itself: an unknown loopback destination', async () => {
    const r = await curl(proxy.url, [`http://localhost:${up.port}/`]);
    expect(r.status).toBe(403);
    expect(r.headers['x-phiwall-reason']).toBe('private_address');
  });
});

describe('hot reload', () => {
  let proxy: TestProxy;
  beforeAll(async () => {
    proxy = await startProxy(VENDORS, settings());
  });
  afterAll(async () => {
    await proxy.stop();
  });

  it('a good policy takes effect atomically; a broken one keeps the last good policy and says so', async () => {
    expect((await curl(proxy.url, [`http://answering.example:${up.port}/`])).headers['x-phiwall-reason']).toBe('baa_pending');

    // The answering service signs its BAA.
    writeFileSync(join(proxy.dir, 'vendors.yaml'), VENDORS.replace(/- id: answering\n(.*\n){2}.*baa: \{ status: pending \}/, `- id: answering\n    hosts: [answering.example]\n    classification: business-associate\n    baa: { status: executed, effective: 2020-01-01, terms: ${ALL_TERMS} }`));
    expect(proxy.running.reload()).toEqual({ ok: true });
    expect((await curl(proxy.url, [`http://answering.example:${up.port}/`])).status).toBe(200);

    // Someone saves a typo: the reload fails with a position, and the signed BAA stays in force.
    writeFileSync(join(proxy.dir, 'vendors.yaml'), 'vendors:\n  - id: answering\n    clasification: pending\n');
    const result = proxy.running.reload();
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[0]).toMatch(/vendors\.yaml:3:5: unknown key "clasification"/);
    expect((await curl(proxy.url, [`http://answering.example:${up.port}/`])).status).toBe(200);
    expect(proxy.logs.join('\n')).toMatch(/policy reload failed; the last good policy stays in force/);
  });
});
