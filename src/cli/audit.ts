import { readFileSync } from 'node:fs';
import { verifyChain } from '../audit/chain.js';
import type { Context } from './commands.js';
import { EXIT, UsageError } from './io.js';

/** phiwall audit verify FILE...: checks each file's hash chain; exit 1 at the first break. */
export function auditCommand(argv: readonly string[], { io }: Context): number {
  const [sub, ...files] = argv;
  if (sub !== 'verify' || files.length === 0) throw new UsageError('usage: phiwall audit verify FILE...');
  let ok = true;
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      io.err(`${file}: ${(e as NodeJS.ErrnoException).code ?? 'cannot read'}`);
      ok = false;
      continue;
    }
    const r = verifyChain(text);
    if (r.ok) io.out(`${file}: intact, ${r.records} records, last hash ${r.last}`);
    else {
      io.err(`${file}:${r.error!.line}: ${r.error!.message} (${r.records} records verified before it)`);
      ok = false;
    }
  }
  return ok ? EXIT.ok : EXIT.invalid;
}
