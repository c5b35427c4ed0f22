import type { ChainedRecord } from '../audit/record.js';
import type { Finding } from '../detect/types.js';
import type { ReloadResult } from './state.js';

/** What the data plane tells the outside (metrics, the admin API). All optional. */
export interface ProxyEvents {
  decision?(record: ChainedRecord, findings: readonly Finding[]): void;
  upstreamError?(vendor: string | null, kind: string): void;
  /** An intercepted connection whose TLS handshake failed, by kind (see handshakeFailure in intercept.ts). */
  handshakeFailed?(vendor: string | null, kind: string): void;
  scanned?(bytes: number, seconds: number): void;
  connection?(delta: 1 | -1): void;
  tunnel?(delta: 1 | -1): void;
  reloaded?(result: ReloadResult): void;
}
