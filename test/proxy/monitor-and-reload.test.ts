import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Socket } from 'node:net';
import { ALL_TERMS, auditRecords, curl, outputsOf, recordOf, startProxy, viaAgent, type TestProxy } from '../helpers/proxy.js';
import { openTunnel } from '../helpers/raw.js';
import { EchoServer, useRecordingUpstream } from '../helpers/upstream.js';
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

describe('open tunnels are decided again when the rules change', () => {
  let echo: EchoServer;
  let echoPort: number;
  let proxy: TestProxy;
  /** A BAA vendor whose BAA ends tomorrow (in UTC, the fixture's time zone), besides the fixture's vendors. */
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  const vendors = `${VENDORS}  - id: ending\n    hosts: [ending.example]\n    classification: business-associate\n    baa: { status: executed, effective: 2020-01-01, expires: ${tomorrow}, terms: ${ALL_TERMS} }\n`;
  beforeAll(async () => {
    echo = new EchoServer();
    echoPort = await echo.start();
    proxy = await startProxy(vendors, settings(`connect_ports: [${echoPort}]\ntimezone: UTC\n`).replace('  hosts:\n', '  hosts:\n    ending.example: 127.0.0.1\n'));
  });
  afterAll(async () => {
    await proxy.stop();
    await echo.stop();
  });

  /** Opens a tunnel and checks that it carries bytes; resolves with the socket and a promise of its close. */
  async function liveTunnel(host: string): Promise<{ socket: Socket; closed: Promise<void> }> {
    const { head, socket } = await openTunnel(proxy.port, `${host}:${echoPort}`);
    expect(head).toMatch(/^HTTP\/1\.1 200/);
    expect(await echoed(socket, 'ping')).toBe('ping');
    return { socket, closed: new Promise((resolve) => socket.once('close', () => resolve())) };
  }

  function echoed(socket: Socket, text: string): Promise<string> {
    return new Promise((resolve) => {
      socket.once('data', (d: Buffer) => resolve(d.toString()));
      socket.write(text);
    });
  }

  it('a BAA terminated in the policy cuts the tunnels already open to that vendor, and the cut is recorded', async () => {
    const ehr = await liveTunnel('ehr.example');
    const billing = await liveTunnel('billing.example');
    const opened = (await auditRecords(proxy)).filter((r) => r['host'] === 'ehr.example').at(-1)!;
    writeFileSync(join(proxy.dir, 'vendors.yaml'), vendors.replace(/(- id: ehr\n.*\n.*\n) {4}baa: .*\n/, '$1    baa: { status: terminated, effective: 2020-01-01 }\n'));
    expect(proxy.running.reload()).toEqual({ ok: true });
    await ehr.closed;
    // Another vendor's tunnel is untouched.
    expect(await echoed(billing.socket, 'still here')).toBe('still here');
    billing.socket.destroy();
    const cut = (await auditRecords(proxy)).filter((r) => r['host'] === 'ehr.example').at(-1)!;
    expect(cut).toMatchObject({ incident: opened['incident'], channel: 'tunnel', method: 'CONNECT', vendor: 'ehr', action: 'block', reason: 'baa_terminated', enforced: true });
    expect(proxy.logs.join('\n')).toMatch(/"tunnels_cut":1.*policy reloaded/);
  });

  it('a BAA that expires while a tunnel is open cuts it when the date passes', async () => {
    const ending = await liveTunnel('ending.example');
    const tunnels = proxy.running.proxy.context.tunnels;
    expect(tunnels.recheck(proxy.running.state.current.policy, new Date())).toBe(0);
    // The day after the last day of the BAA (what the once-a-minute recheck sees then).
    expect(tunnels.recheck(proxy.running.state.current.policy, new Date(Date.now() + 2 * 86_400_000))).toBe(1);
    await ending.closed;
    expect((await auditRecords(proxy)).at(-1)).toMatchObject({ host: 'ending.example', action: 'block', reason: 'baa_expired' });
  });
});
