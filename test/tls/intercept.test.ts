import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { connect as tlsConnect, type TLSSocket } from 'node:tls';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ProxyAgent, request } from 'undici';
import { caFromPem, createCa, writeCa } from '../../src/tls/ca.js';
import { issueServerCert, leafKeyPair } from '../../src/tls/leaf-certs.js';
import { ALL_TERMS, auditRecords, curl, recordOf, startProxy, type TestProxy } from '../helpers/proxy.js';
import { openTunnel } from '../helpers/raw.js';
import { RecordingUpstream } from '../helpers/upstream.js';
import { tempDir } from '../helpers/temp.js';

const NAMES = ['pixel.example', 'ehr.example', 'scribe.example', 'pinned.example', 'rogue.example'];
const VENDORS = `
vendors:
  - id: ehr
    hosts: [ehr.example]
    classification: business-associate
    baa: { status: executed, effective: 2020-01-01, terms: ${ALL_TERMS} }
  - id: pixel
    hosts: [pixel.example]
    classification: not-business-associate
  - id: pinned
    hosts: [pinned.example]
    classification: not-business-associate
    intercept: false
  - id: rogue
    hosts: [rogue.example]
    classification: not-business-associate
`;

let dir: string;
let phiwallCa: string;
let upstreamCaPem: string;
let up: RecordingUpstream;
let untrusted: RecordingUpstream;
let proxy: TestProxy;
let agent: ProxyAgent;

beforeAll(async () => {
  dir = tempDir('tls');
  // The clinic CA, as `phiwall ca init` writes it.
  const { cert } = await writeCa(join(dir, 'ca'), false);
  phiwallCa = (await import('node:fs')).readFileSync(cert, 'utf8');
  // The vendors' own CA, and one nobody trusts.
  const upstreamCa = await createCa('upstream test CA');
  upstreamCaPem = upstreamCa.certPem;
  writeFileSync(join(dir, 'upstream-ca.pem'), upstreamCaPem);
  const keys = await leafKeyPair();
  up = new RecordingUpstream({ key: keys.pem, cert: await issueServerCert(await caFromPem(upstreamCa.certPem, upstreamCa.keyPem), keys.pair, NAMES) });
  await up.start();
  const strange = await createCa('untrusted CA');
  untrusted = new RecordingUpstream({ key: keys.pem, cert: await issueServerCert(await caFromPem(strange.certPem, strange.keyPem), keys.pair, NAMES) });
  await untrusted.start();
  proxy = await startProxy(
    VENDORS,
    `connect_ports: [${up.port}, ${untrusted.port}]
tls:
  intercept: true
  ca_cert: ${join(dir, 'ca', 'phiwall-ca.pem')}
  ca_key: ${join(dir, 'ca', 'phiwall-ca.key')}
  upstream_ca: [${join(dir, 'upstream-ca.pem')}]
dns:
  hosts:
${NAMES.map((n) => `    ${n}: 127.0.0.1`).join('\n')}
`,
  );
  agent = new ProxyAgent({ uri: proxy.url, requestTls: { ca: phiwallCa } });
}, 60_000);

afterAll(async () => {
  await agent.close();
  await proxy.stop();
  await up.stop();
  await untrusted.stop();
});
beforeEach(() => {
  up.reset();
  untrusted.reset();
});

const caFile = (): string => join(dir, 'ca', 'phiwall-ca.pem');
const pixel = (): string => `https://pixel.example:${up.port}/collect`;

