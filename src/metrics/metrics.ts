import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { ChainedRecord } from '../audit/record.js';
import type { Finding } from '../detect/types.js';
import { baaState } from '../policy/baa.js';
import { dayIn } from '../policy/dates.js';
import type { ProxyEvents } from '../proxy/events.js';
import type { PolicyState } from '../proxy/state.js';

/**
 * Every metric phiwall exports, in one table. Label values are vendor ids (or "unknown"),
 * reason codes, identifier categories, detector ids and fixed enumerations: never a host
 * name from the wire, a path or a value, so the label set stays bounded.
 */
export const METRIC_NAMES = {
  requests: 'phiwall_requests_total',
  blocked: 'phiwall_blocked_total',
  findings: 'phiwall_phi_findings_total',
  detectorFindings: 'phiwall_detector_findings_total',
  scanBytes: 'phiwall_scan_bytes_total',
  scanDuration: 'phiwall_scan_duration_seconds',
  requestDuration: 'phiwall_request_duration_seconds',
  baaDays: 'phiwall_baa_days_remaining',
  vendorInfo: 'phiwall_vendor_info',
  unknown: 'phiwall_unknown_destination_requests_total',
  upstreamErrors: 'phiwall_upstream_errors_total',
  handshakeFailures: 'phiwall_intercept_handshake_failures_total',
  reloads: 'phiwall_policy_reloads_total',
  policyLoaded: 'phiwall_policy_loaded_timestamp_seconds',
  auditErrors: 'phiwall_audit_write_errors_total',
  held: 'phiwall_held_bytes',
  connections: 'phiwall_open_connections',
  tunnels: 'phiwall_open_tunnels',
} as const;

export interface Metrics {
  readonly registry: Registry;
  /** The proxy's event hooks that feed these metrics. */
  readonly events: ProxyEvents;
}

const vendorLabel = (v: string | null): string => v ?? 'unknown';

/**
 * Builds the registry for one process. `heldBytes` and `auditErrors` are read at scrape time.
 * Gauges carry a cluster aggregator so that several workers add up to one view.
 */
