/** The HIPAA Safe Harbor identifiers of 45 CFR 164.514(b)(2), as detectors name them. */
export const IDENTIFIERS = [
  'names', 'geographic', 'dates', 'phone', 'fax', 'email', 'ssn', 'mrn', 'health-plan', 'account',
  'license', 'vehicle', 'device', 'url', 'ip', 'biometric', 'photo', 'other-id',
] as const;
export type Identifier = (typeof IDENTIFIERS)[number];

/**
 * One piece of PHI found in a payload: where it is, never what it is. Offsets are bytes
 * into the scanned input, or into the decoded layer that `layer` names (gzip, br, ...).
 */
export interface Finding {
  readonly detector: string;
  readonly identifier: Identifier;
  readonly start: number;
  readonly end: number;
  readonly confidence: number;
  readonly layer?: string;
}

export const FORMATS = [
  'fhir-json', 'json', 'hl7v2', 'x12', 'csv', 'tsv', 'form', 'multipart', 'xml', 'text', 'binary', 'empty',
] as const;
export type Format = (typeof FORMATS)[number];

/** Why a payload could not be scanned; the proxy fails closed on any of these. */
export type Unscannable = 'binary' | 'too_large' | 'decode_error' | 'ratio_exceeded' | 'depth_exceeded';

export interface ScanResult {
  readonly phi: boolean;
  readonly format: Format;
  readonly bytes: number;
  readonly findings: readonly Finding[];
  /** Set when part or all of the payload could not be scanned. */
  readonly unscannable: Unscannable | null;
}

export interface ScanOptions {
  /** The request's Content-Type, if any. */
  readonly contentType?: string | undefined;
  /** The request's Content-Encoding (gzip, deflate, br, identity), if any. */
  readonly contentEncoding?: string | undefined;
  /** Findings below this confidence are not reported (policy's scan.min_confidence). */
  readonly minConfidence?: number | undefined;
  /** Cap on decoded bytes (decompression, base64); past it the payload is unscannable. */
  readonly maxDecodedBytes?: number | undefined;
  /** Cap on decoded/encoded size ratio for compressed bodies. */
  readonly maxRatio?: number | undefined;
}
