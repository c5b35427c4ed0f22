import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createScanner, type Scanner, type ScannerOptions } from '../detect/index.js';
import { loadPolicy } from '../policy/load.js';
import type { Policy } from '../policy/types.js';
import { PolicyError, formatProblem } from '../policy/yaml-source.js';

/** A policy and the scanner compiled for it: swapped together, atomically, on reload. */
export interface Loaded {
  readonly policy: Policy;
  readonly scanner: Scanner;
  /** What the scanner was built from: the scan worker builds its own copy from the same. */
  readonly scannerOptions: ScannerOptions;
  readonly loadedAt: Date;
}

export function loadAll(dir: string): Loaded {
  const { policy } = loadPolicy(dir);
  const { tls } = policy.settings;
  if (tls.intercept) {
    for (const file of [tls.caCert, tls.caKey, ...tls.upstreamCa]) {
      if (!existsSync(file)) {
        throw new PolicyError([{ file: join(dir, 'phiwall.yaml'), line: 1, col: 1, severity: 'error', message: `tls.intercept is true but ${file} does not exist (create the CA with: phiwall ca init --out ${dirname(tls.caCert)})` }]);
      }
    }
  }
  const scannerOptions: ScannerOptions = {
    detectorDirs: policy.settings.scan.detectors,
    mrnPatterns: policy.settings.scan.mrnPatterns,
    minConfidence: policy.settings.scan.minConfidence,
    ownIdentifiers: policy.settings.scan.ownIdentifiers,
  };
  return { policy, scanner: createScanner(scannerOptions), scannerOptions, loadedAt: new Date() };
}

export type ReloadResult = { readonly ok: true } | { readonly ok: false; readonly errors: readonly string[] };

/**
 * Holds what is in force. A request takes `current` once and uses it to the end, so a
 * reload never changes the rules under a request in flight. A reload that fails keeps the
 * last good policy and says why.
 */
export class PolicyState {
  private loaded: Loaded;

  constructor(
    readonly dir: string,
    initial?: Loaded,
  ) {
    this.loaded = initial ?? loadAll(dir);
  }

  get current(): Loaded {
    return this.loaded;
  }

  reload(): ReloadResult {
    try {
      this.loaded = loadAll(this.dir);
      return { ok: true };
    } catch (e) {
      if (e instanceof PolicyError) return { ok: false, errors: e.problems.map(formatProblem) };
      return { ok: false, errors: [(e as Error).message] };
    }
  }
}
