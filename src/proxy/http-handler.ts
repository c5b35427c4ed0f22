import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Transform } from 'node:stream';
import type { DecisionRecord, Channel } from '../audit/record.js';
import { ScanStream, scan, type Finding, type ScanResult } from '../detect/index.js';
import { applyMode, decide, type Action } from '../policy/decide.js';
import type { Reason } from '../policy/reasons.js';
import { clientAllowed, countFindings, newRecord, record, type ProxyContext } from './context.js';
import { downstreamHeaders, scannedHeaderText, upstreamHeaders } from './headers.js';
import { resolveDestination } from './resolve.js';
import { refuse } from './responses.js';
import type { Loaded } from './state.js';
import { upstreamReason } from './upstream.js';

export interface Target {
  readonly tls: boolean;
  /** Host as the URL names it; IPv6 in brackets. */
  readonly host: string;
  readonly port: number;
  /** Path and query, as sent. */
  readonly path: string;
}

/** Reads an absolute-form request target (`GET http://host/path`); null for anything else. */
export function parseTarget(url: string | undefined): Target | null {
  if (url === undefined || !/^https?:\/\//i.test(url)) return null;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.hostname === '' || u.username !== '' || u.password !== '') return null;
  const tls = u.protocol === 'https:';
  return { tls, host: u.hostname, port: u.port === '' ? (tls ? 443 : 80) : Number(u.port), path: `${u.pathname}${u.search}` };
}

interface Verdict {
  action: Action;
  reason: Reason;
  enforced: boolean;
  findings: readonly Finding[];
}

/**
 * One request through the data plane: admit -> decide -> (hold and scan) -> resolve ->
 * forward or refuse -> record. `target` and `channel` let the TLS interceptor send its
 * decrypted requests through this same path.
 */
export async function handleRequest(
  ctx: ProxyContext,
  req: IncomingMessage,
  res: ServerResponse,
  options: { target?: Target; channel?: Channel; expectContinue?: boolean; refuseWith?: Reason; client?: string } = {},
): Promise<void> {
  const started = performance.now();
  const incident = randomUUID();
  const loaded = ctx.state.current;
  const { policy } = loaded;
  const target = options.target ?? parseTarget(req.url);
  const channel = options.channel ?? 'http';
  const base = newRecord({
    incident,
    client: options.client ?? req.socket.remoteAddress ?? '',
    channel,
    method: req.method ?? '',
    host: target?.host ?? '',
    port: target?.port ?? 0,
  });
  let dispatched: number | null = null;
  const finish = (r: Partial<DecisionRecord>, findings: readonly Finding[] = []): void => {
    const end = performance.now();
    const ms = (t: number): number => Math.round((t - started) * 100) / 100;
    // The request's own record is completed in place (once: a request ends in one decision).
    Object.assign(base, r);
    if (findings.length > 0) {
      const counted = countFindings(findings);
      base.findings = counted.findings;
      base.detectors = counted.detectors;
    } else {
      base.findings = {};
      base.detectors = [];
    }
    base.duration_ms = ms(end);
    base.added_ms = ms(dispatched ?? end);
    record(ctx, base, findings);
  };
  const reject = (reason: Reason, vendor: string | null, extra: Partial<DecisionRecord> = {}, findings: readonly Finding[] = []): void => {
    refuse(res, { reason, vendor, incident }, req.headers.accept);
    req.resume(); // discard whatever body the client still sends; none of it goes anywhere
    finish({ vendor, action: 'block', reason, enforced: true, upstream_status: null, ...extra }, findings);
  };

  if (options.refuseWith !== undefined) return reject(options.refuseWith, null);
  if (channel === 'http' && !clientAllowed(policy, req.socket.remoteAddress)) return reject('client_not_allowed', null);
  if (target === null) return reject('bad_request', null);

  const decision = decide({ host: target.host, method: req.method ?? 'GET' }, policy, new Date());
  const vendor = decision.vendor?.id ?? null;
  if (decision.action === 'block') return reject(decision.reason, vendor);

  let verdict: Verdict = { action: 'allow', reason: decision.reason, enforced: decision.enforced, findings: [] };
  let held: Buffer | null = null;
  if (decision.action === 'scan') {
    const scanned = await holdAndScan(ctx, loaded, req, res, target, options.expectContinue === true);
    if ('refusal' in scanned) return reject(scanned.refusal, vendor, { request_bytes: scanned.bytes });
    held = scanned.body;
    verdict = judge(loaded, decision.vendor?.unscannable ?? loaded.policy.settings.scan.unscannable, decision.reason, scanned.result);
    if (verdict.action === 'block') return reject(verdict.reason, vendor, { request_bytes: held.length }, verdict.findings);
  } else if (options.expectContinue === true) {
    res.writeContinue();
  }

  // Resolved after the scan: a PHI block is the finding that matters, whatever DNS says.
  const resolved = await resolveDestination(target.host, policy, decision.vendor);
  if (!resolved.ok) return reject(resolved.reason, vendor, { request_bytes: held?.length ?? 0 });

  // Forward: the held bytes unchanged, or the client's body streamed through.
  let bytes = held?.length ?? 0;
  const hasBody = held === null && (req.headers['content-length'] !== undefined || req.headers['transfer-encoding'] !== undefined);
  const counted = hasBody
    ? req.pipe(new Transform({ transform(chunk: Buffer, _enc, cb) { bytes += chunk.length; cb(null, chunk); } }))
    : null;
  const defaultPort = target.tls ? 443 : 80;
  const hostHeader = target.port === defaultPort ? target.host : `${target.host}:${target.port}`;
  const pool = ctx.upstreams.pool(resolved.address, resolved.family, target.port, target.tls, target.host.replace(/^\[|\]$/g, ''));
  const headers = upstreamHeaders(req.rawHeaders, hostHeader);
  if (held !== null) {
    delete headers['transfer-encoding'];
    headers['content-length'] = String(held.length);
  }
  let status: number | null = null;
  dispatched = performance.now();
  try {
    // undici writes the response body straight into `res`: no intermediate stream.
    await pool.stream({ path: target.path, method: req.method ?? 'GET', headers, body: held ?? counted }, ({ statusCode, headers: h }) => {
      status = statusCode;
      res.writeHead(statusCode, downstreamHeaders(h));
      return res;
    });
  } catch (e) {
    if (status === null) {
      const { reason, kind } = upstreamReason(e);
      ctx.events.upstreamError?.(vendor, kind);
      return reject(reason, vendor, { request_bytes: bytes });
    }
    // The response had started: all we can do is cut it, and say so in the record.
    ctx.events.upstreamError?.(vendor, 'body');
    res.destroy();
  }
  finish({ vendor, action: verdict.action, reason: verdict.reason, enforced: verdict.enforced, request_bytes: bytes, upstream_status: status }, verdict.findings);
}

type Scanned = { body: Buffer; result: ScanResult } | { refusal: Reason; bytes: number };

/**
 * Holds the body while feeding it to the scanner chunk by chunk, within the per-request cap
 * (body_too_large) and the process-wide cap (proxy_busy). The URL, the Referer and the headers
 * that can carry data are scanned too (see scannedHeaderText).
 */
async function holdAndScan(ctx: ProxyContext, loaded: Loaded, req: IncomingMessage, res: ServerResponse, target: Target, expectContinue: boolean): Promise<Scanned> {
  const { settings } = loaded.policy;
  const declared = Number(req.headers['content-length'] ?? 0) || 0;
  if (declared > settings.scan.maxBodyBytes) return { refusal: 'body_too_large', bytes: 0 };
  if (!ctx.held.take(declared)) return { refusal: 'proxy_busy', bytes: 0 };
  let taken = declared;
  const stream = new ScanStream(loaded.scanner, {
    maxBytes: settings.scan.maxBodyBytes,
    contentType: req.headers['content-type'],
    contentEncoding: req.headers['content-encoding'],
    minConfidence: settings.scan.minConfidence,
  });
  try {
    if (expectContinue) res.writeContinue();
    const refusal = await new Promise<Reason | null>((resolve, reject) => {
      const onData = (chunk: Buffer): void => {
        const extra = Math.max(0, stream.bytes + chunk.length - taken);
        if (extra > 0) {
          if (!ctx.held.take(extra)) return stop('proxy_busy');
          taken += extra;
        }
        if (!stream.write(chunk)) stop('body_too_large');
      };
      const stop = (reason: Reason): void => {
        req.off('data', onData);
        req.off('end', onEnd);
        resolve(reason);
      };
      const onEnd = (): void => resolve(null);
      req.on('data', onData);
      req.once('end', onEnd);
      req.once('error', reject);
      req.once('aborted', () => reject(new Error('client aborted')));
    });
    if (refusal !== null) return { refusal, bytes: stream.bytes };
    const t = performance.now();
    let result: ScanResult;
    try {
      const scanOptions = { contentType: req.headers['content-type'], contentEncoding: req.headers['content-encoding'], minConfidence: settings.scan.minConfidence };
      // A large body is scanned in the worker thread, so that the event loop keeps serving
      // everyone else, and so that a scan past its deadline can be abandoned (scan_error).
      const body =
        stream.bytes >= settings.scan.offloadBytes && settings.scan.offloadBytes > 0
          ? await ctx.scanPool.scan(stream.body(), loaded.scannerOptions, scanOptions, settings.scan.timeoutMs)
          : stream.end();
      // What else the vendor would receive: the path and query, the Referer (both URLs) and
      // the headers that can carry data, each read as form fields.
      const extra = scanFields(loaded, target.path);
      const referer = req.headers.referer;
      if (referer !== undefined) extra.push(...scanFields(loaded, referer));
      const headerText = scannedHeaderText(req.rawHeaders);
      if (headerText !== null) extra.push(...scanFields(loaded, headerText));
      // Field by field, and the body's findings array itself when nothing else adds any (the
      // usual case): a spread here took V8's slow path on every scanned request.
      result = {
        phi: body.phi || extra.length > 0,
        format: body.format,
        bytes: body.bytes,
        findings: extra.length === 0 ? body.findings : [...body.findings, ...extra],
        unscannable: body.unscannable,
      };
    } catch {
      return { refusal: 'scan_error', bytes: stream.bytes };
    }
    ctx.events.scanned?.(stream.bytes, (performance.now() - t) / 1000);
    return { body: stream.body(), result };
  } finally {
    ctx.held.give(taken);
  }
}

/**
 * URL and header texts found clean, per policy in force: clients ask for the same paths over and
 * over ("/collect", "/api/v1/claims"), and a scan's result is a function of the text and the
 * policy alone. Only texts the scanner found nothing in are kept (never one with a finding);
 * the set is emptied when it reaches CLEAN_TEXTS_MAX.
 */
const cleanTexts = new WeakMap<Loaded, Set<string>>();
const CLEAN_TEXTS_MAX = 4096;

/** Findings in a URL or header text, read as form-urlencoded fields (a fresh array). */
function scanFields(loaded: Loaded, text: string): Finding[] {
  let clean = cleanTexts.get(loaded);
  if (clean === undefined) cleanTexts.set(loaded, (clean = new Set()));
  else if (clean.has(text)) return [];
  const findings = scan(loaded.scanner, Buffer.from(text), { contentType: 'application/x-www-form-urlencoded', minConfidence: loaded.policy.settings.scan.minConfidence }).findings;
  if (findings.length > 0) return [...findings];
  if (clean.size >= CLEAN_TEXTS_MAX) clean.clear();
  clean.add(text);
  return [];
}

/** What a scan result means for a scan-required destination, in the policy's mode; `unscannable`: the vendor's setting, else scan.unscannable. */
function judge(loaded: Loaded, unscannable: 'block' | 'allow', decisionReason: Reason, result: ScanResult): Verdict {
  const { settings } = loaded.policy;
  let action: Action = 'allow';
  let reason: Reason = 'no_phi_found';
  if (result.phi) [action, reason] = ['block', 'phi_detected'];
  else if (result.unscannable === 'too_large') [action, reason] = ['block', 'body_too_large'];
  else if (result.unscannable !== null) [action, reason] = unscannable === 'allow' ? ['allow', decisionReason] : ['block', 'unscannable_body'];
  const moded = applyMode(action, settings.mode);
  return { action: moded.action, reason, enforced: moded.enforced, findings: result.findings };
}
