import { describe, expect, it } from 'vitest';
import { applyMode, decide } from '../../src/policy/decide.js';
import { REASON_CODES, REASONS } from '../../src/policy/reasons.js';
import { ALL_TERMS, on, policyFrom } from '../helpers/policy.js';

const VENDORS = `
vendors:
  - id: ehr
    hosts: [ehr.example]
    classification: business-associate
    baa: { status: executed, effective: 2025-01-01, expires: 2027-01-14, terms: ${ALL_TERMS} }
  - id: billing
    hosts: [billing.example]
    classification: business-associate
    baa: { status: executed, effective: 2025-01-01, terms: ${ALL_TERMS} }
  - id: storage
    subcontractor_of: billing
    hosts: [storage.example]
    classification: business-associate
    baa: { status: executed, effective: 2025-01-01, terms: ${ALL_TERMS} }
  - id: storage-unsigned
    subcontractor_of: billing
    hosts: [storage2.example]
    classification: business-associate
    baa: { status: pending }
  - id: refused
    hosts: [refused.example]
    classification: business-associate
    baa: { status: refused }
  - id: pending-baa
    hosts: [pending.example]
    classification: business-associate
    baa: { status: pending }
  - id: terminated
    hosts: [terminated.example]
    classification: business-associate
    baa: { status: terminated, effective: 2020-01-01 }
  - id: expired
    hosts: [expired.example]
    classification: business-associate
    baa: { status: executed, effective: 2020-01-01, expires: 2025-12-31, terms: ${ALL_TERMS} }
  - id: future
    hosts: [future.example]
    classification: business-associate
    baa: { status: executed, effective: 2027-01-01, terms: ${ALL_TERMS} }
  - id: template
    hosts: [template.example]
    classification: business-associate
    baa: { status: executed, effective: 2025-01-01, terms: [permitted-uses, safeguards] }
  - id: template-phi
    hosts: [template-phi.example]
    classification: business-associate
    on_baa_gap: block-phi
    baa: { status: executed, effective: 2025-01-01, terms: [permitted-uses] }
  - id: expired-phi
    hosts: [expired-phi.example]
    classification: business-associate
    on_baa_gap: block-phi
    baa: { status: executed, effective: 2020-01-01, expires: 2025-12-31, terms: ${ALL_TERMS} }
  - id: orphan-sub
    subcontractor_of: refused
    hosts: [orphan.example]
    classification: business-associate
    baa: { status: executed, effective: 2025-01-01, terms: ${ALL_TERMS} }
  - id: orphan-sub-phi
    subcontractor_of: refused
    on_baa_gap: block-phi
    hosts: [orphan-phi.example]
    classification: business-associate
    baa: { status: executed, effective: 2025-01-01, terms: ${ALL_TERMS} }
  - id: analytics
    hosts: [pixel.example]
    classification: not-business-associate
  - id: isp
    hosts: [transit.example]
    classification: conduit
    data_flows: encrypted transport
  - id: unclassified
    hosts: [new-tool.example]
    classification: pending
`;

const policy = policyFrom(VENDORS);
const today = on('2026-11-22');

interface Row {
  name: string;
  host: string;
  vendor: string | null;
  action: 'allow' | 'block' | 'scan';
  reason: string;
}

