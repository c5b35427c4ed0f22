import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';

/** Hop-by-hop headers (RFC 9110 7.6.1) and proxy credentials: never passed on. */
const HOP_BY_HOP = new Set([
  'connection', 'keep-alive', 'proxy-connection', 'proxy-authenticate', 'proxy-authorization', 'te', 'trailer',
  'transfer-encoding', 'upgrade', 'expect', 'http2-settings',
]);

export const VIA = '1.1 phiwall';

/**
 * Forwarded headers that only describe the protocol exchange (framing, content negotiation,
 * caching, the client software, fetch metadata) and so carry no patient data; every other
 * forwarded header goes to the scanner. Referer is scanned on its own, as a URL.
 */
const PROTOCOL_ONLY = new Set([
  'host', 'referer', 'content-length', 'content-type', 'content-encoding', 'accept', 'accept-encoding', 'accept-language',
  'accept-charset', 'cache-control', 'pragma', 'if-match', 'if-none-match', 'if-modified-since', 'if-unmodified-since',
  'if-range', 'range', 'date', 'via', 'user-agent', 'origin', 'dnt', 'upgrade-insecure-requests', 'priority',
]);

/** The Connection header's tokens: more headers that are not passed on. */
function connectionListed(raw: readonly string[]): Set<string> {
  const listed = new Set<string>();
  for (let i = 0; i < raw.length; i += 2) {
    if (raw[i]!.toLowerCase() === 'connection') for (const t of raw[i + 1]!.split(',')) listed.add(t.trim().toLowerCase());
  }
  return listed;
}

/**
 * The headers the vendor would receive that can carry data (custom `X-…` headers, cookies,
 * authorization tokens, …) as one form-urlencoded text, `name=value&…`, for the scanner: a
 * value is scanned like any query parameter (patterns, base64 that decodes to text), and a
 * header named for PHI (`X-Patient-DOB`; the `x-` prefix dropped) counts as a PHI-named field.
 * Null when there is none, the usual case.
 */
export function scannedHeaderText(raw: readonly string[]): string | null {
  let listed: Set<string> | null = null;
  let text = '';
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i]!.toLowerCase();
    if (HOP_BY_HOP.has(name) || PROTOCOL_ONLY.has(name) || name.startsWith('sec-')) continue;
    listed ??= connectionListed(raw);
    if (listed.has(name)) continue;
    const field = name.startsWith('x-') ? name.slice(2) : name;
    text += `${text === '' ? '' : '&'}${encodeURIComponent(field)}=${encodeURIComponent(raw[i + 1]!)}`;
  }
  return text === '' ? null : text;
}

/** Headers for the upstream request: hop-by-hop removed (and any listed in Connection), Via added. */
export function upstreamHeaders(raw: readonly string[], host: string): Record<string, string | string[]> {
  const listed = connectionListed(raw);
  const out: Record<string, string | string[]> = {};
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i]!.toLowerCase();
    if (HOP_BY_HOP.has(name) || listed.has(name) || name === 'host') continue;
    const value = raw[i + 1]!;
    const prior = out[name];
    out[name] = prior === undefined ? value : Array.isArray(prior) ? [...prior, value] : [prior, value];
  }
  out['host'] = host;
  const via = out['via'];
  out['via'] = via === undefined ? VIA : `${Array.isArray(via) ? via.join(', ') : via}, ${VIA}`;
  return out;
}

/** Headers for the client's response: hop-by-hop removed, Via added. */
export function downstreamHeaders(headers: IncomingHttpHeaders | Record<string, string | string[] | undefined>): OutgoingHttpHeaders {
  const listed = new Set(String(headers['connection'] ?? '').split(',').map((t) => t.trim().toLowerCase()));
  const out: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || HOP_BY_HOP.has(name) || listed.has(name)) continue;
    out[name] = value;
  }
  const via = out['via'];
  out['via'] = via === undefined ? VIA : `${String(via)}, ${VIA}`;
  return out;
}
