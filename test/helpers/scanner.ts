import { createScanner, scan, type ScanOptions, type ScanResult, type Scanner } from '../../src/detect/index.js';

let shared: Scanner | undefined;

/** The shipped pack, compiled once per test file. */
export function scanner(): Scanner {
  return (shared ??= createScanner());
}

export function scanText(text: string | Buffer, options: ScanOptions = {}): ScanResult {
  return scan(scanner(), typeof text === 'string' ? Buffer.from(text) : text, options);
}

/** The text at each finding's span, for asserting in tests (never printed by the product). */
export function spans(input: string | Buffer, result: ScanResult, detector?: string): string[] {
  const buf = typeof input === 'string' ? Buffer.from(input) : input;
  return result.findings.filter((f) => detector === undefined || f.detector === detector).map((f) => buf.toString('utf8', f.start, f.end));
}
