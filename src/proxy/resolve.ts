import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { normalizeName } from '../policy/hosts.js';
import { cidrContains, parseIp } from '../policy/ip.js';
import type { Policy, Vendor } from '../policy/types.js';
import { isSpecialAddress } from './special-ranges.js';

/**
 * getaddrinfo runs on libuv's small thread pool; asking it for every request would make DNS
 * the proxy's bottleneck. Answers are kept briefly (the OS resolver gives no TTL); every
 * address is still checked on every request, and the connection goes to a checked one.
 */
const LOOKUP_CACHE_MS = 30_000;
const LOOKUP_CACHE_MAX = 10_000;
const lookups = new Map<string, { addresses: { address: string; family: number }[]; until: number }>();

export type Resolution =
  | { readonly ok: true; readonly address: string; readonly family: 4 | 6 }
  | { readonly ok: false; readonly reason: 'dns_failure' | 'private_address' };

/**
 * Resolves a destination once and checks every address it resolves to. The caller connects
 * to the address returned here, so a second lookup can never swap in another one (DNS
 * rebinding). A special address is allowed only when the operator named it: the vendor's
 * hosts list it or a range holding it, or dns.hosts maps the name to it.
 */
export async function resolveDestination(host: string, policy: Policy, vendor: Vendor | null): Promise<Resolution> {
  const literal = host.startsWith('[') ? host.slice(1, -1) : host;
  let addresses: { address: string; family: number }[];
  let named = false;
  if (isIP(literal) !== 0) {
    addresses = [{ address: literal, family: isIP(literal) }];
  } else {
    const name = normalizeName(literal);
    const mapped = name === null ? undefined : policy.settings.dns.hosts[name];
    if (mapped !== undefined) {
      addresses = [{ address: mapped, family: isIP(mapped) }];
      named = true;
    } else {
      const cached = lookups.get(literal);
      if (cached !== undefined && cached.until > Date.now()) {
        addresses = cached.addresses;
      } else {
        try {
          addresses = await lookup(literal, { all: true, verbatim: true });
        } catch {
          return { ok: false, reason: 'dns_failure' };
        }
        if (lookups.size >= LOOKUP_CACHE_MAX) lookups.delete(lookups.keys().next().value!);
        lookups.set(literal, { addresses, until: Date.now() + LOOKUP_CACHE_MS });
      }
    }
  }
  if (addresses.length === 0) return { ok: false, reason: 'dns_failure' };
  for (const a of addresses) {
    if (!named && isSpecialAddress(a.address) && !vendorNames(vendor, a.address)) return { ok: false, reason: 'private_address' };
  }
  const first = addresses[0]!;
  return { ok: true, address: first.address, family: first.family === 6 ? 6 : 4 };
}

function vendorNames(vendor: Vendor | null, address: string): boolean {
  const ip = parseIp(address);
  if (vendor === null || ip === null) return false;
  return vendor.hostPatterns.some((p) => p.kind === 'cidr' && cidrContains(p.cidr, ip));
}
