import { baaState, type BaaState } from './baa.js';
import { dayIn } from './dates.js';
import type { Reason } from './reasons.js';
import type { Day, Mode, Policy, Vendor } from './types.js';

export type Action = 'allow' | 'block' | 'scan';

export interface DecisionRequest {
  /** Host as it came from the request (name or IP literal; port and case are ignored). */
  readonly host: string;
  readonly method?: string;
}

export interface Decision {
  readonly vendor: Vendor | null;
  /** What the proxy does: a would-be block in monitor mode is an allow with enforced false. */
  readonly action: Action;
  readonly reason: Reason;
  /** True when the body (and URL) must be held and scanned before anything is forwarded. */
  readonly scan: boolean;
  /** False when monitor mode let through something enforce mode would have blocked. */
  readonly enforced: boolean;
  readonly baa: BaaState | null;
  readonly today: Day;
}

interface Verdict {
  readonly action: Action;
  readonly reason: Reason;
}

/**
 * Applies the policy's mode to a verdict: in monitor mode nothing is blocked, and a
 * would-be block is let through marked enforced: false. Used for decisions and scan results alike.
 */
export function applyMode(action: Action, mode: Mode): { action: Action; enforced: boolean } {
  if (action === 'block' && mode === 'monitor') return { action: 'allow', enforced: false };
  return { action, enforced: true };
}

/** The verdict for a vendor whose BAA is not in force, as its on_baa_gap says. */
function gapVerdict(vendor: Vendor, gap: Reason): Verdict {
  return vendor.onBaaGap === 'block-phi' ? { action: 'scan', reason: gap } : { action: 'block', reason: gap };
}

function vendorVerdict(vendor: Vendor, policy: Policy, today: Day, baa: BaaState): Verdict {
  switch (vendor.classification) {
    case 'conduit':
      return { action: 'allow', reason: 'conduit' };
    case 'pending':
      return { action: 'block', reason: 'classification_pending' };
    case 'not-business-associate':
      return { action: 'scan', reason: 'not_business_associate' };
    case 'business-associate': {
      if (!baa.inForce) return gapVerdict(vendor, baa.gap ?? 'baa_pending');
      // A subcontractor is covered only while every business associate above it has a BAA in force.
      for (let id = vendor.subcontractorOf; id !== null; ) {
        const parent = policy.vendorsById.get(id);
        if (parent === undefined || !baaState(parent, today).inForce) return gapVerdict(vendor, 'parent_baa_not_in_force');
        id = parent.subcontractorOf;
      }
      return { action: 'allow', reason: 'baa_in_force' };
    }
  }
}

/**
 * May a request to this destination go ahead, be held for a scan, or be blocked? Pure: the
 * answer depends only on the request, the policy and the clock.
 */
export function decide(request: DecisionRequest, policy: Policy, now: Date): Decision {
  const today = dayIn(now, policy.settings.timezone);
  const vendor = policy.matcher.match(request.host)?.value ?? null;
  let verdict: Verdict;
  let baa: BaaState | null = null;
  if (vendor === null) {
    verdict = { action: policy.settings.unknownDestinations, reason: 'unknown_destination' };
  } else {
    baa = vendor.classification === 'business-associate' || vendor.baa !== null ? baaState(vendor, today) : null;
    verdict = vendorVerdict(vendor, policy, today, baa ?? baaState(vendor, today));
  }
  const { action, enforced } = applyMode(verdict.action, policy.settings.mode);
  return { vendor, action, reason: verdict.reason, scan: action === 'scan', enforced, baa, today };
}
