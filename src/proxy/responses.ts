import type { ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { REASONS, type Reason } from '../policy/reasons.js';
import { blockPage } from './block-page.js';

/** The one place that maps a reason to an HTTP status (smokescreen's rejectResponse, in spirit). */
const STATUS: Partial<Record<Reason, number>> = {
  bad_request: 400,
  proxy_busy: 503,
  dns_failure: 502,
  upstream_unreachable: 502,
  upstream_tls_error: 502,
  upstream_timeout: 504,
};

export function statusFor(reason: Reason): number {
  return STATUS[reason] ?? 403;
}

export interface Refusal {
  readonly reason: Reason;
  readonly vendor: string | null;
  readonly incident: string;
}

/** What every refusal says: JSON for programs, and the same as a short page for browsers. */
export function refusalBody(r: Refusal): string {
  const status = statusFor(r.reason);
  return JSON.stringify({ blocked: status === 403, reason: r.reason, vendor: r.vendor, incident: r.incident, message: REASONS[r.reason].message });
}

function wantsHtml(accept: string | undefined): boolean {
  if (accept === undefined) return false;
  const html = accept.indexOf('text/html');
  const json = accept.indexOf('application/json');
  return html !== -1 && (json === -1 || html < json);
}

/** Answers a plain HTTP (or intercepted HTTPS) request that phiwall refuses. */
export function refuse(res: ServerResponse, r: Refusal, accept: string | undefined): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const status = statusFor(r.reason);
  const html = wantsHtml(accept);
  const body = html ? blockPage(r, status) : refusalBody(r);
  res.writeHead(status, {
    'content-type': html ? 'text/html; charset=utf-8' : 'application/json',
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
    'x-phiwall-reason': r.reason,
    'x-phiwall-incident': r.incident,
    ...(r.reason === 'proxy_busy' ? { 'retry-after': '2' } : {}),
    // The request body of a refused request is not read; close rather than drain it.
    connection: 'close',
  });
  res.end(body);
}

/**
 * Answers on the bare socket a request that node:http has handed over (a CONNECT before any
 * tunnel opens, a protocol upgrade): the same JSON, then the connection closes.
 */
export function refuseOnSocket(socket: Socket, r: Refusal): void {
  const status = statusFor(r.reason);
  const body = refusalBody(r);
  const text = status === 403 ? 'Forbidden' : status === 400 ? 'Bad Request' : status === 504 ? 'Gateway Timeout' : status === 503 ? 'Service Unavailable' : 'Bad Gateway';
  socket.end(
    `HTTP/1.1 ${status} ${text}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\n` +
      `x-phiwall-reason: ${r.reason}\r\nx-phiwall-incident: ${r.incident}\r\nconnection: close\r\n\r\n${body}`,
  );
}
