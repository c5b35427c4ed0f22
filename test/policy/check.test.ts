import { describe, expect, it } from 'vitest';
import { policyWarnings } from '../../src/policy/check.js';
import { formatProblem } from '../../src/policy/yaml-source.js';
import { ALL_TERMS, on, policyFrom } from '../helpers/policy.js';

const policy = policyFrom(`
vendors:
  - id: soon
    hosts: [soon.example]
    classification: business-associate
    baa: { status: executed, effective: 2025-01-01, expires: 2027-01-05, terms: ${ALL_TERMS} }
    last_reviewed: 2026-10-01
  - id: later
    hosts: [later.example]
    classification: business-associate
    baa: { status: executed, effective: 2025-01-01, expires: 2027-06-01, terms: ${ALL_TERMS} }
    last_reviewed: 2026-10-01
  - id: gone
    hosts: [gone.example]
    classification: business-associate
    baa: { status: executed, effective: 2020-01-01, expires: 2026-10-01, terms: ${ALL_TERMS} }
    last_reviewed: 2026-10-01
  - id: stale
    hosts: [stale.example]
    classification: not-business-associate
    last_reviewed: 2025-11-21
  - id: never
    hosts: [never.example]
    classification: pending
  - id: partial
    hosts: [partial.example]
    classification: business-associate
    baa: { status: executed, effective: 2025-01-01, terms: [permitted-uses, safeguards, reporting, termination] }
    last_reviewed: 2026-10-01
  - id: pipe
    hosts: [pipe.example]
    classification: conduit
    last_reviewed: 2026-10-01
  - id: ocr
    hosts: [ocr.example]
    classification: not-business-associate
    unscannable: allow
    last_reviewed: 2026-10-01
`);

describe('policyWarnings()', () => {
  const warnings = policyWarnings(policy, on('2026-11-22')).map(formatProblem);

  it.each([
    ['a BAA expiring within 60 days', 'vendor "soon": BAA expires on 2027-01-05 (in 44 days)'],
    ['an expired BAA', 'vendor "gone": BAA expired on 2026-10-01 (52 days ago)'],
    ['a review older than 365 days', 'vendor "stale": last reviewed 2025-11-21, 366 days ago'],
    ['a vendor never reviewed', 'vendor "never": never reviewed'],
    ['an executed BAA missing terms, naming them', 'vendor "partial": executed BAA is missing required terms: subcontractors, individual-rights, hhs-access, return-or-destroy'],
    ['a conduit without data_flows', 'vendor "pipe": conduit without a data_flows justification'],
    ['a vendor without a BAA that may receive what cannot be scanned', 'vendor "ocr": payloads phiwall cannot scan (files, images, encrypted data) reach it unscanned (unscannable: allow)'],
  ])('warns about %s', (_what, text) => {
    expect(warnings).toContainEqual(expect.stringContaining(text));
  });

  it('says nothing about a BAA expiring in more than 60 days or a review within a year', () => {
    expect(warnings.filter((w) => w.includes('"later"'))).toEqual([]);
    expect(warnings.filter((w) => w.includes('"soon"') && w.includes('review'))).toEqual([]);
  });

  it('points each warning at its vendor: file:line:column', () => {
    expect(warnings.find((w) => w.includes('"soon"'))).toMatch(/^vendors\.yaml:3:5: warning: /);
  });
});
