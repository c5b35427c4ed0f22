import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Node } from 'yaml';
import RE2 from 're2';
import { mayMatchEmpty } from './find-all.js';
import { PolicyError, YamlSource, type Problem } from '../policy/yaml-source.js';
import { IDENTIFIERS, type Identifier } from './types.js';
import { VALIDATOR_NAMES, type ValidatorName } from './validators.js';

export const STRUCTURES = ['json-fields', 'fhir', 'hl7v2', 'x12', 'csv', 'form', 'xml-fields', 'vcard', 'dicom'] as const;
export type Structure = (typeof STRUCTURES)[number];

export interface PatternSpec {
  readonly regex: string;
  /** Confidence of a match without context; overrides the detector's base. */
  readonly confidence: number | null;
}

/** One detector as its YAML file describes it. */
export interface DetectorSpec {
  readonly id: string;
  readonly name: string;
  readonly identifier: Identifier;
  readonly file: string;
  readonly patterns: readonly PatternSpec[];
  /**
   * A cheap regex that must match somewhere in a payload for the patterns to be run over it
   * (their context aside): for a pattern that begins with a name's shape, which would make the
   * set's pass over every payload dearer, and ends with something rare ("'s A1c").
   */
  readonly trigger: string | null;
  readonly structure: Structure | null;
  readonly validator: ValidatorName | null;
  readonly context: {
    readonly words: readonly string[];
    readonly negative: readonly string[];
    readonly window: number;
    readonly required: boolean;
    /** Words right before a value (spaces between) that make it no finding: a provider's title, "Dr." (lower-cased). */
    readonly notAfter: readonly string[];
    /** Marks right after a value (a comma and spaces between) that make it no finding: a provider's credential, "MD" (case as written). */
    readonly notBefore: readonly string[];
    /** Phrases right after a value (a possessive and spaces between) that make it no finding: a name appointed to an office, "appointment as" (lower-cased). */
    readonly notFollowedBy: readonly string[];
  };
  readonly confidence: { readonly base: number; readonly context: number };
  readonly examples: { readonly match: readonly string[]; readonly noMatch: readonly string[] };
}

/** Field names that hold PHI (JSON keys, CSV headers, form fields), by identifier. */
export interface KeySpec {
  readonly prefixes: readonly string[];
  readonly keys: ReadonlyMap<Identifier, readonly string[]>;
  readonly prefixedOnly: ReadonlyMap<Identifier, readonly string[]>;
  /** Names that read as a prefix and a field name but mean something else in everyday APIs (`parent id`: a tree's parent node). */
  readonly notKeys: readonly string[];
}

const DETECTOR_KEYS = ['id', 'name', 'identifier', 'description', 'patterns', 'trigger', 'structure', 'validator', 'context', 'confidence', 'examples'];

