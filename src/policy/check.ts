import { baaState } from './baa.js';
import { addDays, dayIn, daysBetween } from './dates.js';
import type { Policy } from './types.js';
import type { Problem } from './yaml-source.js';

export const EXPIRY_WARNING_DAYS = 60;
export const REVIEW_MAX_AGE_DAYS = 365;

/**
 * What a compliance officer should look at in a valid policy: BAAs about to expire or
 * expired, stale reviews, executed BAAs without every required term, unjustified conduits,
 * and vendors without a BAA in force that may receive what cannot be scanned.
 */
export function policyWarnings(policy: Policy, now: Date): Problem[] {
  const today = dayIn(now, policy.settings.timezone);
  const out: Problem[] = [];
  const warn = (at: Policy['vendors'][number]['at'], message: string): void => {
    out.push({ ...at, severity: 'warning', message });
  };
  for (const v of policy.vendors) {
    const who = `vendor "${v.id}"`;
    if (v.baa !== null) {
      const s = baaState(v, today);
      if (s.daysRemaining !== null && s.daysRemaining < 0) {
        warn(v.at, `${who}: BAA expired on ${v.baa.expires} (${-s.daysRemaining} days ago)`);
      } else if (s.daysRemaining !== null && s.daysRemaining <= EXPIRY_WARNING_DAYS && v.baa.status === 'executed') {
        warn(v.at, `${who}: BAA expires on ${v.baa.expires} (in ${s.daysRemaining} days)`);
      }
      if (v.baa.status === 'executed' && s.missingTerms.length > 0) {
        warn(v.at, `${who}: executed BAA is missing required terms: ${s.missingTerms.join(', ')}`);
      }
    }
    if (v.lastReviewed === null) {
      warn(v.at, `${who}: never reviewed (no last_reviewed date)`);
    } else if (v.lastReviewed < addDays(today, -REVIEW_MAX_AGE_DAYS)) {
      warn(v.at, `${who}: last reviewed ${v.lastReviewed}, ${daysBetween(v.lastReviewed, today)} days ago (review yearly)`);
    }
    if (v.unscannable === 'allow' && v.classification !== 'conduit' && !(v.baa !== null && baaState(v, today).inForce)) {
      warn(v.at, `${who}: payloads phiwall cannot scan (files, images, encrypted data) reach it unscanned (unscannable: allow)`);
    }
    if (v.classification === 'conduit' && (v.dataFlows === null || v.dataFlows.trim() === '')) {
      warn(v.at, `${who}: conduit without a data_flows justification (the conduit exception covers transmission only)`);
    }
  }
  return out;
}
