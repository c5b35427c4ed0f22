import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/** Builds dist/ once, so that tests which spawn the real `phiwall` command run current code. */
export default function setup(): void {
  const root = join(import.meta.dirname, '..');
  execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(root, 'tsconfig.build.json')], {
    stdio: 'inherit',
  });
}
