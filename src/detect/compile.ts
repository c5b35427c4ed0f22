import RE2 from 're2';
import type { DetectorSpec, KeySpec, Pack, Structure } from './pack.js';
import type { Finding, Identifier } from './types.js';
import { VALIDATORS } from './validators.js';

export interface CompiledPattern {
  readonly detector: CompiledDetector;
  readonly re: RE2;
  readonly confidence: number;
}

export interface CompiledDetector {
  readonly spec: DetectorSpec;
  readonly id: string;
  readonly identifier: Identifier;
  readonly validate: ((text: string) => boolean) | null;
  readonly context: RE2 | null;
  readonly negative: RE2 | null;
}

export interface KeyTable {
  /** Matches a field name that holds PHI (case and separators ignored). */
  readonly alternation: string;
  /** Identifier for a normalized field name (lower case, letters and digits only). */
  identify(rawKey: string): Identifier | null;
}

export interface Scanner {
  readonly detectors: readonly CompiledDetector[];
  readonly structural: ReadonlyMap<Structure, CompiledDetector>;
  readonly keys: KeyTable;
  /** Runs the pattern pass over `buf`, appending findings (offsets + base). */
  scanText(buf: Buffer, out: Finding[], base: number, layer?: string): void;
}

const SEP = '[_\\-. ]?';

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function wordsRe(words: readonly string[]): RE2 | null {
  if (words.length === 0) return null;
  // Word start: a context word must not be the tail of a longer word ("pt" in "script").
  return new RE2(`(?i)(?:^|[^A-Za-z0-9])(?:${words.map(escapeRe).join('|')})`, 'u');
}

const phrase = (p: string): string => p.split(/[\s_-]+/).map(escapeRe).join(SEP);
const normalizeKey = (k: string): string => k.toLowerCase().replace(/[^a-z0-9]/g, '');

export function compileKeys(spec: KeySpec): KeyTable {
  const direct = new Map<string, Identifier>();
  const prefixed = new Map<string, Identifier>();
  for (const [id, list] of spec.keys) for (const k of list) direct.set(normalizeKey(k), id);
  for (const [id, list] of spec.prefixedOnly) for (const k of list) prefixed.set(normalizeKey(k), id);
  const prefixes = spec.prefixes.map(normalizeKey).sort((a, b) => b.length - a.length);
  const prefixAlt = spec.prefixes.map(phrase).join('|');
  const directAlt = [...spec.keys.values()].flat().map(phrase).join('|');
  const prefixedAlt = [...spec.prefixedOnly.values()].flat().map(phrase).join('|');
  const parts = [`(?:(?:${prefixAlt})${SEP})?(?:${directAlt})`];
  if (prefixedAlt !== '') parts.push(`(?:${prefixAlt})${SEP}(?:${prefixedAlt})`);
  return {
    alternation: `(?i:${parts.join('|')})`,
    identify(rawKey) {
      const k = normalizeKey(rawKey);
      const hit = direct.get(k);
      if (hit !== undefined) return hit;
      for (const p of prefixes) {
        if (k.startsWith(p) && k.length > p.length) {
          const rest = k.slice(p.length);
          const found = direct.get(rest) ?? prefixed.get(rest);
          if (found !== undefined) return found;
        }
      }
      return null;
    },
  };
}

/**
 * Compiles the pack once: every pattern goes into one RE2 set, which tells in a single pass
 * which patterns can match at all; only those are then run for positions, and validators
 * and context are applied to their candidates alone.
 */
export function compilePack(pack: Pack, extraMrnPatterns: readonly string[] = []): Scanner {
  const detectors: CompiledDetector[] = [];
  const patterns: CompiledPattern[] = [];
  const structural = new Map<Structure, CompiledDetector>();
  const specs = [...pack.detectors];
  if (extraMrnPatterns.length > 0) {
    specs.push({
      id: 'clinic-mrn',
      name: "The clinic's own MRN formats (scan.mrn_patterns)",
      identifier: 'mrn',
      file: 'phiwall.yaml',
      patterns: extraMrnPatterns.map((regex) => ({ regex, confidence: null })),
      structure: null,
      validator: null,
      context: { words: [], negative: [], window: 40, required: false },
      confidence: { base: 0.9, context: 0.95 },
      examples: { match: [], noMatch: [] },
    });
  }
  for (const spec of specs) {
    const d: CompiledDetector = {
      spec,
      id: spec.id,
      identifier: spec.identifier,
      validate: spec.validator === null ? null : VALIDATORS[spec.validator],
      context: wordsRe(spec.context.words),
      negative: wordsRe(spec.context.negative),
    };
    detectors.push(d);
    if (spec.structure !== null) structural.set(spec.structure, d);
    for (const p of spec.patterns) {
      patterns.push({ detector: d, re: new RE2(p.regex, 'gdu'), confidence: p.confidence ?? spec.confidence.base });
    }
  }
  const set = patterns.length === 0 ? null : new RE2.Set(patterns.map((p) => p.re.source), 'u');

  function scanText(buf: Buffer, out: Finding[], base: number, layer?: string): void {
    if (set === null || buf.length === 0) return;
    for (const index of set.match(buf)) {
      const p = patterns[index]!;
      const d = p.detector;
      const { window, required } = d.spec.context;
      const re = p.re;
      re.lastIndex = 0;
      let m: ReturnType<RE2['exec']>;
      while ((m = re.exec(buf)) !== null) {
        const span = m.indices?.groups?.['v'] ?? m.indices?.[0];
        if (span === undefined) break;
        const [start, end] = span;
        if (m[0].length === 0) re.lastIndex++;
        if (end <= start) continue;
        if (d.validate !== null && !d.validate(buf.toString('utf8', start, end))) continue;
        let confidence = p.confidence;
        if (d.context !== null || d.negative !== null) {
          const around = buf.subarray(Math.max(0, start - window), Math.min(buf.length, end + window));
          const positive = d.context?.test(around) ?? false;
          if (positive) confidence = Math.max(confidence, d.spec.confidence.context);
          else if (required || (d.negative?.test(around) ?? false)) continue;
        }
        const finding: Finding = { detector: d.id, identifier: d.identifier, start: start + base, end: end + base, confidence };
        out.push(layer === undefined ? finding : { ...finding, layer });
      }
    }
  }

  return { detectors, structural, keys: compileKeys(pack.keys), scanText };
}
