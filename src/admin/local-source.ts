import { accessSync, constants, existsSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Registry } from 'prom-client';
import type { AuditSink } from '../audit/audit-log.js';
import { vendorRows } from '../cli/vendors.js';
import type { PolicyState } from '../proxy/state.js';
import type { RecentDecisions } from './recent.js';
import type { AdminSource } from './server.js';

export function auditWritable(path: string): boolean {
  try {
    accessSync(existsSync(path) ? path : dirname(path), constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** The admin answers of a single-process phiwall. */
export function localSource(o: { state: PolicyState; registry: Registry; recent: RecentDecisions; audit: AuditSink & { path: string } }): AdminSource {
  return {
    async metrics() {
      return { contentType: o.registry.contentType, body: await o.registry.metrics() };
    },
    vendors: () => vendorRows(o.state.current.policy, new Date()),
    recent: async (limit) => o.recent.list(limit),
    async ready() {
      const checks = {
        policy_loaded: o.state.current.policy.vendors !== undefined,
        detectors_compiled: o.state.current.scanner.detectors.length > 0,
        audit_writable: auditWritable(o.audit.path),
      };
      return { ready: Object.values(checks).every(Boolean), checks };
    },
  };
}
