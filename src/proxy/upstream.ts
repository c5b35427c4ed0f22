import { createSecureContext, rootCertificates, type SecureContext } from 'node:tls';
import { readFileSync } from 'node:fs';
import { Pool, errors } from 'undici';
import type { Reason } from '../policy/reasons.js';
import type { Settings } from '../policy/types.js';

/**
 * undici pools per upstream: keyed by the checked address, port, scheme and TLS server name,
 * so that a connection always goes to the address the policy checked, never to a second
 * lookup's answer. Keep-alive is undici's.
 */
export class Upstreams {
  private readonly pools = new Map<string, Pool>();
  private ca: SecureContext | undefined;

  constructor(private settings: () => Settings) {}

  pool(address: string, family: 4 | 6, port: number, tls: boolean, servername: string): Pool {
    const key = `${tls ? 'https' : 'http'}|${address}|${port}|${servername}`;
    let pool = this.pools.get(key);
    if (pool === undefined) {
      const s = this.settings();
      const host = family === 6 ? `[${address}]` : address;
      pool = new Pool(`${tls ? 'https' : 'http'}://${host}:${port}`, {
        connections: 128,
        keepAliveTimeout: 30_000,
        connectTimeout: s.timeouts.upstreamConnectMs,
        headersTimeout: s.timeouts.upstreamHeadersMs,
        bodyTimeout: s.timeouts.upstreamBodyMs,
        connect: tls ? this.tlsOptions(servername) : {},
      });
      this.pools.set(key, pool);
    }
    return pool;
  }

  /** How every TLS connection to an upstream is verified: the name, and the CA context below when there is one. */
  tlsOptions(servername: string): { servername: string; secureContext?: SecureContext } {
    const secureContext = this.extraCa();
    return secureContext === undefined ? { servername } : { servername, secureContext };
  }

  /**
   * The system store plus tls.upstream_ca, when extra CAs are configured: one TLS context for
   * every upstream connection. (Given as a `ca` list instead, each new connection parsed the
   * whole store again: about 150 certificates, milliseconds of CPU per handshake.)
   */
  private extraCa(): SecureContext | undefined {
    if (this.ca !== undefined) return this.ca;
    const extra = this.settings().tls.upstreamCa;
    if (extra.length === 0) return undefined;
    this.ca = createSecureContext({ ca: [...rootCertificates, ...extra.map((f) => readFileSync(f, 'utf8'))] });
    return this.ca;
  }

  async close(): Promise<void> {
    await Promise.all([...this.pools.values()].map((p) => p.close()));
    this.pools.clear();
  }
}

const TLS_CODES = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN', 'CERT_HAS_EXPIRED',
  'ERR_TLS_CERT_ALTNAME_INVALID', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'CERT_NOT_YET_VALID', 'CERT_UNTRUSTED', 'UNABLE_TO_GET_ISSUER_CERT',
]);

/** Maps an upstream failure to its reason: timeouts are 504, the rest 502. */
export function upstreamReason(e: unknown): { reason: Reason; kind: string } {
  const code = (e as { code?: string }).code ?? '';
  const cause = ((e as { cause?: { code?: string } }).cause?.code) ?? '';
  if (e instanceof errors.ConnectTimeoutError || e instanceof errors.HeadersTimeoutError || e instanceof errors.BodyTimeoutError) {
    return { reason: 'upstream_timeout', kind: 'timeout' };
  }
  if (TLS_CODES.has(code) || TLS_CODES.has(cause)) return { reason: 'upstream_tls_error', kind: 'tls' };
  if (code === 'ETIMEDOUT' || cause === 'ETIMEDOUT') return { reason: 'upstream_timeout', kind: 'timeout' };
  return { reason: 'upstream_unreachable', kind: code === 'ECONNREFUSED' || cause === 'ECONNREFUSED' ? 'refused' : 'connect' };
}
