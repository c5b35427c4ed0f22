import { baaState } from '../policy/baa.js';
import { addDays, dayIn } from '../policy/dates.js';
import { REVIEW_MAX_AGE_DAYS } from '../policy/check.js';
import type { Policy, Vendor } from '../policy/types.js';
import { formatTable } from './table.js';

export interface VendorRow {
  readonly id: string;
  readonly name: string;
  readonly classification: Vendor['classification'];
  readonly subcontractor_of: string | null;
  readonly hosts: readonly string[];
  readonly baa: { status: string; in_force: boolean; gap: string | null; expires: string | null; days_remaining: number | null } | null;
  readonly on_baa_gap: Vendor['onBaaGap'];
  readonly last_reviewed: string | null;
  readonly review_due: string | null;
  /** The vendor's own exceptions to the global settings (null: the global setting applies). */
  readonly intercept: boolean | null;
  readonly unscannable: Vendor['unscannable'];
}

/** The inventory with each BAA's state on a given day; shared by `vendors` and the admin API. */
export function vendorRows(policy: Policy, now: Date): VendorRow[] {
  const today = dayIn(now, policy.settings.timezone);
  return policy.vendors.map((v) => {
    const s = v.baa === null && v.classification !== 'business-associate' ? null : baaState(v, today);
    return {
      id: v.id,
      name: v.name,
      classification: v.classification,
      subcontractor_of: v.subcontractorOf,
      hosts: v.hosts,
      baa: s === null ? null : { status: s.status, in_force: s.inForce, gap: s.gap, expires: s.expires, days_remaining: s.daysRemaining },
      on_baa_gap: v.onBaaGap,
      last_reviewed: v.lastReviewed,
      review_due: v.lastReviewed === null ? today : addDays(v.lastReviewed, REVIEW_MAX_AGE_DAYS),
      intercept: v.intercept,
      unscannable: v.unscannable,
    };
  });
}

export function vendorTable(rows: readonly VendorRow[]): string {
  return formatTable(
    ['VENDOR', 'CLASSIFICATION', 'BAA', 'IN FORCE', 'EXPIRES', 'DAYS LEFT', 'REVIEW DUE', 'EXCEPTIONS'],
    rows.map((r) => [
      r.subcontractor_of === null ? r.id : `${r.id} (sub of ${r.subcontractor_of})`,
      r.classification,
      r.baa === null ? '-' : r.baa.status,
      r.baa === null ? '-' : r.baa.in_force ? 'yes' : `no (${r.baa.gap})`,
      r.baa?.expires ?? '-',
      r.baa?.days_remaining === null || r.baa === null ? '-' : String(r.baa.days_remaining),
      r.review_due ?? '-',
      exceptions(r),
    ]),
  );
}

/** What the vendor is exempted from, for the compliance officer's eye: '-' for nothing. */
function exceptions(r: VendorRow): string {
  const out: string[] = [];
  if (r.intercept === false) out.push('not intercepted');
  if (r.unscannable === 'allow') out.push('unscannable allowed');
  return out.length === 0 ? '-' : out.join(', ');
}
