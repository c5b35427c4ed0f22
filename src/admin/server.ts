import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import type { ChainedRecord } from '../audit/record.js';
import type { VendorRow } from '../cli/vendors.js';

/** Where the admin server gets its answers: this process, or the cluster's workers. */
export interface AdminSource {
  metrics(): Promise<{ contentType: string; body: string }>;
  vendors(): VendorRow[];
  recent(limit: number): Promise<ChainedRecord[]>;
  ready(): Promise<{ ready: boolean; checks: Record<string, boolean> }>;
}

function send(res: ServerResponse, status: number, body: unknown, contentType = 'application/json'): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store' });
  res.end(text);
}

function authorized(req: IncomingMessage, token: string | undefined): boolean {
  if (token === undefined || token === '') return true;
  const given = Buffer.from((req.headers.authorization ?? '').replace(/^Bearer\s+/i, ''));
  const want = Buffer.from(token);
  return given.length === want.length && timingSafeEqual(given, want);
}

/**
 * /metrics, /healthz (process up), /readyz (policy loaded, detectors compiled, audit
 * writable), /api/vendors and /api/decisions/recent. With a token (PHIWALL_ADMIN_TOKEN),
 * everything but /healthz needs `Authorization: Bearer <token>`.
 */
export function createAdminServer(source: AdminSource, token: string | undefined = process.env['PHIWALL_ADMIN_TOKEN']): Server {
  return createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://admin');
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, { error: 'method not allowed' });
    if (url.pathname === '/healthz') return send(res, 200, { ok: true });
    if (!authorized(req, token)) {
      res.setHeader('www-authenticate', 'Bearer');
      return send(res, 401, { error: 'a bearer token is required' });
    }
    const route = async (): Promise<void> => {
      switch (url.pathname) {
        case '/metrics': {
          const m = await source.metrics();
          return send(res, 200, m.body, m.contentType);
        }
        case '/readyz': {
          const r = await source.ready();
          return send(res, r.ready ? 200 : 503, r);
        }
        case '/api/vendors':
          return send(res, 200, { vendors: source.vendors() });
        case '/api/decisions/recent': {
          const limit = Math.min(1000, Math.max(1, Number(url.searchParams.get('limit') ?? 100) || 100));
          return send(res, 200, { decisions: await source.recent(limit) });
        }
        default:
          return send(res, 404, { error: 'not found' });
      }
    };
    route().catch((e: unknown) => send(res, 500, { error: (e as Error).message }));
  });
}
