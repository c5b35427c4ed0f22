import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRecords, startProxy, type TestProxy } from '../helpers/proxy.js';
import { openTunnel } from '../helpers/raw.js';
import { EchoServer } from '../helpers/upstream.js';
import { VENDORS, settings } from './policy-fixture.js';

let echo: EchoServer;
let echoPort: number;
let proxy: TestProxy;
beforeAll(async () => {
  echo = new EchoServer();
  echoPort = await echo.start();
  proxy = await startProxy(VENDORS, settings(`connect_ports: [${echoPort}]\n`));
});
afterAll(async () => {
  await proxy.stop();
  await echo.stop();
});

describe('CONNECT', () => {
  it('opens a tunnel to a vendor with a BAA in force and carries bytes both ways untouched', async () => {
    const { head, socket } = await openTunnel(proxy.port, `ehr.example:${echoPort}`);
    expect(head).toMatch(/^HTTP\/1\.1 200 Connection Established/);
    const reply = await new Promise<Buffer>((resolve) => {
      socket.once('data', (d: Buffer) => resolve(d));
      socket.write(Buffer.from([0x16, 0x03, 0x01, 0x00, 0x05, 1, 2, 3, 4, 5]));
    });
    expect([...reply]).toEqual([0x16, 0x03, 0x01, 0x00, 0x05, 1, 2, 3, 4, 5]);
    socket.destroy();
    await new Promise((r) => setTimeout(r, 50));
    const rec = (await auditRecords(proxy)).find((r) => r['host'] === 'ehr.example');
    expect(rec).toMatchObject({ channel: 'tunnel', method: 'CONNECT', vendor: 'ehr', action: 'allow', reason: 'baa_in_force' });
  });

  it.each([
    ['relay.itmsp.example', 'baa_refused'],
    ['newtool.example', 'classification_pending'],
    ['unknown.example', 'unknown_destination'],
    // A vendor whose payloads must be scanned cannot be scanned inside a tunnel: refused.
    ['pixel.example', 'unscannable_body'],
  ])('refuses %s with 403 %s before any tunnel opens', async (host, reason) => {
    const before = echo.connections;
    const { head } = await openTunnel(proxy.port, `${host}:${echoPort}`);
    expect(head).toMatch(/^HTTP\/1\.1 403 Forbidden/);
    expect(head).toMatch(new RegExp(`x-phiwall-reason: ${reason}`));
    expect(echo.connections).toBe(before);
  });

  it('refuses a port that is not in connect_ports', async () => {
    const { head } = await openTunnel(proxy.port, 'ehr.example:25');
    expect(head).toMatch(/403/);
    expect(head).toMatch(/x-phiwall-reason: port_not_allowed/);
  });

  it('answers a malformed CONNECT with 400', async () => {
    const { head } = await openTunnel(proxy.port, 'no-port-here');
    expect(head).toMatch(/^HTTP\/1\.1 400/);
  });

  it('a stop does not wait for open tunnels past its grace period: they are cut, and their records written', async () => {
    const p = await startProxy(VENDORS, settings(`connect_ports: [${echoPort}]\n`));
    const { socket } = await openTunnel(p.port, `ehr.example:${echoPort}`);
    // The tunnel carries bytes (it is open end to end), and the client keeps it open.
    await new Promise<void>((resolve) => {
      socket.once('data', () => resolve());
      socket.write('hello');
    });
    const cut = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    const started = Date.now();
    await p.stop(); // a grace period of one second
    await cut;
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(readFileSync(p.auditPath, 'utf8')).toMatch(/"host":"ehr\.example".*"reason":"baa_in_force"/);
  });
});
