import { randomBytes, webcrypto } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { x509 } from './x509.js';

type CryptoKey = webcrypto.CryptoKey;
type CryptoKeyPair = webcrypto.CryptoKeyPair;

/** ECDSA P-256 with SHA-256: small, fast to sign, accepted by every current TLS client. */
export const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;

export interface CaFiles {
  readonly certPem: string;
  readonly keyPem: string;
}

const pem = (label: string, der: ArrayBuffer): string =>
  `-----BEGIN ${label}-----\n${Buffer.from(der).toString('base64').replace(/(.{64})/g, '$1\n').replace(/\n$/, '')}\n-----END ${label}-----\n`;

export const serial = (): string => {
  const b = randomBytes(16);
  b[0]! &= 0x7f; // positive
  return b.toString('hex');
};

/** A new root CA for the clinic: ECDSA P-256 key, self-signed, 10 years, path length 0. */
export async function createCa(commonName = 'phiwall clinic root CA'): Promise<CaFiles> {
  const keys = await webcrypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify']);
  const now = Date.now();
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial(),
    name: `CN=${commonName}, O=phiwall`,
    notBefore: new Date(now - 86_400_000),
    notAfter: new Date(now + 10 * 365 * 86_400_000),
    keys: keys as CryptoKeyPair,
    signingAlgorithm: ALGORITHM,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey as CryptoKey),
    ],
  });
  const key = await webcrypto.subtle.exportKey('pkcs8', keys.privateKey as CryptoKey);
  return { certPem: cert.toString('pem') + '\n', keyPem: pem('PRIVATE KEY', key) };
}

export const CA_CERT_FILE = 'phiwall-ca.pem';
export const CA_KEY_FILE = 'phiwall-ca.key';

/** Writes the CA into `dir`: the certificate world-readable, the key 0600. Refuses to overwrite unless forced. */
export async function writeCa(dir: string, force: boolean): Promise<{ cert: string; key: string }> {
  const cert = join(dir, CA_CERT_FILE);
  const key = join(dir, CA_KEY_FILE);
  if (!force && (existsSync(cert) || existsSync(key))) {
    throw new Error(`${existsSync(cert) ? cert : key} already exists: a new CA would break every workstation that trusts the old one (use --force to replace it)`);
  }
  const ca = await createCa();
  mkdirSync(dir, { recursive: true });
  writeFileSync(key, ca.keyPem, { mode: 0o600 });
  chmodSync(key, 0o600);
  writeFileSync(cert, ca.certPem, { mode: 0o644 });
  return { cert, key };
}

export interface LoadedCa {
  readonly cert: x509.X509Certificate;
  readonly certPem: string;
  readonly key: CryptoKey;
}

export async function loadCa(certPath: string, keyPath: string): Promise<LoadedCa> {
  return caFromPem(readFileSync(certPath, 'utf8'), readFileSync(keyPath, 'utf8'));
}

export async function caFromPem(certPem: string, keyPem: string): Promise<LoadedCa> {
  const der = Buffer.from(keyPem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''), 'base64');
  const key = await webcrypto.subtle.importKey('pkcs8', der, ALGORITHM, false, ['sign']);
  return { cert: new x509.X509Certificate(certPem), certPem, key: key as CryptoKey };
}
