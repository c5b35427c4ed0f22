/**
 * npm run bench:scan [-- --quick] — MB/s of the full detector pack, one core, on clean and
 * PHI-dense payloads of each format, beside openredaction and redact-pii run in the same
 * process on the same text payloads. Rounds are interleaved (A B C A B C ...) so that drift
 * on a shared machine hits every scanner alike; the median round is reported.
 */
import { gzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';
import { createScanner, scan } from '../src/detect/index.js';
import { generateCorpus, type LabelledDoc } from './corpus/generate.js';
import { median, table, writeResult } from './common.js';

const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false }, 'no-peers': { type: 'boolean', default: false } } });
const quick = values.quick === true || process.env['npm_config_quick'] === 'true';
const ROUNDS = quick ? 3 : 7;
const PEER_BUDGET_MS = quick ? 300 : 1500;

interface Payload {
  readonly name: string;
  readonly docs: readonly LabelledDoc[];
  readonly bytes: number;
}

const corpus = generateCorpus(99, 300);
const kinds = new Map<string, LabelledDoc[]>();
for (const d of corpus) (kinds.get(d.kind) ?? kinds.set(d.kind, []).get(d.kind)!).push(d);

function payload(name: string, docs: LabelledDoc[]): Payload {
  return { name, docs, bytes: docs.reduce((n, d) => n + d.body.length, 0) };
}

/** One large document: many small ones joined, the way a batch upload or export looks. */
function joined(name: string, kind: string, sep: string, wrap: (s: string) => string = (s) => s): Payload {
  const text = wrap(kinds.get(kind)!.map((d) => d.body.toString()).join(sep));
  const doc: LabelledDoc = { id: name, kind, contentType: kinds.get(kind)![0]!.contentType!, body: Buffer.from(text), spans: [], phi: false, structured: false };
  return payload(name, [doc]);
}

/** An attachment as many APIs send it: 256 KiB of (deterministic pseudo-random) bytes as base64 in JSON. */
function attachment(): Payload {
  const bytes = Buffer.alloc(192 * 1024);
  for (let i = 0, x = 99; i < bytes.length; i++) bytes[i] = (x = (x * 1103515245 + 12345) >>> 0) >>> 24;
  const body = Buffer.from(JSON.stringify({ filename: 'scan.pdf', content: bytes.toString('base64') }));
  return payload('clean base64 attachment in JSON (1 doc)', [{ id: 'attachment', kind: 'clean-attachment', contentType: 'application/json', body, spans: [], phi: false, structured: false }]);
}

/** Every document of the kinds named, or of all kinds, in one fixed shuffled order: traffic of many kinds, as a clinic sends it. */
function shuffled(name: string, keep: (d: LabelledDoc) => boolean): Payload {
  let x = 7;
  const docs = corpus.filter(keep).map((d) => ({ d, key: (x = (x * 1103515245 + 12345) >>> 0) }));
  return payload(name, docs.sort((a, b) => a.key - b.key).map(({ d }) => d));
}

/** One large document of many kinds of parts, the way a FHIR bundle or a log batch is one. */
function mixed(name: string, kindsOf: readonly string[], open: string, sep: string, close: string, contentType: string): Payload {
  const text = open + corpus.filter((d) => kindsOf.includes(d.kind) && (contentType !== 'application/json' || d.contentType?.includes('json') === true)).map((d) => d.body.toString()).join(sep) + close;
  return payload(name, [{ id: name, kind: 'mixed', contentType, body: Buffer.from(text), spans: [], phi: false, structured: false }]);
}

const payloads: Payload[] = [
  payload('clean analytics JSON (per request)', kinds.get('clean-analytics')!),
  payload('clean API JSON (per request)', kinds.get('clean-api')!),
  payload('clean FHIR terminology (per request)', kinds.get('clean-fhir-terminology')!),
  payload('clean prose (per request)', kinds.get('clean-prose')!),
  joined('clean analytics JSON batch (1 doc)', 'clean-analytics', ',', (s) => `[${s}]`),
  joined('clean log batch (1 doc)', 'clean-log', '\n'),
  joined('clean prose batch (1 doc)', 'clean-prose', '\n\n'),
  attachment(),
  shuffled('clean traffic of every clean kind, shuffled (per request)', (d) => !d.phi),
  mixed('FHIR bundle of mixed resources (1 doc)', ['fhir-patient', 'clean-fhir-terminology', 'forms-and-exports', 'registration-and-exports'], '[', ',', ']', 'application/json'),
  mixed('log batch of many services (1 doc)', ['clean-log', 'app-telemetry', 'clean-app-telemetry', 'error-reports', 'clean-error-reports', 'clean-telemetry'], '', '\n', '\n', 'text/plain'),
  payload('PHI FHIR Patient (per request)', kinds.get('fhir-patient')!),
  payload('PHI HL7 v2 ADT (per request)', kinds.get('hl7-adt')!),
  payload('PHI X12 837 (per request)', kinds.get('x12-837')!),
  payload('PHI CSV export (per request)', kinds.get('csv-export')!),
  payload('PHI clinical notes (per request)', kinds.get('clinical-note')!),
  joined('PHI-dense notes batch (1 doc)', 'clinical-note', '\n\n'),
  shuffled('PHI and clean traffic of every kind, shuffled (per request)', () => true),
  payload('PHI gzip notes (per request)', [...kinds.get('clinical-note')!].map((d) => ({ ...d, body: gzipSync(d.body), contentEncoding: 'gzip' }))),
];

