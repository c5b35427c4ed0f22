import { writeFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditRecords, recordOf, startProxy, useProxy } from '../helpers/proxy.js';
import { useRecordingUpstream } from '../helpers/upstream.js';
import { VENDORS, settings } from './policy-fixture.js';

const up = useRecordingUpstream({ beforeAll, afterAll, beforeEach });
const proxy = useProxy({ beforeAll, afterAll }, () => [VENDORS, settings()]);

/** A WebSocket handshake as an HTTP proxy client sends it for ws://: absolute-form GET with Upgrade. */
const handshake = (host: string, port: number): string =>
  `GET http://${host}:${port}/socket?room=7 HTTP/1.1\r\nHost: ${host}:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
  'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n';

/** Sends the handshake through the proxy; resolves with the answer's head (and what followed it) and the open socket. */
function upgrade(host: string): Promise<{ head: string; socket: Socket }> {
  return new Promise((resolve, reject) => {
    const socket = connect(proxy.port, '127.0.0.1');
    let text = '';
    socket.on('error', reject);
    const onData = (d: Buffer): void => {
      text += d.toString('latin1');
      if (text.includes('\r\n\r\n')) {
        socket.off('data', onData);
        resolve({ head: text, socket });
      }
    };
    socket.on('data', onData);
    socket.on('close', () => resolve({ head: text, socket }));
    socket.write(handshake(host, up.port));
  });
}

/** Writes bytes on the upgraded connection and reads as many back. */
function echo(socket: Socket, bytes: string): Promise<string> {
  return new Promise((resolve) => {
    let got = '';
    socket.on('data', (d: Buffer) => {
      got += d.toString('latin1');
      if (got.length >= bytes.length) resolve(got);
    });
    socket.write(bytes);
  });
}

describe('protocol upgrades (WebSocket over plain http://)', () => {
  it('to a vendor with a BAA in force: the upgrade reaches the vendor and the connection is relayed both ways', async () => {
    const rec = await recordOf(proxy, async () => {
      const { head, socket } = await upgrade('ehr.example');
      expect(head).toMatch(/^HTTP\/1\.1 101 /);
      expect(await echo(socket, 'frame-1 frame-2')).toBe('frame-1 frame-2');
      socket.destroy();
    });
    expect(up.requests).toHaveLength(1);
    expect(up.requests[0]).toMatchObject({ method: 'GET', url: '/socket?room=7' });
    expect(up.requests[0]!.headers).toMatchObject({ upgrade: 'websocket', connection: 'Upgrade', 'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==', host: `ehr.example:${up.port}`, via: '1.1 phiwall' });
    expect(rec).toMatchObject({ channel: 'http', vendor: 'ehr', action: 'allow', reason: 'baa_in_force', upstream_status: 101 });
  });

  it('to a vendor whose payloads must be scanned: refused (messages cannot be held and scanned); the vendor sees nothing', async () => {
    const rec = await recordOf(proxy, async () => {
      const { head } = await upgrade('pixel.example');
      expect(head).toMatch(/^HTTP\/1\.1 403 /);
      expect(head).toMatch(/x-phiwall-reason: unscannable_body/);
    });
    expect(rec).toMatchObject({ vendor: 'pixel', action: 'block', reason: 'unscannable_body' });
    expect(up.connections).toBe(0);
  });

  it('to a vendor that is blocked outright: refused with the decision reason', async () => {
    const { head } = await upgrade('relay.itmsp.example');
    expect(head).toMatch(/^HTTP\/1\.1 403 /);
    expect(head).toMatch(/x-phiwall-reason: baa_refused/);
    expect(up.connections).toBe(0);
  });

  it('in monitor mode a scan-required upgrade is let through, recorded as a would-be block', async () => {
    const monitor = await startProxy(VENDORS, settings('mode: monitor\n'));
    try {
      const rec = await recordOf(monitor, async () => {
        const socket = connect(monitor.port, '127.0.0.1');
        const head = await new Promise<string>((resolve) => {
          socket.once('data', (d: Buffer) => resolve(d.toString('latin1')));
          socket.write(handshake('pixel.example', up.port));
        });
        expect(head).toMatch(/^HTTP\/1\.1 101 /);
        socket.destroy();
      });
      expect(rec).toMatchObject({ vendor: 'pixel', action: 'allow', reason: 'unscannable_body', enforced: false, upstream_status: 101 });
    } finally {
      await monitor.stop();
    }
  });

  it('an upstream that cannot be reached is a 502 on the socket, and the proxy keeps serving', async () => {
    const socket = connect(proxy.port, '127.0.0.1');
    const head = await new Promise<string>((resolve) => {
      socket.once('data', (d: Buffer) => resolve(d.toString('latin1')));
      // Port 1 on loopback: nothing listens there.
      socket.write(handshake('ehr.example', 1));
    });
    expect(head).toMatch(/^HTTP\/1\.1 502 /);
    expect(head).toMatch(/x-phiwall-reason: upstream_unreachable/);
    socket.destroy();
    expect((await upgrade('ehr.example')).head).toMatch(/^HTTP\/1\.1 101 /);
  });

  it('an open WebSocket to a vendor whose BAA is then terminated is cut at the policy reload', async () => {
    const { head, socket } = await upgrade('ehr.example');
    expect(head).toMatch(/^HTTP\/1\.1 101 /);
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    writeFileSync(join(proxy.dir, 'vendors.yaml'), VENDORS.replace(/(- id: ehr\n.*\n.*\n) {4}baa: .*\n/, '$1    baa: { status: terminated, effective: 2020-01-01 }\n'));
    try {
      expect(proxy.running.reload()).toEqual({ ok: true });
      await closed;
      expect((await auditRecords(proxy)).at(-1)).toMatchObject({ host: 'ehr.example', channel: 'http', action: 'block', reason: 'baa_terminated' });
    } finally {
      writeFileSync(join(proxy.dir, 'vendors.yaml'), VENDORS);
      proxy.running.reload();
    }
  });
});
