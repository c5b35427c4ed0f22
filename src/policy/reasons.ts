/**
 * Reason codes are a stable API: they appear in block responses, audit records and metric
 * labels. A code is never renamed or reused; add new ones at the end of their group.
 */
export const REASONS = {
  // allow
  baa_in_force: { message: 'The vendor has a Business Associate Agreement in force.' },
  conduit: { message: 'The vendor is a conduit: it only transmits data and is not a business associate.' },
  no_phi_found: { message: 'The payload was scanned and carries no PHI.' },
  // scan decisions (the reason a scan is required) and unknown destinations
  not_business_associate: { message: 'The vendor is not a business associate: only PHI-free payloads may reach it.' },
  unknown_destination: { message: 'The destination is not in the vendor inventory and has not been reviewed.' },
  // BAA gaps
  baa_pending: { message: "The vendor's Business Associate Agreement is not signed yet." },
  baa_refused: { message: 'The vendor refused to sign a Business Associate Agreement.' },
  baa_terminated: { message: "The vendor's Business Associate Agreement was terminated." },
  baa_expired: { message: "The vendor's Business Associate Agreement has expired." },
  baa_not_yet_effective: { message: "The vendor's Business Associate Agreement is not in effect yet." },
  baa_missing_terms: { message: "The vendor's Business Associate Agreement lacks terms that HIPAA requires." },
  parent_baa_not_in_force: { message: 'The vendor is a subcontractor and its business associate has no BAA in force.' },
  classification_pending: { message: 'The vendor has not been classified yet; traffic waits for compliance review.' },
  // content
  phi_detected: { message: 'The payload contains protected health information and the vendor may not receive it.' },
  body_too_large: { message: 'The payload is larger than the proxy can scan.' },
  unscannable_body: { message: 'The payload could not be scanned (binary, encrypted or undecodable).' },
  scan_error: { message: 'The payload scan failed.' },
  // network
  private_address: { message: 'The destination resolves to a private or internal address that the policy does not name.' },
  port_not_allowed: { message: 'CONNECT to this port is not allowed.' },
  sni_mismatch: { message: 'The TLS server name does not match the CONNECT host.' },
  host_mismatch: { message: 'The Host header does not match the CONNECT host.' },
  allowed_unscanned: { message: 'The vendor is marked intercept: false (a pinned client) and policy lets its traffic through unscanned.' },
  // errors: the proxy could not carry out an allowed request, or refused a malformed one
  client_not_allowed: { message: 'This address may not use the proxy.' },
  bad_request: { message: 'The request is malformed or is not a proxy request.' },
  proxy_busy: { message: 'The proxy is holding as many bodies for scanning as it may; try again shortly.' },
  dns_failure: { message: 'The destination name could not be resolved.' },
  upstream_unreachable: { message: 'The destination could not be reached.' },
  upstream_timeout: { message: 'The destination did not answer in time.' },
  upstream_tls_error: { message: "The destination's TLS certificate could not be verified." },
} as const satisfies Record<string, { message: string }>;

export type Reason = keyof typeof REASONS;
export const REASON_CODES = Object.keys(REASONS) as Reason[];
