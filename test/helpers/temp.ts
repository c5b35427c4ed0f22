import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const made: string[] = [];

/**
 * A fresh folder under the system's temp folder, named `phiwall-<prefix>-XXXXXX`, removed with
 * everything in it after the test file that made it (test/setup.ts). Tests used to leave about a
 * hundred of these behind on every run.
 */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `phiwall-${prefix}-`));
  made.push(dir);
  return dir;
}

/** Removes every folder tempDir() made in this test file. */
export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}
