import { webcrypto } from 'node:crypto';
import { isIP } from 'node:net';
import { createSecureContext, type SecureContext } from 'node:tls';
import { x509 } from './x509.js';
import { ALGORITHM, loadCa, serial, type LoadedCa } from './ca.js';

type CryptoKeyPair = webcrypto.CryptoKeyPair;

const LEAF_DAYS = 7;

/**
 * Leaf certificates minted on the fly for intercepted hosts, signed by the clinic CA. One
 * leaf key serves every host (generating a key per host would cost far more than the
 * signature); the certificate for each host is cached, bounded, least recently used first out.
 */
export class LeafCertificates {
  private ca: Promise<LoadedCa> | undefined;
  private leafKeys: Promise<{ pair: CryptoKeyPair; pem: string }> | undefined;
  private readonly cache = new Map<string, Promise<SecureContext>>();
  minted = 0;

  constructor(
    private readonly certPath: string,
    private readonly keyPath: string,
    private readonly maxEntries = 1000,
  ) {}

  /** The TLS context presenting a certificate for `host` (a DNS name or an IP literal). */
  contextFor(host: string): Promise<SecureContext> {
    const hit = this.cache.get(host);
    if (hit !== undefined) {
      // Refresh its place in the LRU order.
      this.cache.delete(host);
      this.cache.set(host, hit);
      return hit;
    }
    const made = this.mint(host);
    made.catch(() => this.cache.delete(host));
    this.cache.set(host, made);
    if (this.cache.size > this.maxEntries) this.cache.delete(this.cache.keys().next().value!);
    return made;
  }

  get size(): number {
    return this.cache.size;
  }

  private async mint(host: string): Promise<SecureContext> {
    this.ca ??= loadCa(this.certPath, this.keyPath);
    this.leafKeys ??= leafKeyPair();
    const [ca, leaf] = await Promise.all([this.ca, this.leafKeys]);
    const certPem = await issueServerCert(ca, leaf.pair, [host]);
    this.minted++;
    return createSecureContext({ key: leaf.pem, cert: `${certPem}\n${ca.certPem}`, ALPNProtocols: ['http/1.1'] } as Parameters<typeof createSecureContext>[0]);
  }
}

/** A fresh ECDSA P-256 key pair, with its private key as PKCS#8 PEM. */
export async function leafKeyPair(): Promise<{ pair: CryptoKeyPair; pem: string }> {
  const pair = (await webcrypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify'])) as CryptoKeyPair;
  const der = await webcrypto.subtle.exportKey('pkcs8', pair.privateKey);
  return { pair, pem: `-----BEGIN PRIVATE KEY-----\n${Buffer.from(der).toString('base64')}\n-----END PRIVATE KEY-----\n` };
}

/** A server certificate for `names` (DNS names or IP literals), signed by `ca`; PEM. */
export async function issueServerCert(ca: LoadedCa, keys: CryptoKeyPair, names: readonly string[], days = LEAF_DAYS): Promise<string> {
  const now = Date.now();
  const notAfter = Math.min(now + days * 86_400_000, ca.cert.notAfter.getTime());
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: serial(),
    subject: `CN=${names[0] ?? 'phiwall'}`,
    issuer: ca.cert.subject,
    notBefore: new Date(now - 3_600_000),
    notAfter: new Date(notAfter),
    signingKey: ca.key,
    publicKey: keys.publicKey,
    signingAlgorithm: ALGORITHM,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension(names.map((n) => ({ type: isIP(n) === 0 ? ('dns' as const) : ('ip' as const), value: n }))),
      await x509.AuthorityKeyIdentifierExtension.create(ca.cert),
    ],
  });
  return cert.toString('pem');
}
