import { domainToASCII } from 'node:url';
import { formatCidr, maskTo, parseCidr, parseIp, type Cidr } from './ip.js';

export type HostPattern =
  | { readonly kind: 'exact'; readonly host: string }
  | { readonly kind: 'wildcard'; readonly suffix: string }
  | { readonly kind: 'cidr'; readonly cidr: Cidr };

const LABEL = /^(?!-)[a-z0-9_-]{1,63}(?<!-)$/;

/**
 * Normalizes a DNS name the way matching sees it: lower case, no trailing dot, IDN as
 * punycode. Returns null for something that is not a valid name.
 */
const PLAIN_ASCII = /^[a-z0-9._-]+$/;

export function normalizeName(raw: string): string | null {
  let name = raw.trim();
  if (name.endsWith('.')) name = name.slice(0, -1);
  if (name === '' || name.length > 253) return null;
  // Most names on the wire are already lower-case ASCII: skip the IDN conversion for them.
  const ascii = PLAIN_ASCII.test(name) ? name : domainToASCII(name);
  if (ascii === '') return null;
  return ascii.split('.').every((label) => LABEL.test(label)) ? ascii : null;
}

/** Parses one `hosts:` entry of the inventory; the error says what is wrong with it. */
export function parseHostPattern(raw: string): HostPattern | { error: string } {
  const text = raw.trim();
  if (text.includes('/') || parseIp(text) !== null) {
    const cidr = parseCidr(text);
    if (cidr === null) return { error: `"${raw}" is not a valid IP address or CIDR range` };
    return { kind: 'cidr', cidr };
  }
  if (text.includes('*')) {
    if (!text.startsWith('*.') || text.indexOf('*', 1) !== -1) {
      return { error: `bad wildcard "${raw}": only a leading "*." is allowed, as in "*.vendor.example"` };
    }
    const suffix = normalizeName(text.slice(2));
    if (suffix === null) return { error: `bad wildcard "${raw}": "${text.slice(2)}" is not a valid host name` };
    return { kind: 'wildcard', suffix };
  }
  if (/:\d+$/.test(text)) return { error: `"${raw}" has a port: hosts match on the name alone` };
  const host = normalizeName(text);
  if (host === null) return { error: `"${raw}" is not a valid host name` };
  return { kind: 'exact', host };
}

/** A stable text form of a pattern, used to find the same host claimed twice. */
export function patternKey(p: HostPattern): string {
  return p.kind === 'cidr' ? `${p.cidr.family}:${p.cidr.network.toString(16)}/${p.cidr.prefix}` : patternText(p);
}

/** The pattern as people write it: `host`, `*.suffix` or `addr/len`. */
export function patternText(p: HostPattern): string {
  switch (p.kind) {
    case 'exact':
      return p.host;
    case 'wildcard':
      return `*.${p.suffix}`;
    case 'cidr':
      return formatCidr(p.cidr);
  }
}

export interface HostMatch<T> {
  readonly value: T;
  readonly pattern: HostPattern;
}

export interface HostMatcher<T> {
  /** The most specific entry for a request host (name or IP literal, port and case ignored). */
  match(host: string): HostMatch<T> | null;
  readonly size: number;
}

/** Splits `host:port`, `[v6]:port` or a bare host; the port is dropped. */
export function stripPort(hostport: string): string {
  const text = hostport.trim();
  if (text.startsWith('[')) {
    const close = text.indexOf(']');
    return close === -1 ? text : text.slice(0, close + 1);
  }
  const colon = text.indexOf(':');
  // More than one colon and no brackets: a bare IPv6 address, which has no port.
  if (colon !== -1 && text.indexOf(':', colon + 1) === -1) return text.slice(0, colon);
  return text;
}

/**
 * Builds the matcher once. Lookups cost one Map probe per label of the request host and
 * one per distinct CIDR prefix length in the policy, whatever the number of vendors.
 * Precedence: exact name, then the longest `*.` suffix, then the longest CIDR prefix.
 */
export function buildHostMatcher<T>(entries: Iterable<{ pattern: HostPattern; value: T }>): HostMatcher<T> {
  const exact = new Map<string, HostMatch<T>>();
  const wildcard = new Map<string, HostMatch<T>>();
  // family -> prefix length -> network -> match; prefix lengths kept longest first.
  const cidrs = { 4: new Map<number, Map<bigint, HostMatch<T>>>(), 6: new Map<number, Map<bigint, HostMatch<T>>>() };
  let size = 0;
  for (const { pattern, value } of entries) {
    const entry = { value, pattern };
    let table: Map<string | bigint, HostMatch<T>>;
    let key: string | bigint;
    switch (pattern.kind) {
      case 'exact':
        [table, key] = [exact as Map<string | bigint, HostMatch<T>>, pattern.host];
        break;
      case 'wildcard':
        [table, key] = [wildcard as Map<string | bigint, HostMatch<T>>, pattern.suffix];
        break;
      case 'cidr': {
        const byPrefix = cidrs[pattern.cidr.family];
        let nets = byPrefix.get(pattern.cidr.prefix);
        if (nets === undefined) byPrefix.set(pattern.cidr.prefix, (nets = new Map()));
        [table, key] = [nets as Map<string | bigint, HostMatch<T>>, pattern.cidr.network];
        break;
      }
    }
    if (table.has(key)) throw new Error(`host pattern ${patternKey(pattern)} is listed twice`);
    table.set(key, entry);
    size++;
  }
  const prefixes = {
    4: [...cidrs[4].keys()].sort((a, b) => b - a),
    6: [...cidrs[6].keys()].sort((a, b) => b - a),
  };

  function match(rawHost: string): HostMatch<T> | null {
    const host = stripPort(rawHost);
    // Only something that starts with a digit, a colon or a bracket can be an IP literal.
    const c = host.charCodeAt(0);
    const ip = (c >= 0x30 && c <= 0x39) || c === 0x3a || c === 0x5b ? parseIp(host) : null;
    if (ip !== null) {
      for (const prefix of prefixes[ip.family]) {
        const hit = cidrs[ip.family].get(prefix)?.get(maskTo(ip.value, ip.family, prefix));
        if (hit !== undefined) return hit;
      }
      return null;
    }
    const name = normalizeName(host);
    if (name === null) return null;
    const hit = exact.get(name);
    if (hit !== undefined) return hit;
    // "*.a.example" matches any depth below a.example, never a.example itself:
    // try each proper suffix, longest first.
    let dot = name.indexOf('.');
    while (dot !== -1) {
      const w = wildcard.get(name.slice(dot + 1));
      if (w !== undefined) return w;
      dot = name.indexOf('.', dot + 1);
    }
    return null;
  }

  return { match, size };
}
