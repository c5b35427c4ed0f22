import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { normalizeName } from '../policy/hosts.js';
import { cidrContains, parseIp } from '../policy/ip.js';
import type { Policy, Vendor } from '../policy/types.js';
import { isSpecialAddress } from './special-ranges.js';

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
      try {
        addresses = await lookup(literal, { all: true, verbatim: true });
      } catch {
        return { ok: false, reason: 'dns_failure' };
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
