import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { curl, startProxy, type TestProxy } from '../helpers/proxy.js';
import { raw } from '../helpers/raw.js';
import { RecordingUpstream } from '../helpers/upstream.js';
import { ALL_TERMS } from '../helpers/proxy.js';

const VENDORS = `
vendors:
  - id: ehr
    hosts: [ehr.example, localhost-vendor.example]
    classification: business-associate
    baa: { status: executed, effective: 2020-01-01, terms: ${ALL_TERMS} }
  - id: lab-vpn
    hosts: [127.0.0.0/8]
    classification: conduit
    data_flows: lab interface over the site VPN
`;

let up: RecordingUpstream;
let proxy: TestProxy;
let dead: number;
beforeAll(async () => {
  up = new RecordingUpstream();
  await up.start();
  // A port with nothing listening: bind, note it, close.
  const s: Server = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  dead = (s.address() as AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  proxy = await startProxy(
    VENDORS,
    `unknown_destinations: allow
dns:
  hosts:
    ehr.example: 127.0.0.1
timeouts:
  client_headers_ms: 1000
  client_request_ms: 1500
  upstream_headers_ms: 800
`,
  );
});
afterAll(async () => {
  await proxy.stop();
  await up.stop();
});
beforeEach(() => up.reset());

describe('destinations are resolved once and checked', () => {
  it('an unknown name that resolves to loopback is refused (private_address)', async () => {
    // "localhost" resolves through the system resolver to 127.0.0.1; nobody named it.
    const r = await curl(proxy.url, [`http://localhost:${up.port}/`]);
    expect(r.status).toBe(403);
    expect(r.headers['x-phiwall-reason']).toBe('private_address');
    expect(up.connections).toBe(0);
  });

  it('a private address the operator named (the vendor lists the range) is allowed', async () => {
    const r = await curl(proxy.url, [`http://127.0.0.1:${up.port}/results`]);
    expect(r.status).toBe(200);
    expect(up.requests).toHaveLength(1);
  });

  it('a vendor name without a dns.hosts entry that resolves nowhere fails with 502 dns_failure', async () => {
    const r = await curl(proxy.url, [`http://localhost-vendor.example:${up.port}/`]);
    expect(r.status).toBe(502);
    expect(r.headers['x-phiwall-reason']).toBe('dns_failure');
  });
});

describe('upstream failures map to clear answers', () => {
  it('upstream down: 502 upstream_unreachable', async () => {
    const r = await curl(proxy.url, [`http://ehr.example:${dead}/`]);
    expect(r.status).toBe(502);
    expect(r.headers['x-phiwall-reason']).toBe('upstream_unreachable');
  });

  it('upstream hanging: 504 upstream_timeout', async () => {
    up.mode = 'hang';
    const r = await curl(proxy.url, [`http://ehr.example:${up.port}/slow`]);
    expect(r.status).toBe(504);
    expect(r.headers['x-phiwall-reason']).toBe('upstream_timeout');
  });
});

describe('bad and slow clients', () => {
  it('an origin-form request (not a proxy request) gets 400 bad_request', async () => {
    const text = await raw(proxy.port, 'GET /index.html HTTP/1.1\r\nHost: ehr.example\r\n\r\n');
    expect(text).toMatch(/^HTTP\/1\.1 400/);
    expect(text).toMatch(/x-phiwall-reason: bad_request/);
  });

  it('a malformed request line gets 400 and the proxy keeps serving', async () => {
    const text = await raw(proxy.port, 'THIS IS NOT HTTP\r\n\r\n');
    expect(text).toMatch(/^HTTP\/1\.1 400/);
    const r = await curl(proxy.url, [`http://ehr.example:${up.port}/`]);
    expect(r.status).toBe(200);
  });

  it('a slow-loris client that never finishes its headers is cut off', async () => {
    const started = Date.now();
    const text = await raw(proxy.port, 'GET http://ehr.example/ HTTP/1.1\r\nHost: ehr.example\r\nX-Slow: ', 8000);
    expect(Date.now() - started).toBeLessThan(7000);
    expect(text === '' || /^HTTP\/1\.1 408/.test(text)).toBe(true);
    expect(up.connections).toBe(0);
  });

  it('hop-by-hop headers and Proxy-Authorization are never forwarded; Via is added', async () => {
    await curl(proxy.url, ['-H', 'proxy-authorization: Basic c2VjcmV0', '-H', 'x-keep: yes', '-H', 'keep-alive: timeout=5', '-H', 'te: trailers', '-H', 'connection: te, keep-alive', `http://ehr.example:${up.port}/h`]);
    const h = up.requests[0]!.headers;
    expect(h['proxy-authorization']).toBeUndefined();
    expect(h['keep-alive']).toBeUndefined();
    expect(h['te']).toBeUndefined();
    expect(h['x-keep']).toBe('yes');
    expect(h['via']).toBe('1.1 phiwall');
    expect(h['host']).toBe(`ehr.example:${up.port}`);
  });
});

describe('who may use the proxy', () => {
  it('a client outside `clients` is refused (client_not_allowed)', async () => {
    const locked = await startProxy(VENDORS, 'clients: [10.0.0.0/8]\ndns:\n  hosts:\n    ehr.example: 127.0.0.1\n');
    try {
      const r = await curl(locked.url, [`http://ehr.example:${up.port}/`]);
      expect(r.status).toBe(403);
      expect(r.headers['x-phiwall-reason']).toBe('client_not_allowed');
      expect(up.connections).toBe(0);
    } finally {
      await locked.stop();
    }
  });
});
