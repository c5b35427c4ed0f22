import { shippedDetectorsDir } from '../paths.js';
import { compilePack, type Scanner, type SetEngine, type SetLayout } from './compile.js';
import { loadPack } from './pack.js';

export { scan } from './scan.js';
export { ScanStream } from './stream.js';
export type { Scanner, SetEngine, SetLayout } from './compile.js';
export type { Finding, Format, Identifier, ScanOptions, ScanResult, Unscannable } from './types.js';

export interface ScannerOptions {
  /** Extra detector folders, after the shipped pack; same id replaces a shipped detector. */
  readonly detectorDirs?: readonly string[];
  /** The clinic's own MRN formats (RE2), from policy scan.mrn_patterns. */
  readonly mrnPatterns?: readonly string[];
  /** What counts as PHI (policy scan.min_confidence, default 0.5). */
  readonly minConfidence?: number;
  /** The clinic's own published identifiers (policy scan.own_identifiers): never PHI. */
  readonly ownIdentifiers?: readonly string[];
  /** How the pack's entries are split into RE2 sets (tests; the default adapts to the traffic). */
  readonly setLayout?: SetLayout;
  /** Which RE2 sets (tests; the default is native/'s when it was built, else node-re2's). */
  readonly setEngine?: SetEngine;
}

/** Loads and compiles the pack once. Throws PolicyError (file:line:column) on a bad detector. */
export function createScanner(options: ScannerOptions = {}): Scanner {
  const pack = loadPack([shippedDetectorsDir(), ...(options.detectorDirs ?? [])]);
  return compilePack(pack, {
    ...(options.mrnPatterns === undefined ? {} : { mrnPatterns: options.mrnPatterns }),
    ...(options.minConfidence === undefined ? {} : { minConfidence: options.minConfidence }),
    ...(options.ownIdentifiers === undefined ? {} : { ownIdentifiers: options.ownIdentifiers }),
    ...(options.setLayout === undefined ? {} : { setLayout: options.setLayout }),
    ...(options.setEngine === undefined ? {} : { setEngine: options.setEngine }),
  });
}
