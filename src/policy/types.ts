import type { HostMatcher, HostPattern } from './hosts.js';
import type { Position } from './yaml-source.js';

export const CLASSIFICATIONS = ['business-associate', 'not-business-associate', 'conduit', 'pending'] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];

export const BAA_STATUSES = ['executed', 'pending', 'refused', 'terminated', 'not-required'] as const;
export type BaaStatus = (typeof BAA_STATUSES)[number];

/** The required elements of 45 CFR 164.504(e), in the order the regulation lists them. */
export const REQUIRED_TERMS = [
  'permitted-uses',
  'safeguards',
  'reporting',
  'subcontractors',
  'individual-rights',
  'hhs-access',
  'return-or-destroy',
  'termination',
] as const;
export type BaaTerm = (typeof REQUIRED_TERMS)[number];

export const BAA_GAP_ACTIONS = ['block-all', 'block-phi'] as const;
export type BaaGapAction = (typeof BAA_GAP_ACTIONS)[number];

/** A calendar day, `YYYY-MM-DD`; compares correctly as a string. */
export type Day = string;

export interface Baa {
  readonly status: BaaStatus;
  readonly effective: Day | null;
  readonly expires: Day | null;
  readonly terms: readonly BaaTerm[];
  readonly document: string | null;
}

export interface Vendor {
  readonly id: string;
  readonly name: string;
  /** Normalized host entries, as text. */
  readonly hosts: readonly string[];
  readonly hostPatterns: readonly HostPattern[];
  readonly classification: Classification;
  readonly dataFlows: string | null;
  readonly baa: Baa | null;
  readonly lastReviewed: Day | null;
  readonly onBaaGap: BaaGapAction;
  readonly subcontractorOf: string | null;
  /** TLS interception for this vendor (issue 6); null means the global setting. */
  readonly intercept: boolean | null;
  /** What a payload that cannot be scanned (a file, an image) gets at this vendor; null means scan.unscannable. */
  readonly unscannable: 'block' | 'allow' | null;
  /** Where the vendor is defined, for warnings. */
  readonly at: Position;
}

export const MODES = ['enforce', 'monitor'] as const;
export type Mode = (typeof MODES)[number];
export const UNKNOWN_ACTIONS = ['block', 'scan', 'allow'] as const;
export type UnknownAction = (typeof UNKNOWN_ACTIONS)[number];

export interface Settings {
  readonly listen: string;
  readonly admin: string;
  readonly mode: Mode;
  readonly unknownDestinations: UnknownAction;
  readonly scan: {
    readonly maxBodyBytes: number;
    /** Cap on request bytes held for scanning at once, across all requests; past it: 503. */
    readonly maxHeldBytes: number;
    /** Bodies at least this large are scanned in a worker thread, off the event loop. */
    readonly offloadBytes: number;
    /** A scan in the worker that takes longer is abandoned: scan_error. */
    readonly timeoutMs: number;
    readonly unscannable: 'block' | 'allow';
    readonly detectors: readonly string[];
    readonly minConfidence: number;
    readonly mrnPatterns: readonly string[];
    /** The clinic's own published identifiers (phone, fax, address, ZIP, e-mail or @domain, providers' names and NPIs): never PHI. */
    readonly ownIdentifiers: readonly string[];
  };
  readonly tls: {
    readonly intercept: boolean;
    readonly caCert: string;
    readonly caKey: string;
    readonly upstreamCa: readonly string[];
    /** For a vendor marked `intercept: false` (pinned clients) that needs a scan: block, or allow unscanned. */
    readonly unintercepted: 'block' | 'allow';
  };
  readonly audit: { readonly path: string };
  readonly connectPorts: readonly number[];
  readonly dns: { readonly hosts: Readonly<Record<string, string>> };
  readonly clients: readonly string[];
  readonly timezone: string;
  readonly timeouts: {
    /** A client must send its request headers within this time. */
    readonly clientHeadersMs: number;
    /** A client must send its whole request within this time. */
    readonly clientRequestMs: number;
    readonly upstreamConnectMs: number;
    readonly upstreamHeadersMs: number;
    /** Longest silence while reading an upstream response body. */
    readonly upstreamBodyMs: number;
    /** An idle CONNECT tunnel is closed after this long. */
    readonly tunnelIdleMs: number;
  };
}

/** A loaded, validated, frozen policy. */
export interface Policy {
  readonly dir: string;
  readonly settings: Settings;
  readonly vendors: readonly Vendor[];
  readonly vendorsById: ReadonlyMap<string, Vendor>;
  readonly matcher: HostMatcher<Vendor>;
}
