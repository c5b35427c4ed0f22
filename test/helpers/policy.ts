import { parsePolicy } from '../../src/policy/load.js';
import type { Policy } from '../../src/policy/types.js';
import { PolicyError } from '../../src/policy/yaml-source.js';

export const ALL_TERMS = '[permitted-uses, safeguards, reporting, subcontractors, individual-rights, hhs-access, return-or-destroy, termination]';

/** A policy from inline YAML texts, through the same pure loader the CLI uses. */
export function policyFrom(vendorsYaml: string, settingsYaml: string | null = null): Policy {
  const { policy, problems } = parsePolicy(
    '/test-policy',
    settingsYaml === null ? null : { file: 'phiwall.yaml', text: settingsYaml },
    { file: 'vendors.yaml', text: vendorsYaml },
  );
  if (policy === null) throw new PolicyError(problems);
  return policy;
}

/** Noon UTC on a calendar day. */
export const on = (day: string): Date => new Date(`${day}T12:00:00Z`);