function readDetector(src: YamlSource): DetectorSpec | undefined {
  const f = src.map(src.doc.contents, 'detector', DETECTOR_KEYS);
  if (f === undefined) return undefined;
  const get = (k: string): Node | null | undefined => f.get(k)?.value;
  const id = src.string(get('id'), 'id');
  if (id === undefined) return undefined;
  if (!/^[a-z0-9-]+$/.test(id)) return src.report(get('id'), `detector id "${id}" must use only a-z, 0-9 and "-"`);
  const identifier = src.oneOf(get('identifier'), 'identifier', IDENTIFIERS);
  const structure = f.has('structure') ? (src.oneOf(get('structure'), 'structure', STRUCTURES) ?? null) : null;

  const patterns: PatternSpec[] = [];
  for (const node of f.has('patterns') ? (src.seq(get('patterns'), 'patterns') ?? []) : []) {
    const asMap = src.deref(node);
    let regex: string | undefined;
    let confidence: number | null = null;
    if (asMap !== null && asMap !== undefined && 'items' in asMap) {
      const p = src.map(asMap, 'pattern', ['regex', 'confidence']);
      regex = src.string(p?.get('regex')?.value, 'regex');
      if (p?.has('confidence') === true) confidence = src.number(p.get('confidence')?.value, 'pattern confidence', 0, 1) ?? null;
    } else {
      regex = src.string(node, 'pattern');
    }
    if (regex === undefined) continue;
    try {
      new RE2(regex, 'u');
    } catch (e) {
      src.report(node, `pattern is not valid RE2: ${(e as Error).message}`);
      continue;
    }
    if (mayMatchEmpty(regex)) {
      src.report(node, 'pattern can match the empty string: it must match at least one character');
      continue;
    }
    patterns.push({ regex, confidence });
  }
  if (patterns.length === 0 && structure === null) src.report(src.doc.contents, `detector "${id}" needs patterns or a structure`);
  let trigger: string | null = null;
  if (f.has('trigger')) {
    const node = get('trigger');
    const regex = src.string(node, 'trigger');
    if (regex !== undefined) {
      try {
        new RE2(regex, 'u');
        if (mayMatchEmpty(regex)) src.report(node, 'trigger can match the empty string: it must match at least one character');
        else if (patterns.length === 0) src.report(node, 'a trigger needs patterns to run');
        else trigger = regex;
      } catch (e) {
        src.report(node, `trigger is not valid RE2: ${(e as Error).message}`);
      }
    }
  }

  const validator = f.has('validator') ? (src.oneOf(get('validator'), 'validator', VALIDATOR_NAMES) ?? null) : null;

  const ctx = f.has('context') ? src.map(get('context'), 'context', ['words', 'negative', 'window', 'required', 'not_after', 'not_before', 'not_followed_by']) : undefined;
  const words = ctx?.has('words') === true ? (src.strings(ctx.get('words')?.value, 'context.words') ?? []).map((w) => w.value) : [];
  const negative = ctx?.has('negative') === true ? (src.strings(ctx.get('negative')?.value, 'context.negative') ?? []).map((w) => w.value) : [];
  const window = ctx?.has('window') === true ? (src.integer(ctx.get('window')?.value, 'context.window', 1, 512) ?? 40) : 40;
  const required = ctx?.has('required') === true ? (src.boolean(ctx.get('required')?.value, 'context.required') ?? false) : false;
  if (required && words.length === 0) src.report(get('context'), 'context.required needs context.words');
  const notAfter = ctx?.has('not_after') === true ? (src.strings(ctx.get('not_after')?.value, 'context.not_after') ?? []).map((w) => w.value.toLowerCase()) : [];
  const notBefore = ctx?.has('not_before') === true ? (src.strings(ctx.get('not_before')?.value, 'context.not_before') ?? []).map((w) => w.value) : [];
  const notFollowedBy = ctx?.has('not_followed_by') === true ? (src.strings(ctx.get('not_followed_by')?.value, 'context.not_followed_by') ?? []).map((w) => w.value.toLowerCase()) : [];

  const conf = f.has('confidence') ? src.map(get('confidence'), 'confidence', ['base', 'context']) : undefined;
  const base = conf?.has('base') === true ? (src.number(conf.get('base')?.value, 'confidence.base', 0, 1) ?? 0.5) : 0.5;
  const withContext = conf?.has('context') === true ? (src.number(conf.get('context')?.value, 'confidence.context', 0, 1) ?? base) : Math.max(base, 0.9);

  const ex = src.map(get('examples'), 'examples', ['match', 'no_match']);
  const match = (src.strings(ex?.get('match')?.value, 'examples.match') ?? []).map((s) => s.value);
  const noMatch = (src.strings(ex?.get('no_match')?.value, 'examples.no_match') ?? []).map((s) => s.value);
  if (ex !== undefined && (match.length === 0 || noMatch.length === 0)) {
    src.report(get('examples'), `detector "${id}" needs at least one match and one no_match example`);
  }
  if (identifier === undefined) return undefined;
  return {
    id,
    name: f.has('name') ? (src.string(get('name'), 'name') ?? id) : id,
    identifier,
    file: src.file,
    patterns,
    trigger,
    structure,
    validator,
    context: { words, negative, window, required, notAfter, notBefore, notFollowedBy },
    confidence: { base, context: withContext },
    examples: { match, noMatch },
  };
}

function readKeys(src: YamlSource): KeySpec | undefined {
  const f = src.map(src.doc.contents, 'phi-keys.yaml', ['prefixes', 'keys', 'prefixed_only', 'not_keys']);
  if (f === undefined) return undefined;
  const byIdentifier = (node: Node | null | undefined, what: string): Map<Identifier, string[]> => {
    const out = new Map<Identifier, string[]>();
    const m = src.map(node, what, IDENTIFIERS);
    for (const [k, pair] of m ?? []) out.set(k as Identifier, (src.strings(pair.value, `${what}.${k}`) ?? []).map((s) => s.value.toLowerCase()));
    return out;
  };
  return {
    prefixes: (src.strings(f.get('prefixes')?.value, 'prefixes') ?? []).map((s) => s.value.toLowerCase()),
    keys: byIdentifier(f.get('keys')?.value, 'keys'),
    prefixedOnly: f.has('prefixed_only') ? byIdentifier(f.get('prefixed_only')?.value, 'prefixed_only') : new Map(),
    notKeys: f.has('not_keys') ? (src.strings(f.get('not_keys')?.value, 'not_keys') ?? []).map((s) => s.value.toLowerCase()) : [],
  };
}

export interface Pack {
  readonly detectors: readonly DetectorSpec[];
  readonly keys: KeySpec;
}

/**
 * Reads the shipped pack and any extra folders; a detector with the same id as an earlier
 * one replaces it. Throws PolicyError (file:line:column) on any bad file.
 */
export function loadPack(dirs: readonly string[]): Pack {
  const problems: Problem[] = [];
  const byId = new Map<string, DetectorSpec>();
  let keys: KeySpec | undefined;
  for (const dir of dirs) {
    if (!existsSync(dir)) {
      problems.push({ file: dir, line: 1, col: 1, severity: 'error', message: 'detector folder not found' });
      continue;
    }
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.yaml') || n.endsWith('.yml')).sort()) {
      const file = join(dir, name);
      const src = new YamlSource(file, readFileSync(file, 'utf8'), problems);
      if (!src.ok) continue;
      const spec = readDetector(src);
      if (spec !== undefined) byId.set(spec.id, spec);
    }
    const keysFile = join(dir, 'data', 'phi-keys.yaml');
    if (existsSync(keysFile)) {
      const src = new YamlSource(keysFile, readFileSync(keysFile, 'utf8'), problems);
      if (src.ok) keys = readKeys(src) ?? keys;
    }
  }
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) throw new PolicyError(errors);
  return { detectors: [...byId.values()], keys: keys ?? { prefixes: [], keys: new Map(), prefixedOnly: new Map(), notKeys: [] } };
}