// One named case per row of design.md's decision table, and per reason code it can produce.
const TABLE: Row[] = [
  { name: 'business associate, BAA in force: allow', host: 'ehr.example', vendor: 'ehr', action: 'allow', reason: 'baa_in_force' },
  { name: 'BAA pending, block-all', host: 'pending.example', vendor: 'pending-baa', action: 'block', reason: 'baa_pending' },
  { name: 'BAA refused, block-all', host: 'refused.example', vendor: 'refused', action: 'block', reason: 'baa_refused' },
  { name: 'BAA terminated, block-all', host: 'terminated.example', vendor: 'terminated', action: 'block', reason: 'baa_terminated' },
  { name: 'BAA expired, block-all', host: 'expired.example', vendor: 'expired', action: 'block', reason: 'baa_expired' },
  { name: 'BAA not yet effective, block-all', host: 'future.example', vendor: 'future', action: 'block', reason: 'baa_not_yet_effective' },
  { name: 'BAA missing required terms, block-all', host: 'template.example', vendor: 'template', action: 'block', reason: 'baa_missing_terms' },
  { name: 'BAA missing terms, block-phi: scan', host: 'template-phi.example', vendor: 'template-phi', action: 'scan', reason: 'baa_missing_terms' },
  { name: 'BAA expired, block-phi: scan', host: 'expired-phi.example', vendor: 'expired-phi', action: 'scan', reason: 'baa_expired' },
  { name: 'subcontractor, own and parent BAA in force: allow', host: 'storage.example', vendor: 'storage', action: 'allow', reason: 'baa_in_force' },
  { name: 'subcontractor whose parent BAA is refused: block', host: 'orphan.example', vendor: 'orphan-sub', action: 'block', reason: 'parent_baa_not_in_force' },
  { name: 'subcontractor whose parent BAA is refused, block-phi: scan', host: 'orphan-phi.example', vendor: 'orphan-sub-phi', action: 'scan', reason: 'parent_baa_not_in_force' },
  { name: 'subcontractor without its own BAA: its own gap', host: 'storage2.example', vendor: 'storage-unsigned', action: 'block', reason: 'baa_pending' },
  { name: 'not a business associate: scan', host: 'pixel.example', vendor: 'analytics', action: 'scan', reason: 'not_business_associate' },
  { name: 'conduit: allow', host: 'transit.example', vendor: 'isp', action: 'allow', reason: 'conduit' },
  { name: 'classification pending: block', host: 'new-tool.example', vendor: 'unclassified', action: 'block', reason: 'classification_pending' },
  { name: 'not in inventory: block by default', host: 'unknown.example', vendor: null, action: 'block', reason: 'unknown_destination' },
];

describe('decide(): one case per row of the decision table', () => {
  it.each(TABLE)('$name', ({ host, vendor, action, reason }) => {
    const d = decide({ host }, policy, today);
    expect({ vendor: d.vendor?.id ?? null, action: d.action, reason: d.reason, scan: d.scan, enforced: d.enforced }).toEqual({
      vendor,
      action,
      reason,
      scan: action === 'scan',
      enforced: true,
    });
  });

  it('every reason the table produces is a documented reason code', () => {
    for (const row of TABLE) expect(REASON_CODES).toContain(row.reason);
    for (const code of REASON_CODES) expect(REASONS[code].message.length).toBeGreaterThan(10);
  });
});

describe('decide(): unknown destinations follow unknown_destinations', () => {
  it.each(['block', 'scan', 'allow'] as const)('unknown_destinations: %s', (mode) => {
    const p = policyFrom(VENDORS, `unknown_destinations: ${mode}`);
    const d = decide({ host: 'never-seen.example' }, p, today);
    expect(d).toMatchObject({ vendor: null, action: mode, reason: 'unknown_destination', scan: mode === 'scan' });
  });
});

describe('decide(): host matching', () => {
  const p = policyFrom(`
vendors:
  - id: exact
    hosts: [api.vendor.example]
    classification: conduit
    data_flows: x
  - id: wild
    hosts: ["*.vendor.example"]
    classification: not-business-associate
  - id: deeper
    hosts: ["*.eu.vendor.example"]
    classification: pending
  - id: net
    hosts: [203.0.113.0/24, "2001:db8::/32"]
    classification: not-business-associate
  - id: host-in-net
    hosts: [203.0.113.7]
    classification: pending
`);
  it.each([
    ['API.Vendor.Example.', 'exact'],
    ['api.vendor.example:8443', 'exact'],
    ['x.vendor.example', 'wild'],
    ['a.b.c.vendor.example', 'wild'],
    ['x.eu.vendor.example', 'deeper'],
    ['203.0.113.9', 'net'],
    ['203.0.113.7', 'host-in-net'],
    ['[2001:db8::1]:443', 'net'],
    ['vendor.example', null],
    ['evilvendor.example', null],
    ['203.0.114.1', null],
  ])('%s -> %s', (host, vendor) => {
    expect(decide({ host }, p, today).vendor?.id ?? null).toBe(vendor);
  });

  it('matches an IDN host through its punycode form', () => {
    const idn = policyFrom(`
vendors:
  - id: idn
    hosts: [bücher.example]
    classification: pending
`);
    expect(idn.vendors[0]!.hosts).toEqual(['xn--bcher-kva.example']);
    expect(decide({ host: 'xn--bcher-kva.example' }, idn, today).vendor?.id).toBe('idn');
    expect(decide({ host: 'BÜCHER.example' }, idn, today).vendor?.id).toBe('idn');
  });
});

