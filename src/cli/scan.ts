import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { createScanner, scan, type Finding, type ScanResult } from '../detect/index.js';
import { OwnIdentifiers } from '../detect/own.js';
import { loadPolicy } from '../policy/load.js';
import { PolicyError, formatProblem } from '../policy/yaml-source.js';
import { args, type Context } from './commands.js';
import { EXIT, UsageError } from './io.js';
import { formatTable } from './table.js';

const TYPES: Record<string, string> = {
  '.json': 'application/json',
  '.csv': 'text/csv',
  '.tsv': 'text/tab-separated-values',
  '.xml': 'application/xml',
  '.txt': 'text/plain',
  '.hl7': 'text/plain',
  '.x12': 'text/plain',
  '.edi': 'text/plain',
};
const ENCODINGS: Record<string, string> = { '.gz': 'gzip', '.br': 'br', '.zz': 'deflate' };

/** Content type and encoding guessed from a file name, as a proxy gets them from headers. */
function hintsFor(file: string): { contentType: string | undefined; contentEncoding: string | undefined } {
  let ext = extname(file).toLowerCase();
  const contentEncoding = ENCODINGS[ext];
  if (contentEncoding !== undefined) ext = extname(file.slice(0, -ext.length)).toLowerCase();
  return { contentType: TYPES[ext], contentEncoding };
}

/**
 * The shape of a matched value with every letter and digit masked (`###-##-####`). Shown
 * only with --preview; it tells a reviewer what kind of value matched without revealing it.
 */
export function maskedPreview(buf: Buffer, f: Finding): string {
  if (f.layer !== undefined) return `(in ${f.layer} layer)`;
  // UTF-16 text (scanned as text, spans in its bytes): the zero high bytes of ASCII are left out.
  const text = buf.toString('utf8', f.start, Math.min(f.end, f.start + 96)).replace(/\0/g, '').slice(0, 48);
  return text.replace(/[A-Za-z]/g, 'x').replace(/\d/g, '#').replace(/[^\x20-\x7e]/g, '?');
}

export function scanCommand(argv: readonly string[], { io }: Context): number {
  const { values, positionals } = args(
    argv,
    {
      detectors: { type: 'string', multiple: true, default: [] },
      json: { type: 'boolean', default: false },
      preview: { type: 'boolean', default: false },
      'min-confidence': { type: 'string' },
      own: { type: 'string', multiple: true, default: [] },
      policy: { type: 'string' },
    },
    true,
  );
  const given = values['min-confidence'] as string | undefined;
  const flagConfidence = given === undefined ? undefined : Number(given);
  if (flagConfidence !== undefined && !(flagConfidence >= 0 && flagConfidence <= 1)) throw new UsageError('--min-confidence takes a number from 0 to 1');
  const own = values.own as string[];
  const empty = own.find((v) => OwnIdentifiers.empty(v));
  if (empty !== undefined) throw new UsageError(`--own "${empty}" names nothing (a telephone number, an address, a ZIP code, an e-mail address or "@domain", a name or an NPI)`);
  let scanner;
  let minConfidence: number;
  try {
    // With --policy, the scan settings the proxy would use (its detectors, MRN formats, threshold
    // and own identifiers); the flags add to them (a flag's threshold wins).
    const settings = values.policy === undefined ? null : loadPolicy(values.policy as string).policy.settings.scan;
    minConfidence = flagConfidence ?? settings?.minConfidence ?? 0.5;
    scanner = createScanner({
      detectorDirs: [...(settings?.detectors ?? []), ...(values.detectors as string[])],
      mrnPatterns: settings?.mrnPatterns ?? [],
      minConfidence,
      ownIdentifiers: [...(settings?.ownIdentifiers ?? []), ...own],
    });
  } catch (e) {
    if (!(e instanceof PolicyError)) throw e;
    for (const p of e.problems) io.err(formatProblem(p));
    return EXIT.invalid;
  }
  const inputs = positionals.length === 0 ? ['-'] : positionals;
  let anyPhi = false;
  let anyUnscannable = false;
  let failed = false;
  const rows: string[][] = [];
  for (const file of inputs) {
    let buf: Buffer;
    try {
      buf = readFileSync(file === '-' ? 0 : file);
    } catch (e) {
      io.err(`phiwall scan: ${file}: ${(e as NodeJS.ErrnoException).code ?? 'cannot read'}`);
      failed = true;
      continue;
    }
    const result: ScanResult = scan(scanner, buf, { ...hintsFor(file), minConfidence });
    anyPhi ||= result.phi;
    anyUnscannable ||= result.unscannable !== null;
    if (values.json === true) {
      io.out(JSON.stringify({ file, phi: result.phi, format: result.format, bytes: result.bytes, findings: result.findings, ...(result.unscannable === null ? {} : { unscannable: result.unscannable }) }));
      continue;
    }
    if (result.findings.length === 0) {
      rows.push([file, result.format, result.unscannable === null ? '(no PHI)' : `(unscannable: ${result.unscannable})`, '', '', '', ...(values.preview === true ? [''] : [])]);
    }
    for (const f of result.findings) {
      rows.push([
        file,
        result.format,
        f.detector,
        f.identifier,
        `${f.layer === undefined ? '' : `${f.layer}:`}${f.start}-${f.end}`,
        f.confidence.toFixed(2),
        ...(values.preview === true ? [maskedPreview(buf, f)] : []),
      ]);
    }
  }
  if (values.json !== true && rows.length > 0) {
    io.out(formatTable(['FILE', 'FORMAT', 'DETECTOR', 'IDENTIFIER', 'BYTES', 'CONFIDENCE', ...(values.preview === true ? ['PREVIEW'] : [])], rows));
  }
  if (failed) return EXIT.invalid;
  if (anyPhi) return EXIT.phiFound;
  return anyUnscannable ? EXIT.unscannable : EXIT.ok;
}
