/**
 * A worker thread that scans bodies too large to scan on the proxy's event loop. It compiles
 * its own copy of the pack from the same options as the proxy's scanner.
 */
import { parentPort } from 'node:worker_threads';
import { createScanner, scan, type ScannerOptions, type ScanOptions, type Scanner } from './index.js';

let scanner: Scanner | null = null;

parentPort?.on('message', (m: { type: 'config'; options: ScannerOptions } | { type: 'scan'; id: number; body: Uint8Array; options: ScanOptions }) => {
  if (m.type === 'config') {
    scanner = createScanner(m.options);
    return;
  }
  try {
    if (scanner === null) throw new Error('scanner not configured');
    const result = scan(scanner, Buffer.from(m.body.buffer, m.body.byteOffset, m.body.byteLength), m.options);
    parentPort?.postMessage({ id: m.id, result });
  } catch (e) {
    parentPort?.postMessage({ id: m.id, error: (e as Error).message });
  }
});