/** The value of phiwall_intercept_handshake_failures_total for a vendor and kind (0 when absent). */
async function handshakeFailures(vendor: string, kind: string): Promise<number> {
  const text = await (await request(`${proxy.adminUrl}/metrics`)).body.text();
  const m = new RegExp(`^phiwall_intercept_handshake_failures_total\\{vendor="${vendor}",kind="${kind}"\\} (\\d+)$`, 'm').exec(text);
  return m === null ? 0 : Number(m[1]);
}
describe('TLS interception for vendors that need a scan', () => {
  it('PHI over HTTPS to a vendor without a BAA is blocked with the block page; the vendor sees nothing', async () => {
    const r = await curl(proxy.url, ['--cacert', caFile(), '-H', 'accept: text/html', '-H', 'content-type: application/json', '--data', '{"patientName":"Rosa Garcia","ssn":"536-22-1845"}', pixel()]);
    expect(r.status).toBe(403);
    expect(r.headers['x-phiwall-reason']).toBe('phi_detected');
    expect(r.body).toMatch(/Blocked to protect patient information/);
    expect(up.connections).toBe(0);
    expect(up.bytes).toBe(0);
  });

  it('a clean body over HTTPS is delivered byte for byte (undici ProxyAgent)', async () => {
    const body = JSON.stringify({ event: 'page_view', page: '/flu-shots' });
    const r = await request(pixel(), { dispatcher: agent, method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(r.statusCode).toBe(200);
    await r.body.dump();
    expect(up.requests).toHaveLength(1);
    expect(up.requests[0]!.body.toString()).toBe(body);
    expect(up.requests[0]!.headers['host']).toBe(`pixel.example:${up.port}`);
  });

  it('records intercepted decisions with their channel', async () => {
    const rec = await recordOf(proxy, () => curl(proxy.url, ['--cacert', caFile(), pixel()]));
    expect(rec).toMatchObject({ channel: 'intercepted', vendor: 'pixel', action: 'allow', reason: 'no_phi_found', upstream_status: 200 });
  });

  it('the client sees a phiwall certificate for the intercepted host, minted once and reused', async () => {
    const leaves = proxy.running.proxy.context.leafCerts();
    await curl(proxy.url, ['--cacert', caFile(), `https://rogue.example:${up.port}/a`]);
    const minted = leaves.minted;
    await curl(proxy.url, ['--cacert', caFile(), `https://rogue.example:${up.port}/b`]);
    await curl(proxy.url, ['--cacert', caFile(), `https://rogue.example:${up.port}/c`]);
    expect(leaves.minted).toBe(minted);
    const { socket } = await openTunnel(proxy.port, `rogue.example:${up.port}`);
    const tls = await new Promise<TLSSocket>((resolve, reject) => {
      const t = tlsConnect({ socket, servername: 'rogue.example', ca: phiwallCa }, () => resolve(t));
      t.on('error', reject);
    });
    expect(tls.getPeerCertificate().issuer.CN).toBe('phiwall clinic root CA');
    expect(tls.alpnProtocol === false || tls.alpnProtocol === 'http/1.1').toBe(true);
    tls.destroy();
  });

  it('a WebSocket opened inside an intercepted tunnel is refused: its messages cannot be held and scanned', async () => {
    const { socket } = await openTunnel(proxy.port, `pixel.example:${up.port}`);
    const tls = await new Promise<TLSSocket>((resolve, reject) => {
      const t = tlsConnect({ socket, servername: 'pixel.example', ca: phiwallCa }, () => resolve(t));
      t.on('error', reject);
    });
    const answer = await new Promise<string>((resolve) => {
      let text = '';
      tls.on('data', (d: Buffer) => (text += d.toString('latin1')));
      tls.on('close', () => resolve(text));
      tls.write(`GET /live HTTP/1.1\r\nHost: pixel.example:${up.port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n`);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 403 /);
    expect(answer).toMatch(/x-phiwall-reason: unscannable_body/);
    expect(up.requests).toHaveLength(0);
  });

  it('the upstream leg verifies the vendor certificate: an untrusted one is a 502 with its own reason', async () => {
    const r = await curl(proxy.url, ['--cacert', caFile(), `https://pixel.example:${untrusted.port}/x`]);
    expect(r.status).toBe(502);
    expect(r.headers['x-phiwall-reason']).toBe('upstream_tls_error');
  });

  it('many concurrent handshakes', async () => {
    const many = new ProxyAgent({ uri: proxy.url, requestTls: { ca: phiwallCa }, connections: 64 } as ConstructorParameters<typeof ProxyAgent>[0]);
    try {
      const results = await Promise.all(Array.from({ length: 60 }, async (_, i) => {
        const r = await request(`https://pixel.example:${up.port}/c${i}`, { dispatcher: many });
        await r.body.dump();
        return r.statusCode;
      }));
      expect(results.every((s) => s === 200)).toBe(true);
      expect(up.requests).toHaveLength(60);
    } finally {
      await many.close();
    }
  });
});

describe('vendors with a BAA in force are never decrypted', () => {
  it('the tunnel carries the upstream certificate itself', async () => {
    const before = proxy.running.proxy.context.leafCerts().minted;
    const { head, socket } = await openTunnel(proxy.port, `ehr.example:${up.port}`);
    expect(head).toMatch(/200 Connection Established/);
    const tls = await new Promise<TLSSocket>((resolve, reject) => {
      const t = tlsConnect({ socket, servername: 'ehr.example', ca: upstreamCaPem }, () => resolve(t));
      t.on('error', reject);
    });
    expect(tls.getPeerCertificate().issuer.CN).toBe('upstream test CA');
    tls.destroy();
    expect(proxy.running.proxy.context.leafCerts().minted).toBe(before);
  });

  it('an intercepted connection open when the vendor signs its BAA is closed (no record), so that the client reconnects undecrypted', async () => {
    const { socket } = await openTunnel(proxy.port, `pixel.example:${up.port}`);
    const tls = await new Promise<TLSSocket>((resolve, reject) => {
      const t = tlsConnect({ socket, servername: 'pixel.example', ca: phiwallCa }, () => resolve(t));
      t.on('error', reject);
    });
    expect(tls.getPeerCertificate().issuer.CN).toBe('phiwall clinic root CA');
    const closed = new Promise<void>((resolve) => tls.once('close', () => resolve()));
    const before = (await auditRecords(proxy)).length;
    const signed = VENDORS.replace(/- id: pixel\n.*\n.*\n/, `- id: pixel\n    hosts: [pixel.example]\n    classification: business-associate\n    baa: { status: executed, effective: 2020-01-01, terms: ${ALL_TERMS} }\n`);
    expect(signed).not.toBe(VENDORS);
    writeFileSync(join(proxy.dir, 'vendors.yaml'), signed);
    try {
      expect(proxy.running.reload()).toEqual({ ok: true });
      await closed;
      expect(await auditRecords(proxy)).toHaveLength(before);
      // Reconnected: now a tunnel with the vendor's own certificate.
      const again = await openTunnel(proxy.port, `pixel.example:${up.port}`);
      const direct = await new Promise<TLSSocket>((resolve, reject) => {
        const t = tlsConnect({ socket: again.socket, servername: 'pixel.example', ca: upstreamCaPem }, () => resolve(t));
        t.on('error', reject);
      });
      expect(direct.getPeerCertificate().issuer.CN).toBe('upstream test CA');
      direct.destroy();
    } finally {
      writeFileSync(join(proxy.dir, 'vendors.yaml'), VENDORS);
      proxy.running.reload();
    }
  });

  it('curl trusting only the vendor CA succeeds through the proxy', async () => {
    const upCa = join(dir, 'upstream-ca.pem');
    const r = await curl(proxy.url, ['--cacert', upCa, `https://ehr.example:${up.port}/chart`]);
    expect(r.status).toBe(200);
    expect(up.requests).toHaveLength(1);
  });
});

describe('domain fronting and host checks', () => {
  async function helloThrough(connectHost: string, servername: string | undefined): Promise<'closed' | 'connected'> {
    const { head, socket } = await openTunnel(proxy.port, `${connectHost}:${up.port}`);
    expect(head).toMatch(/200 Connection Established/);
    return new Promise((resolve) => {
      const t = tlsConnect({ socket, ...(servername === undefined ? {} : { servername }), ca: [phiwallCa, upstreamCaPem], rejectUnauthorized: false }, () => {
        t.destroy();
        resolve('connected');
      });
      t.on('error', () => resolve('closed'));
      t.on('close', () => resolve('closed'));
    });
  }

  it('a ClientHello naming another host than the CONNECT is cut before any byte is carried (tunnel)', async () => {
    const rec = await recordOf(proxy, async () => expect(await helloThrough('ehr.example', 'pixel.example')).toBe('closed'));
    expect(rec).toMatchObject({ channel: 'tunnel', vendor: 'ehr', action: 'block', reason: 'sni_mismatch' });
    expect(up.bytes).toBe(0);
  });

  it('the same on an intercepted host', async () => {
    const rec = await recordOf(proxy, async () => expect(await helloThrough('pixel.example', 'ehr.example')).toBe('closed'));
    expect(rec).toMatchObject({ vendor: 'pixel', reason: 'sni_mismatch' });
  });

  it('a ClientHello without SNI to a vendor that needs a scan is refused', async () => {
    const rec = await recordOf(proxy, async () => expect(await helloThrough('pixel.example', '')).toBe('closed'));
    expect(rec).toMatchObject({ vendor: 'pixel', reason: 'sni_mismatch' });
  });

  it('an HTTP/2-only client (gRPC) cannot complete the handshake with an intercepted host; nothing reaches the vendor', async () => {
    const { head, socket } = await openTunnel(proxy.port, `pixel.example:${up.port}`);
    expect(head).toMatch(/^HTTP\/1\.1 200/);
    const error = await new Promise<string>((resolve) => {
      const t = tlsConnect({ socket, servername: 'pixel.example', ALPNProtocols: ['h2'], ca: phiwallCa }, () => resolve(`handshake completed with ${String(t.alpnProtocol)}`));
      t.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? e.message));
    });
    expect(error).toBe('ERR_SSL_TLSV1_ALERT_NO_APPLICATION_PROTOCOL');
    expect(up.bytes).toBe(0);
    await new Promise((r) => setTimeout(r, 50));
    expect(proxy.logs.some((l) => l.includes('"msg":"intercepted TLS handshake failed"') && l.includes('"tls_error":"ERR_SSL_NO_APPLICATION_PROTOCOL"'))).toBe(true);
    expect(await handshakeFailures('pixel', 'no_alpn')).toBeGreaterThanOrEqual(1);
  });

  it('a client that does not trust the clinic CA fails the handshake, and phiwall logs why (no request, no decision)', async () => {
    // Before: nothing in the log — an IT lead could not tell a workstation without the CA from a network fault.
    // The real curl, which checks the certificate during the handshake and sends the alert.
    const code = await new Promise<number>((resolve) => execFile('curl', ['-s', '-o', '/dev/null', '-x', proxy.url, pixel()], (e) => resolve(e === null ? 0 : Number((e as { code?: number }).code))));
    expect(code).toBe(60);
    expect(up.bytes).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const line = proxy.logs.find((l) => l.includes('"tls_error":"ERR_SSL_TLSV1_ALERT_UNKNOWN_CA"'));
    expect(line).toBeDefined();
    expect(JSON.parse(line!)).toMatchObject({ level: 40, host: 'pixel.example', msg: 'intercepted TLS handshake failed' });
  });

  it('a failed handshake is counted by vendor and kind, for an alert on workstations without the clinic CA', async () => {
    const before = await handshakeFailures('pixel', 'untrusted_ca');
    for (let i = 0; i < 2; i++) {
      await new Promise<void>((resolve) => execFile('curl', ['-s', '-o', '/dev/null', '-x', proxy.url, pixel()], () => resolve()));
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await handshakeFailures('pixel', 'untrusted_ca')).toBe(before + 2);
    // A handshake that completes counts nothing.
    const r = await curl(proxy.url, ['--cacert', caFile(), pixel()]);
    expect(r.status).toBe(200);
    expect(await handshakeFailures('pixel', 'untrusted_ca')).toBe(before + 2);
  });

  it('an intercepted request whose Host is not the CONNECT host is refused (host_mismatch)', async () => {
    const r = await curl(proxy.url, ['--cacert', caFile(), '-H', 'host: ehr.example', pixel()]);
    expect(r.status).toBe(403);
    expect(r.headers['x-phiwall-reason']).toBe('host_mismatch');
    expect(up.bytes).toBe(0);
  });
});

describe('certificate-pinned clients (vendor intercept: false)', () => {
  it('are refused by default: the decision is made on the host alone', async () => {
    const { head } = await openTunnel(proxy.port, `pinned.example:${up.port}`);
    expect(head).toMatch(/403/);
    expect(head).toMatch(/x-phiwall-reason: unscannable_body/);
  });
});
