/**
 * Reason codes are a stable API: they appear in block responses, audit records and metric
 * labels. A code is never renamed or reused; add new ones at the end of their group.
 */
export const REASONS = {
  // allow
  baa_in_force: { blocks: false, message: 'The vendor has a Business Associate Agreement in force.' },
  conduit: { blocks: false, message: 'The vendor is a conduit: it only transmits data and is not a business associate.' },
  no_phi_found: { blocks: false, message: 'The payload was scanned and carries no PHI.' },
  // scan decisions (the reason a scan is required) and unknown destinations
  not_business_associate: { blocks: false, message: 'The vendor is not a business associate: only PHI-free payloads may reach it.' },
  unknown_destination: { blocks: true, message: 'The destination is not in the vendor inventory and has not been reviewed.' },
  // BAA gaps
  baa_pending: { blocks: true, message: "The vendor's Business Associate Agreement is not signed yet." },
  baa_refused: { blocks: true, message: 'The vendor refused to sign a Business Associate Agreement.' },
  baa_terminated: { blocks: true, message: "The vendor's Business Associate Agreement was terminated." },
  baa_expired: { blocks: true, message: "The vendor's Business Associate Agreement has expired." },
  baa_not_yet_effective: { blocks: true, message: "The vendor's Business Associate Agreement is not in effect yet." },
  baa_missing_terms: { blocks: true, message: "The vendor's Business Associate Agreement lacks terms that HIPAA requires." },
  parent_baa_not_in_force: { blocks: true, message: 'The vendor is a subcontractor and its business associate has no BAA in force.' },
  classification_pending: { blocks: true, message: 'The vendor has not been classified yet; traffic waits for compliance review.' },
  // content
  phi_detected: { blocks: true, message: 'The payload contains protected health information and the vendor may not receive it.' },
  body_too_large: { blocks: true, message: 'The payload is larger than the proxy can scan.' },
  unscannable_body: { blocks: true, message: 'The payload could not be scanned (binary, encrypted or undecodable).' },
  scan_error: { blocks: true, message: 'The payload scan failed.' },
  // network
  private_address: { blocks: true, message: 'The destination resolves to a private or internal address that the policy does not name.' },
  port_not_allowed: { blocks: true, message: 'CONNECT to this port is not allowed.' },
  sni_mismatch: { blocks: true, message: 'The TLS server name does not match the CONNECT host.' },
  host_mismatch: { blocks: true, message: 'The Host header does not match the CONNECT host.' },
  allowed_unscanned: { blocks: false, message: 'The vendor is marked intercept: false (a pinned client) and policy lets its traffic through unscanned.' },
  // errors: the proxy could not carry out an allowed request, or refused a malformed one
  client_not_allowed: { blocks: true, message: 'This address may not use the proxy.' },
  bad_request: { blocks: true, message: 'The request is malformed or is not a proxy request.' },
  proxy_busy: { blocks: true, message: 'The proxy is holding as many bodies for scanning as it may; try again shortly.' },
  dns_failure: { blocks: true, message: 'The destination name could not be resolved.' },
  upstream_unreachable: { blocks: true, message: 'The destination could not be reached.' },
  upstream_timeout: { blocks: true, message: 'The destination did not answer in time.' },
  upstream_tls_error: { blocks: true, message: "The destination's TLS certificate could not be verified." },
} as const satisfies Record<string, { blocks: boolean; message: string }>;

export type Reason = keyof typeof REASONS;
export const REASON_CODES = Object.keys(REASONS) as Reason[];

export function isReason(value: string): value is Reason {
  return Object.hasOwn(REASONS, value);
}