export function createMetrics(state: PolicyState, live: { heldBytes(): number; auditErrors(): number }, now: () => Date = () => new Date()): Metrics {
  const registry = new Registry();
  // process_* and nodejs_* (memory, event loop lag, GC): what an operator checks first.
  collectDefaultMetrics({ register: registry });
  const requests = new Counter({ name: METRIC_NAMES.requests, help: 'Every decision, by vendor, action, reason, whether it was enforced, and channel (http, tunnel, intercepted).', labelNames: ['vendor', 'action', 'reason', 'enforced', 'channel'], registers: [registry] });
  const blocked = new Counter({ name: METRIC_NAMES.blocked, help: 'Every block, and every would-be block in monitor mode (enforced="false").', labelNames: ['vendor', 'reason', 'enforced'], registers: [registry] });
  const findings = new Counter({ name: METRIC_NAMES.findings, help: 'PHI findings by vendor and HIPAA identifier category.', labelNames: ['vendor', 'identifier'], registers: [registry] });
  const detectorFindings = new Counter({ name: METRIC_NAMES.detectorFindings, help: 'PHI findings by detector id.', labelNames: ['detector'], registers: [registry] });
  const scanBytes = new Counter({ name: METRIC_NAMES.scanBytes, help: 'Request bytes held and scanned.', registers: [registry] });
  const scanDuration = new Histogram({ name: METRIC_NAMES.scanDuration, help: 'Time to scan one held body (URL and Referer included).', buckets: [0.0001, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1], registers: [registry] });
  const requestDuration = new Histogram({ name: METRIC_NAMES.requestDuration, help: 'The latency phiwall itself adds, by action: decision, holding and scanning, and resolution before the upstream is asked (the whole time for a refusal).', labelNames: ['action'], buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10], registers: [registry] });
  const unknown = new Counter({ name: METRIC_NAMES.unknown, help: 'Requests to destinations that are not in the vendor inventory.', registers: [registry] });
  const upstreamErrors = new Counter({ name: METRIC_NAMES.upstreamErrors, help: 'Failures reaching an allowed destination, by kind (refused, connect, timeout, tls, body).', labelNames: ['vendor', 'kind'], registers: [registry] });
  const handshakeFailures = new Counter({ name: METRIC_NAMES.handshakeFailures, help: 'Intercepted connections whose TLS handshake failed, by vendor and kind (untrusted_ca: the client does not trust the clinic CA; no_alpn: an HTTP/2-only client; closed; other).', labelNames: ['vendor', 'kind'], registers: [registry] });
  const reloads = new Counter({ name: METRIC_NAMES.reloads, help: 'Policy reloads by result (ok, error); an error keeps the last good policy.', labelNames: ['result'], registers: [registry] });
  const connections = new Gauge({ name: METRIC_NAMES.connections, help: 'Client connections open.', registers: [registry], aggregator: 'sum' });
  const tunnels = new Gauge({ name: METRIC_NAMES.tunnels, help: 'Relayed connections open: CONNECT tunnels and upgraded (WebSocket) connections.', registers: [registry], aggregator: 'sum' });
  new Gauge({
    name: METRIC_NAMES.held, help: 'Request bytes held in memory for scanning right now.', registers: [registry], aggregator: 'sum',
    collect() { this.set(live.heldBytes()); },
  });
  new Counter({
    name: METRIC_NAMES.auditErrors, help: 'Audit records the audit file refused.', registers: [registry],
    collect() { this.reset(); this.inc(live.auditErrors()); },
  });
  new Gauge({
    name: METRIC_NAMES.policyLoaded, help: 'When the policy in force was loaded (Unix seconds).', registers: [registry], aggregator: 'min',
    collect() { this.set(state.current.loadedAt.getTime() / 1000); },
  });
  new Gauge({
    name: METRIC_NAMES.baaDays, help: 'Days until each BAA expires (0 on the expiry day, negative once expired); recomputed at every scrape.', labelNames: ['vendor'], registers: [registry], aggregator: 'first',
    collect() {
      this.reset();
      const { policy } = state.current;
      const today = dayIn(now(), policy.settings.timezone);
      for (const v of policy.vendors) {
        if (v.baa === null || v.baa.expires === null) continue;
        this.set({ vendor: v.id }, baaState(v, today).daysRemaining ?? 0);
      }
    },
  });
  new Gauge({
    name: METRIC_NAMES.vendorInfo, help: 'The inventory: 1 per vendor, with its classification and BAA status.', labelNames: ['vendor', 'classification', 'baa_status', 'baa_in_force'], registers: [registry], aggregator: 'first',
    collect() {
      this.reset();
      const { policy } = state.current;
      const today = dayIn(now(), policy.settings.timezone);
      for (const v of policy.vendors) {
        const s = v.baa === null && v.classification !== 'business-associate' ? null : baaState(v, today);
        this.set({ vendor: v.id, classification: v.classification, baa_status: s?.status ?? 'none', baa_in_force: s === null ? 'n/a' : String(s.inForce) }, 1);
      }
    },
  });

  /**
   * Series that alerts watch with increase() start at 0 for every vendor in the inventory,
   * so that the very first block is an increase Prometheus can see.
   */
  const initSeries = (): void => {
    for (const vendor of [...state.current.policy.vendors.map((v) => v.id), 'unknown']) {
      for (const enforced of ['true', 'false']) blocked.inc({ vendor, reason: 'phi_detected', enforced }, 0);
    }
    for (const result of ['ok', 'error']) reloads.inc({ result }, 0);
    for (const v of state.current.policy.vendors) handshakeFailures.inc({ vendor: v.id, kind: 'untrusted_ca' }, 0);
  };
  initSeries();

  const events: ProxyEvents = {
    decision(r: ChainedRecord, found: readonly Finding[]) {
      const vendor = vendorLabel(r.vendor);
      requests.inc({ vendor, action: r.action, reason: r.reason, enforced: String(r.enforced), channel: r.channel });
      requestDuration.observe({ action: r.action }, r.added_ms / 1000);
      const wouldBlock = r.action === 'block' || !r.enforced;
      if (wouldBlock) blocked.inc({ vendor, reason: r.reason, enforced: String(r.enforced) });
      if (r.reason === 'unknown_destination') unknown.inc();
      for (const f of found) {
        findings.inc({ vendor, identifier: f.identifier });
        detectorFindings.inc({ detector: f.detector });
      }
    },
    upstreamError(vendor, kind) {
      upstreamErrors.inc({ vendor: vendorLabel(vendor), kind });
    },
    handshakeFailed(vendor, kind) {
      handshakeFailures.inc({ vendor: vendorLabel(vendor), kind });
    },
    scanned(bytes, seconds) {
      scanBytes.inc(bytes);
      scanDuration.observe(seconds);
    },
    connection(delta) {
      connections.inc(delta);
    },
    tunnel(delta) {
      tunnels.inc(delta);
    },
    reloaded(result) {
      reloads.inc({ result: result.ok ? 'ok' : 'error' });
      if (result.ok) initSeries();
    },
  };
  return { registry, events };
}
