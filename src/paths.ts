import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/** The folder that holds phiwall's package.json, from the source tree or from dist/. */
export function packageRoot(): string {
  if (root !== undefined) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('phiwall: cannot find its package.json');
    dir = up;
  }
  return (root = dir);
}

/** The detector pack shipped with phiwall. */
export function shippedDetectorsDir(): string {
  return join(packageRoot(), 'detectors');
}