type Scanner = (p: Payload) => void;

const pack = createScanner();
const phiwall: Scanner = (p) => {
  for (const d of p.docs) scan(pack, d.body, { contentType: d.contentType, contentEncoding: d.contentEncoding });
};

// Peers work on strings and know nothing of compression or structure: they get the text.
const peers: Record<string, Scanner | null> = {};
// --no-peers: phiwall alone in the process (no other scanner's garbage collection in its rounds).
if (values['no-peers'] !== true) {
  peers.openredaction = null;
  peers['redact-pii'] = null;
  try {
    const { OpenRedaction } = await import('openredaction');
    const o = new OpenRedaction();
    peers.openredaction = (p) => {
      for (const d of p.docs) void o.detect(d.body.toString());
    };
  } catch (e) {
    console.log(`openredaction: skipped (${(e as Error).message})`);
  }
  try {
    const rp = (await import('redact-pii')).default as { SyncRedactor: new () => { redact(s: string): string } };
    const r = new rp.SyncRedactor();
    peers['redact-pii'] = (p) => {
      for (const d of p.docs) r.redact(d.body.toString());
    };
  } catch (e) {
    console.log(`redact-pii: skipped (${(e as Error).message})`);
  }
}

/** Each round scans for at least this long: one pass over a single large document is too short to time. */
const MIN_ROUND_MS = quick ? 100 : 200;

/**
 * MB/s over repeated passes for at least MIN_ROUND_MS; a peer whose single pass would take
 * too long runs on a prefix of the documents.
 */
function measure(fn: Scanner, p: Payload, budgetMs: number): number {
  let docs = p.docs;
  let bytes = p.bytes;
  const t0 = performance.now();
  fn({ ...p, docs: docs.slice(0, 1) });
  const first = performance.now() - t0;
  if (first * docs.length > budgetMs && docs.length > 1) {
    docs = docs.slice(0, Math.max(1, Math.floor(budgetMs / Math.max(first, 0.01))));
    bytes = docs.reduce((n, d) => n + d.body.length, 0);
  }
  const part = { ...p, docs, bytes };
  const t = performance.now();
  let passes = 0;
  do {
    fn(part);
    passes++;
  } while (performance.now() - t < MIN_ROUND_MS);
  const s = (performance.now() - t) / 1000;
  return (bytes * passes) / 1e6 / s;
}

const names = ['phiwall', ...Object.keys(peers).filter((k) => peers[k] !== null)];
const rows: string[][] = [];
const json: Record<string, unknown>[] = [];
for (const p of payloads) {
  const isText = !p.docs[0]!.contentEncoding;
  const samples = new Map<string, number[]>(names.map((n) => [n, []]));
  phiwall(p); // warm-up
  for (let r = 0; r < ROUNDS; r++) {
    samples.get('phiwall')!.push(measure(phiwall, p, Infinity));
    for (const n of names.slice(1)) if (isText) samples.get(n)!.push(measure(peers[n]!, p, PEER_BUDGET_MS / ROUNDS));
  }
  const mbps = Object.fromEntries(names.map((n) => [n, samples.get(n)!.length === 0 ? null : median(samples.get(n)!)]));
  const pw = mbps['phiwall']!;
  rows.push([
    p.name,
    `${(p.bytes / p.docs.length / 1024).toFixed(1)} KiB x ${p.docs.length}`,
    pw.toFixed(0),
    ...names.slice(1).map((n) => (mbps[n] === null ? 'n/a' : `${mbps[n]!.toFixed(1)} (${(pw / mbps[n]!).toFixed(0)}x)`)),
  ]);
  json.push({ payload: p.name, docs: p.docs.length, bytes: p.bytes, mb_per_s: mbps, spread: Object.fromEntries(names.map((n) => [n, samples.get(n)!.map((x) => Math.round(x * 10) / 10)])) });
}
console.log(table(['payload', 'size', 'phiwall MB/s', ...names.slice(1).map((n) => `${n} MB/s (phiwall x)`)], rows));
console.log(`\nmedian of ${ROUNDS} interleaved rounds of at least ${MIN_ROUND_MS} ms each, one core; peers get the decoded text (they cannot read gzip).`);
console.log(`written: ${writeResult(values['no-peers'] === true ? 'scan-no-peers' : 'scan', { rounds: ROUNDS, results: json })}`);
