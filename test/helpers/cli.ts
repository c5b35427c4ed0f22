import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { run } from '../../src/cli/main.js';

export const ROOT = join(import.meta.dirname, '..', '..');
export const BIN = join(ROOT, 'dist', 'src', 'cli', 'main.js');

/** Runs the CLI in-process with a fixed clock; returns exit code and what it printed. */
export async function cli(argv: string[], now = new Date('2026-11-22T18:00:00Z')): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(argv, { out: (t) => void (out += t.endsWith('\n') ? t : `${t}\n`), err: (t) => void (err += t.endsWith('\n') ? t : `${t}\n`) }, now);
  return { code, out, err };
}

/** Runs the built `phiwall` command as a real process. */
export function spawnCli(argv: string[], input?: Buffer | string): { code: number; out: string; err: string } {
  const r = spawnSync(process.execPath, [BIN, ...argv], { cwd: ROOT, input, encoding: 'utf8' });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}
