import { daysBetween } from './dates.js';
import type { Reason } from './reasons.js';
import { REQUIRED_TERMS, type BaaStatus, type BaaTerm, type Day, type Vendor } from './types.js';

export interface BaaState {
  readonly status: BaaStatus | 'none';
  readonly inForce: boolean;
  /** Why the BAA is not in force; null when it is. */
  readonly gap: Reason | null;
  readonly expires: Day | null;
  /** Days from today to the expiry day (0 on the day itself); null without an expiry. */
  readonly daysRemaining: number | null;
  readonly missingTerms: readonly BaaTerm[];
}

/**
 * A BAA is in force when it is executed, effective <= today, today <= expires (the whole
 * expiry day counts), and it lists all eight required terms of 45 CFR 164.504(e).
 */
export function baaState(vendor: Vendor, today: Day): BaaState {
  const baa = vendor.baa;
  if (baa === null) {
    return { status: 'none', inForce: false, gap: 'baa_pending', expires: null, daysRemaining: null, missingTerms: REQUIRED_TERMS };
  }
  const missingTerms = REQUIRED_TERMS.filter((t) => !baa.terms.includes(t));
  const daysRemaining = baa.expires === null ? null : daysBetween(today, baa.expires);
  const state = (gap: Reason | null): BaaState => ({
    status: baa.status,
    inForce: gap === null,
    gap,
    expires: baa.expires,
    daysRemaining,
    missingTerms,
  });
  switch (baa.status) {
    case 'pending':
    case 'not-required':
      return state('baa_pending');
    case 'refused':
      return state('baa_refused');
    case 'terminated':
      return state('baa_terminated');
    case 'executed':
      if (baa.effective === null || today < baa.effective) return state('baa_not_yet_effective');
      if (baa.expires !== null && today > baa.expires) return state('baa_expired');
      if (missingTerms.length > 0) return state('baa_missing_terms');
      return state(null);
  }
}
