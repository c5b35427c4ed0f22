import { cidrContains, parseCidr, parseIp, type Cidr } from '../policy/ip.js';

/**
 * Addresses a vendor's public name must never lead to unless the operator named them:
 * loopback, private, link-local (cloud metadata lives at 169.254.169.254), CGNAT,
 * unique-local, multicast, reserved, and IPv4-mapped IPv6 (which would smuggle any of them).
 */
const RANGES: readonly Cidr[] = [
  '0.0.0.0/8', '10.0.0.0/8', '100.64.0.0/10', '127.0.0.0/8', '169.254.0.0/16', '172.16.0.0/12', '192.0.0.0/24',
  '192.168.0.0/16', '198.18.0.0/15', '224.0.0.0/4', '240.0.0.0/4',
  '::/128', '::1/128', '::ffff:0:0/96', '64:ff9b::/96', '100::/64', 'fc00::/7', 'fe80::/10', 'ff00::/8',
].map((r) => parseCidr(r)!);

export function isSpecialAddress(address: string): boolean {
  const ip = parseIp(address);
  return ip === null || RANGES.some((r) => cidrContains(r, ip));
}
