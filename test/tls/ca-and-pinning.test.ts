import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadAll } from '../../src/proxy/state.js';
import { PolicyError } from '../../src/policy/yaml-source.js';
import { spawnCli } from '../helpers/cli.js';
import { ALL_TERMS, recordOf, startProxy } from '../helpers/proxy.js';
import { openTunnel } from '../helpers/raw.js';
import { EchoServer } from '../helpers/upstream.js';
import { tempDir } from '../helpers/temp.js';

describe('phiwall ca init', () => {
  it('writes an ECDSA P-256 root CA, the key 0600, prints how to trust it, refuses to overwrite', () => {
    const out = join(tempDir('ca'), 'ca');
    const r = spawnCli(['ca', 'init', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/certutil -addstore -f Root/);
    expect(r.out).toMatch(/security add-trusted-cert/);
    expect(r.out).toMatch(/update-ca-certificates/);
    expect(r.out).toMatch(/NODE_EXTRA_CA_CERTS=/);
    const cert = new X509Certificate(readFileSync(join(out, 'phiwall-ca.pem')));
    expect(cert.ca).toBe(true);
    expect(cert.publicKey.asymmetricKeyDetails).toMatchObject({ namedCurve: 'prime256v1' });
    expect(cert.checkIssued(cert)).toBe(true);
    expect(statSync(join(out, 'phiwall-ca.key')).mode & 0o777).toBe(0o600);
    const again = spawnCli(['ca', 'init', '--out', out]);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/already exists.*--force/);
    expect(spawnCli(['ca', 'init', '--out', out, '--force']).code).toBe(0);
  });

  it('a policy that turns interception on without a CA does not load, and says how to make one', () => {
    const dir = tempDir('noca');
    writeFileSync(join(dir, 'vendors.yaml'), 'vendors: []\n');
    writeFileSync(join(dir, 'phiwall.yaml'), 'tls:\n  intercept: true\n');
    expect(() => loadAll(dir)).toThrow(PolicyError);
    expect(() => loadAll(dir)).toThrow(/tls\.intercept is true but .*phiwall-ca\.pem does not exist \(create the CA with: phiwall ca init --out/);
  });
});

describe('tls.unintercepted: allow', () => {
  it('tunnels a pinned vendor unscanned, recorded with its own reason', async () => {
    const echo = new EchoServer();
    const port = await echo.start();
    const p = await startProxy(
      `vendors:\n  - id: pinned\n    hosts: [pinned.example]\n    classification: not-business-associate\n    intercept: false\n  - id: ehr\n    hosts: [ehr.example]\n    classification: business-associate\n    baa: { status: executed, effective: 2020-01-01, terms: ${ALL_TERMS} }\n`,
      `connect_ports: [${port}]\ntls:\n  unintercepted: allow\ndns:\n  hosts:\n    pinned.example: 127.0.0.1\n`,
    );
    try {
      const rec = await recordOf(p, async () => {
        const { head, socket } = await openTunnel(p.port, `pinned.example:${port}`);
        expect(head).toMatch(/200 Connection Established/);
        // Not TLS at all: there is no ClientHello to check, and the bytes pass.
        const back = await new Promise<string>((resolve) => {
          socket.once('data', (d: Buffer) => resolve(d.toString()));
          socket.write('ping');
        });
        expect(back).toBe('ping');
        socket.destroy();
      });
      expect(rec).toMatchObject({ channel: 'tunnel', vendor: 'pinned', action: 'allow', reason: 'allowed_unscanned', enforced: true });
    } finally {
      await p.stop();
      await echo.stop();
    }
  });
});