describe('decide(): BAA dates are calendar days in the clinic time zone', () => {
  const expiresJan14 = (tz: string) =>
    policyFrom(
      `
vendors:
  - id: v
    hosts: [v.example]
    classification: business-associate
    baa: { status: executed, effective: 2026-01-15, expires: 2027-01-14, terms: ${ALL_TERMS} }
`,
      `timezone: ${tz}`,
    );

  it('is in force through the whole expiry day', () => {
    const d = decide({ host: 'v.example' }, expiresJan14('UTC'), new Date('2027-01-14T23:59:59Z'));
    expect(d).toMatchObject({ action: 'allow', reason: 'baa_in_force' });
    expect(d.baa?.daysRemaining).toBe(0);
  });

  it('has expired the day after', () => {
    const d = decide({ host: 'v.example' }, expiresJan14('UTC'), new Date('2027-01-15T00:00:00Z'));
    expect(d).toMatchObject({ action: 'block', reason: 'baa_expired' });
    expect(d.baa?.daysRemaining).toBe(-1);
  });

  it('is in force from the effective day, not the day before', () => {
    const p = expiresJan14('UTC');
    expect(decide({ host: 'v.example' }, p, new Date('2026-01-14T23:59:59Z')).reason).toBe('baa_not_yet_effective');
    expect(decide({ host: 'v.example' }, p, new Date('2026-01-15T00:00:00Z')).reason).toBe('baa_in_force');
  });

  it('uses the clinic zone: 03:00 UTC on Jan 15 is still Jan 14 in Chicago', () => {
    const instant = new Date('2027-01-15T03:00:00Z');
    expect(decide({ host: 'v.example' }, expiresJan14('America/Chicago'), instant).reason).toBe('baa_in_force');
    expect(decide({ host: 'v.example' }, expiresJan14('UTC'), instant).reason).toBe('baa_expired');
  });

  it('uses the clinic zone east of UTC: 20:00 UTC on Jan 14 is already Jan 15 in Tokyo', () => {
    const instant = new Date('2027-01-14T20:00:00Z');
    expect(decide({ host: 'v.example' }, expiresJan14('Asia/Tokyo'), instant).reason).toBe('baa_expired');
    expect(decide({ host: 'v.example' }, expiresJan14('UTC'), instant).reason).toBe('baa_in_force');
  });

  it('counts leap days', () => {
    const d = decide({ host: 'v.example' }, expiresJan14('UTC'), on('2026-01-15'));
    expect(d.baa?.daysRemaining).toBe(364);
  });
});

describe('decide(): monitor mode', () => {
  const monitor = policyFrom(VENDORS, 'mode: monitor');
  it('turns a would-be block into an allow marked enforced: false, keeping the reason', () => {
    expect(decide({ host: 'refused.example' }, monitor, today)).toMatchObject({ action: 'allow', reason: 'baa_refused', enforced: false });
    expect(decide({ host: 'nowhere.example' }, monitor, today)).toMatchObject({ action: 'allow', reason: 'unknown_destination', enforced: false });
  });
  it('still scans, so that a would-be PHI block can be recorded', () => {
    expect(decide({ host: 'pixel.example' }, monitor, today)).toMatchObject({ action: 'scan', enforced: true });
  });
  it('leaves allows alone', () => {
    expect(decide({ host: 'ehr.example' }, monitor, today)).toMatchObject({ action: 'allow', reason: 'baa_in_force', enforced: true });
  });
  it('applyMode is the one place that decides', () => {
    expect(applyMode('block', 'monitor')).toEqual({ action: 'allow', enforced: false });
    expect(applyMode('block', 'enforce')).toEqual({ action: 'block', enforced: true });
    expect(applyMode('scan', 'monitor')).toEqual({ action: 'scan', enforced: true });
  });
});

describe('decide() is pure', () => {
  it('gives the same answer for the same inputs and does not change the policy', () => {
    const before = JSON.stringify(policy.vendors);
    const a = decide({ host: 'expired-phi.example' }, policy, today);
    const b = decide({ host: 'expired-phi.example' }, policy, today);
    expect(a).toEqual(b);
    expect(JSON.stringify(policy.vendors)).toBe(before);
    expect(Object.isFrozen(policy.vendors[0])).toBe(true);
  });
});

describe('reason codes', () => {
  it('every reason code is documented in the README', async () => {
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const readme = readFileSync(join(import.meta.dirname, '..', '..', 'README.md'), 'utf8');
    for (const code of REASON_CODES) expect(readme, code).toContain(`| \`${code}\` |`);
  });
});
