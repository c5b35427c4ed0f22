import { isIPv4, isIPv6 } from 'node:net';

/** An IP address as an integer, with its family: v4 fits in 32 bits, v6 in 128. */
export interface IpValue {
  readonly family: 4 | 6;
  readonly value: bigint;
}

export interface Cidr {
  readonly family: 4 | 6;
  readonly prefix: number;
  /** The network address: host bits cleared. */
  readonly network: bigint;
}

function parseV4(text: string): bigint {
  let out = 0n;
  for (const part of text.split('.')) out = (out << 8n) | BigInt(Number(part));
  return out;
}

function parseV6(text: string): bigint {
  let head = text;
  // An embedded dotted quad (::ffff:192.0.2.1) is the last two 16-bit words.
  const lastColon = head.lastIndexOf(':');
  const last = head.slice(lastColon + 1);
  if (last.includes('.')) {
    const v4 = parseV4(last);
    head = `${head.slice(0, lastColon + 1)}${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  const words = (s: string): bigint[] => (s === '' ? [] : s.split(':').map((w) => BigInt(parseInt(w, 16))));
  const [left = '', right] = head.split('::');
  const l = words(left);
  const r = right === undefined ? [] : words(right);
  const all = [...l, ...new Array<bigint>(8 - l.length - r.length).fill(0n), ...r];
  let out = 0n;
  for (const w of all) out = (out << 16n) | w;
  return out;
}

/** Parses an IPv4 or IPv6 literal (brackets and a zone id allowed); null when it is not one. */
export function parseIp(raw: string): IpValue | null {
  let text = raw;
  if (text.startsWith('[') && text.endsWith(']')) text = text.slice(1, -1);
  const zone = text.indexOf('%');
  if (zone !== -1) text = text.slice(0, zone);
  if (isIPv4(text)) return { family: 4, value: parseV4(text) };
  if (isIPv6(text)) return { family: 6, value: parseV6(text.toLowerCase()) };
  return null;
}

export function bitsOf(family: 4 | 6): number {
  return family === 4 ? 32 : 128;
}

export function maskTo(value: bigint, family: 4 | 6, prefix: number): bigint {
  const bits = bitsOf(family);
  if (prefix === 0) return 0n;
  const hostBits = BigInt(bits - prefix);
  return (value >> hostBits) << hostBits;
}

/** Parses `addr` or `addr/len`; null when it is neither. A bare address is a /32 or /128. */
export function parseCidr(raw: string): Cidr | null {
  const slash = raw.indexOf('/');
  const addr = parseIp(slash === -1 ? raw : raw.slice(0, slash));
  if (addr === null) return null;
  const bits = bitsOf(addr.family);
  let prefix = bits;
  if (slash !== -1) {
    const len = raw.slice(slash + 1);
    if (!/^\d{1,3}$/.test(len)) return null;
    prefix = Number(len);
    if (prefix > bits) return null;
  }
  return { family: addr.family, prefix, network: maskTo(addr.value, addr.family, prefix) };
}

export function cidrContains(cidr: Cidr, ip: IpValue): boolean {
  return cidr.family === ip.family && maskTo(ip.value, ip.family, cidr.prefix) === cidr.network;
}

export function formatCidr(cidr: Cidr): string {
  if (cidr.family === 4) {
    const v = cidr.network;
    const parts = [24n, 16n, 8n, 0n].map((s) => String((v >> s) & 0xffn));
    return `${parts.join('.')}/${cidr.prefix}`;
  }
  const words: string[] = [];
  for (let i = 7; i >= 0; i--) words.push(((cidr.network >> BigInt(i * 16)) & 0xffffn).toString(16));
  return `${words.join(':')}/${cidr.prefix}`;
}
