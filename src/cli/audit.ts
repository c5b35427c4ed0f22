import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { verifyChain } from '../audit/chain.js';
import type { Context } from './commands.js';
import { EXIT, UsageError } from './io.js';

const USAGE = 'usage: phiwall audit verify [--continuous] FILE...';

/** A file's text; a rotated file compressed by logrotate (`.gz`) is read through gunzip. */
function readAudit(file: string): string {
  const bytes = readFileSync(file);
  return file.endsWith('.gz') ? gunzipSync(bytes).toString('utf8') : bytes.toString('utf8');
}

/**
 * phiwall audit verify [--continuous] FILE...: checks each file's hash chain; exit 1 at the
 * first break. With --continuous the files are one chain cut by log rotation, oldest first:
 * each must begin where the one before it ended (its first record names the last hash
 * before it and carries the next seq), so a file removed or truncated between them shows.
 */
export function auditCommand(argv: readonly string[], { io }: Context): number {
  const [sub, ...args] = argv;
  const continuous = args.includes('--continuous');
  const files = args.filter((a) => a !== '--continuous');
  if (sub !== 'verify' || files.length === 0 || files.some((f) => f.startsWith('--'))) throw new UsageError(USAGE);
  let ok = true;
  let before: { file: string; last: string; lastSeq: number } | null = null;
  for (const file of files) {
    let text: string;
    try {
      text = readAudit(file);
    } catch (e) {
      io.err(`${file}: ${(e as NodeJS.ErrnoException).code ?? 'cannot read'}`);
      ok = false;
      before = null;
      continue;
    }
    const r = verifyChain(text);
    if (!r.ok) {
      io.err(`${file}:${r.error!.line}: ${r.error!.message} (${r.records} records verified before it)`);
      ok = false;
    } else if (continuous && before !== null && r.start !== null && (r.start.prev !== before.last || r.start.seq !== before.lastSeq + 1)) {
      io.err(`${file}:1: does not continue ${before.file} (it ends at seq ${before.lastSeq}; this file starts at seq ${r.start.seq} with another prev): records are missing between them`);
      ok = false;
    } else {
      io.out(`${file}: intact, ${r.records} records, last hash ${r.last}${continuous && before !== null ? `, continues ${before.file}` : ''}`);
    }
    // An empty file (rotated with nothing in it) leaves the seam where it was.
    if (!r.ok) before = null;
    else if (r.start !== null) before = { file, last: r.last, lastSeq: r.lastSeq };
  }
  return ok ? EXIT.ok : EXIT.invalid;
}
