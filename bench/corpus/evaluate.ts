import { scan, type Finding, type Scanner } from '../../src/detect/index.js';
import type { LabelledDoc } from './generate.js';
import type { Span } from './locate.js';

export interface Rate {
  hit: number;
  total: number;
}

export interface Evaluation {
  readonly docs: number;
  /** PHI documents flagged / PHI documents. */
  readonly docRecall: Rate;
  /** PHI-free documents flagged / PHI-free documents. */
  readonly docFalsePositive: Rate;
  /** Ground-truth spans in structured payloads overlapped by any finding. */
  readonly structuredSpanRecall: Rate;
  /** Ground-truth spans in free text overlapped by any finding. */
  readonly textSpanRecall: Rate;
  readonly byKind: Map<string, { phi: boolean; flagged: Rate }>;
  /** Per identifier: spans overlapped by a finding of that identifier. */
  readonly byIdentifier: Map<string, Rate>;
  /** Per detector: findings that overlap a labelled span / all its findings in labelled documents. */
  readonly byDetector: Map<string, { precision: Rate; spansFound: number }>;
}

const overlaps = (f: Finding, s: Span): boolean => f.layer === undefined && f.start < s.end && s.start < f.end;
const bump = (r: Rate, hit: boolean): void => {
  r.total++;
  if (hit) r.hit++;
};
const get = <K, V>(m: Map<K, V>, k: K, make: () => V): V => {
  let v = m.get(k);
  if (v === undefined) m.set(k, (v = make()));
  return v;
};

export function evaluate(scanner: Scanner, docs: readonly LabelledDoc[], minConfidence = 0.5): Evaluation {
  const e: Evaluation = {
    docs: docs.length,
    docRecall: { hit: 0, total: 0 },
    docFalsePositive: { hit: 0, total: 0 },
    structuredSpanRecall: { hit: 0, total: 0 },
    textSpanRecall: { hit: 0, total: 0 },
    byKind: new Map(),
    byIdentifier: new Map(),
    byDetector: new Map(),
  };
  for (const doc of docs) {
    const r = scan(scanner, doc.body, { contentType: doc.contentType, contentEncoding: doc.contentEncoding, minConfidence });
    bump(doc.phi ? e.docRecall : e.docFalsePositive, r.phi);
    bump(get(e.byKind, doc.kind, () => ({ phi: doc.phi, flagged: { hit: 0, total: 0 } })).flagged, r.phi);
    for (const s of doc.spans) {
      bump(doc.structured ? e.structuredSpanRecall : e.textSpanRecall, r.findings.some((f) => overlaps(f, s)));
      bump(get(e.byIdentifier, s.identifier, () => ({ hit: 0, total: 0 })), r.findings.some((f) => f.identifier === s.identifier && overlaps(f, s)));
    }
    // Precision only where every PHI value is labelled: labelled PHI documents and PHI-free ones.
    if (doc.phi && doc.spans.length === 0) continue;
    for (const f of r.findings) {
      const d = get(e.byDetector, f.detector, () => ({ precision: { hit: 0, total: 0 }, spansFound: 0 }));
      const hit = doc.spans.some((s) => overlaps(f, s));
      bump(d.precision, hit);
      if (hit) d.spansFound++;
    }
  }
  return e;
}

const pct = (r: Rate, digits = 2): string => (r.total === 0 ? '—' : `${((100 * r.hit) / r.total).toFixed(digits)} %`);
const frac = (r: Rate): string => `${r.hit}/${r.total}`;

/** The evaluation as Markdown tables, for detectors/README.md. */
export function toMarkdown(e: Evaluation): string {
  const lines: string[] = [];
  lines.push('| measure | result | target |', '|---|---|---|');
  lines.push(`| document recall (PHI documents flagged) | ${pct(e.docRecall)} (${frac(e.docRecall)}) | >= 99.5 % |`);
  lines.push(`| document false-positive rate (PHI-free documents flagged) | ${pct(e.docFalsePositive)} (${frac(e.docFalsePositive)}) | <= 0.5 % |`);
  lines.push(`| span recall, structured payloads | ${pct(e.structuredSpanRecall)} (${frac(e.structuredSpanRecall)}) | >= 98 % |`);
  lines.push(`| span recall, free text | ${pct(e.textSpanRecall)} (${frac(e.textSpanRecall)}) | — |`);
  lines.push('', '| payload kind | PHI? | flagged |', '|---|---|---|');
  for (const [kind, k] of [...e.byKind].sort()) lines.push(`| ${kind} | ${k.phi ? 'yes' : 'no'} | ${pct(k.flagged, 1)} (${frac(k.flagged)}) |`);
  lines.push('', '| identifier | spans found by a finding of that identifier |', '|---|---|');
  for (const [id, r] of [...e.byIdentifier].sort()) lines.push(`| ${id} | ${pct(r, 1)} (${frac(r)}) |`);
  lines.push('', '| detector | precision (findings on labelled PHI) | labelled spans it found |', '|---|---|---|');
  for (const [id, d] of [...e.byDetector].sort()) lines.push(`| ${id} | ${pct(d.precision, 1)} (${frac(d.precision)}) | ${d.spansFound} |`);
  return lines.join('\n');
}
