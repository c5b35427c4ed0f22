import { isAscii } from 'node:buffer';
import RE2 from 're2';
import { FindAll } from './find-all.js';
import { nativeSet, type CreateNativeSet, type NativeMatch } from './native-set.js';
import { OwnIdentifiers } from './own.js';
import { LOGFMT_SOURCE, NAME_LABEL_PROBE, formLabelledSource, jsonObjectsSource, pairProbes } from './formats/pairs.js';
import { WordFinder, WordPositions } from './words.js';
import { folded } from './names.js';
import type { DetectorSpec, KeySpec, Pack, Structure } from './pack.js';
import type { Finding, Identifier } from './types.js';
import { VALIDATORS, visitName } from './validators.js';

export interface CompiledPattern {
  readonly detector: CompiledDetector;
  /** Every match, with the span of the value group (?P<v>...) when the pattern has one. */
  readonly find: FindAll;
  readonly hasValueGroup: boolean;
  /** The pattern marks a person's name (?P<n>...) beside its value: it counts only where that reads as one (visitName). */
  readonly hasNameGroup: boolean;
  readonly confidence: number;
}

export interface CompiledDetector {
  readonly spec: DetectorSpec;
  readonly id: string;
  readonly identifier: Identifier;
  readonly validate: ((text: string) => boolean) | null;
  /** The context words as one RE2, for the single-pass set. */
  readonly contextRe: RE2 | null;
  /** The context words, and the negative ones, as indexes into the pack's word finder; null when none. Matched at a word start. */
  readonly contextIds: readonly number[] | null;
  readonly negativeIds: readonly number[] | null;
  /** True when the value at [start, end) of the payload sits after a not_after word or before a not_before mark; null when the detector has none. */
  readonly excludes: ((buf: Buffer, start: number, end: number) => boolean) | null;
}

export interface KeyTable {
  /** Matches a field name that holds PHI (case and separators ignored). */
  readonly alternation: string;
  /** Identifier for a normalized field name (lower case, letters and digits only). */
  identify(rawKey: string): Identifier | null;
}

/**
 * What the pattern pass saw besides findings, from the same RE2 set pass, so that the format
 * extractors that would find nothing are not run: bits of `PROBE_*`.
 */
export type Probes = number;
/** A JSON pair whose key names PHI (the pattern jsonFields runs) occurs. */
export const PROBE_JSON_PAIRS = 1;
/** `"Patient"`, `"RelatedPerson"` or `"Person"` occurs: a FHIR person resource may be there. */
export const PROBE_PERSON = 2;
/** A PHI-named form or query field (the pattern formFields runs) occurs. */
export const PROBE_FORM_PAIRS = 4;
/** A PHI-named XML element (the pattern xmlFields runs) occurs. */
export const PROBE_XML_PAIRS = 8;
/** `"resourceType"` occurs: JSON that is FHIR. */
export const PROBE_RESOURCE_TYPE = 16;
/** Three digits follow an underscore: a token glued by underscores may hide an identifier (see gluedTokens). */
export const PROBE_GLUED = 32;
/**
 * An HL7 v2 message (MSH, or a batch's FHS/BHS), an X12 interchange (ISA) or a JSON object
 * begins inside a string: a message logged or wrapped in JSON, a form field, an XML element.
 * See scanEmbedded in scan.ts.
 */
export const PROBE_EMBEDDED = 64;
/**
 * `ISA*00` (ISA, its element separator, ISA01's 00/03 qualifier; the separator may be
 * percent-encoded in a form), `MSH|` (or `MSH%7C`), `FHS|`, `BHS|`, and `"{\"`: a JSON string
 * that holds JSON.
 */
const EMBEDDED_SOURCE = '\\bISA(?:[^A-Za-z0-9\\s]|%[0-9A-Fa-f]{2})0[0-9]|\\b(?:MSH|FHS|BHS)(?:\\||%7[Cc])|"\\{\\\\"';
/** A MIME part header says quoted-printable: the text is read again decoded (see quotedPrintable). */
export const PROBE_QUOTED_PRINTABLE = 128;
const QUOTED_PRINTABLE_SOURCE = '(?i)content-transfer-encoding:[ \\t]*"?quoted-printable';
/**
 * JSON objects whose members are named by something else: a member names the field
 * (`"name": "date_of_birth"`, the value in another member), a parent names the person
 * (`"patient": {"last": ...}`), or a table's first row names the columns. See
 * jsonObjectFields; the source is jsonObjectsSource in formats/pairs.ts.
 */
export const PROBE_JSON_OBJECTS = 256;
/**
 * A person element of FHIR XML or a C-CDA document starts (`<Patient`, `<patientRole>`), or an
 * element names a PHI field in a child or an attribute (`<Name>LastName</Name>`,
 * `name="dob"`): see xmlStructures.
 */
export const PROBE_XML_STRUCTURES = 512;
const xmlStructuresSource = (keys: string): string =>
  '<(?:[A-Za-z0-9_]+:)?(?:Patient|RelatedPerson|Person|patientRole|patient|guardianPerson|associatedPerson)[\\s/>]' +
  `|<(?:[A-Za-z0-9_]+:)?(?i:name|key|label|fieldname|field_name)>\\s*(?:${keys})\\s*</` +
  `|\\s(?i:name|key|label|id)\\s*=\\s*["'](?:${keys})["']`;
/** A vCard or iCalendar object: folded lines to undo, and a contact card's properties (see formats/vcard.ts). */
export const PROBE_VCARD = 1024;
const VCARD_SOURCE = '(?i)BEGIN:(?:VCARD|VCALENDAR|VEVENT)';
/**
 * A form parameter names a PHI field for another one (`fields[0][name]=last_name`): see
 * formLabelledFields; the source is formLabelledSource in formats/pairs.ts.
 */
export const PROBE_FORM_LABELLED = 2048;
/**
 * A DOM serialized as JSON, each text node a string of its own (session replay: rrweb's
 * `"textContent"` and a mutation's `"texts"`): the page's text is read joined (see formats/dom-text.ts).
 */
export const PROBE_DOM_TEXT = 4096;
const DOM_TEXT_SOURCE = '"textContent"\\s*:|"texts"\\s*:\\s*\\[';
/** A log line in logfmt (`level=`, `msg=`): its PHI-named pairs are read (see logfmtPairSource in formats/pairs.ts). */
export const PROBE_LOGFMT = 8192;
/** A name labelled outside JSON keys and form pairs (`FirstName="Rosa"`, `first_name: Rosa`): see nameLabels in formats/fields.ts. */
export const PROBE_NAME_LABELS = 16384;
/** A Google Forms answer (`entry.1234567=`): see googleFormAnswers in formats/fields.ts. */
export const PROBE_GOOGLE_FORM = 32768;
const GOOGLE_FORM_SOURCE = '(?:^|&)entry\\.[0-9]';
/**
 * A DICOM JSON attribute of the groups that hold the patient's (0010), the study's (0008) and
 * the visit's (0038): `"00100010": {` (see formats/dicom.ts).
 */
export const PROBE_DICOM = 65536;
const DICOM_SOURCE = '"00(?:08|10|38)[0-9A-Fa-f]{4}"\\s*:\\s*\\{';
/**
 * `DOB_1947`, `patient_536`; not `x86_64` or `10_15_7` (version strings in every user agent).
 * It begins with the underscore, a byte most text lacks, so the set's pass costs no more
 * (measured: the log batch's set pass 356 µs with it, 403 without, within the noise); digits
 * before an underscore alone (`1947-02-11_Garcia.pdf`) are not looked for.
 */
const GLUED_SOURCE = '_[0-9]{3}';
/**
 * Presence of a person resource (`"Patient"`, `"RelatedPerson"`, `"Person"`) or of a reference to
 * one (`Patient/1`, an element always about one: `"patient"`, `"beneficiary"`, `"subscriber"`;
 * `"subject"`, whose display counts when it reads as a person's name).
 */
const PERSON_SOURCE = '"(?:Patient|RelatedPerson|Person)["/]|/(?:Patient|RelatedPerson|Person)/|"(?:patient|beneficiary|subscriber|subject)"';

export interface Scanner {
  readonly detectors: readonly CompiledDetector[];
  readonly structural: ReadonlyMap<Structure, CompiledDetector>;
  readonly keys: KeyTable;
  /** Runs the pattern pass over `buf`, appending findings (offsets + base); says which probes matched. */
  scanText(buf: Buffer, out: Finding[], base: number, layer?: string): Probes;
  /** The threshold the pack was compiled for: weaker patterns run only beside their context words. */
  readonly minConfidence: number;
  /** The clinic's own published identifiers (scan.own_identifiers): a value that is one is no finding. */
  readonly own: OwnIdentifiers | null;
  /** Which RE2 sets the pass uses (CompileOptions.setEngine). */
  readonly setEngine: SetEngine;
}

/** Between the words of a field name, and after a person prefix: also `[`, as forms nest fields (`patient[last]=`, `ud[em]=`). */
const SEP = '[_\\-. []?';

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function wordsRe(words: readonly string[]): RE2 | null {
  if (words.length === 0) return null;
  // Word start: a context word must not be the tail of a longer word ("pt" in "script").
  return new RE2(`(?i)(?:^|[^A-Za-z0-9])(?:${words.map(escapeRe).join('|')})`, 'u');
}

/** An ASCII letter (a title or credential ends where letters do). */
const isLetter = (c: number | undefined): boolean => c !== undefined && ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a));
const isBlank = (c: number | undefined): boolean => c === 0x20 || c === 0x09;
/** Longest title a not_after check reads back, spaces before the value aside. */
const MAX_TITLE = 24;

/** Where a name ends without its possessive: "Ben Aufderhar's" and "Ben Aufderhar’s" as "Ben Aufderhar". */
function withoutPossessive(buf: Buffer, start: number, end: number): number {
  if (end - start < 4) return end;
  if (buf[end - 1] === 0x73 && buf[end - 2] === 0x27) return end - 2;
  if (buf[end - 1] === 0x73 && buf[end - 2] === 0x99 && buf[end - 3] === 0x80 && buf[end - 4] === 0xe2) return end - 4;
  return buf[end - 1] === 0x27 ? end - 1 : end;
}

/** A byte that can stand in a name as the name patterns read it: a letter (UTF-8 ones too), a space or a tab, `.`, `'` or `-`. */
const inName = (c: number | undefined): boolean => c !== undefined && (isLetter(c) || isBlank(c) || c === 0x2e || c === 0x27 || c === 0x2d || c >= 0x80);
/** Longest name read after a title or before a credential when the whole payload is indexed. */
const MAX_NAME = 64;

/**
 * Adds to `names` the latin1 text of every run of two to five words in [from, to) that starts
 * at `from` (forward) or ends at `to` (backward), without a possessive: the names a title
 * before or a credential after could belong to.
 */
function addNames(names: Set<string>, text: string, from: number, to: number, forward: boolean): void {
  const piece = text.slice(from, to);
  const words = piece.split(/[ \t]+/).filter((w) => w !== '');
  for (let n = 2; n <= Math.min(5, words.length); n++) {
    const name = (forward ? words.slice(0, n) : words.slice(words.length - n)).join(' ');
    names.add(name.replace(/(?:'s|\u00e2\u0080\u0099s|')$/, ''));
  }
}

/**
 * A detector's not_after / not_before / not_followed_by check (see DetectorSpec.context): is
 * the value at [start, end) a provider's name, "Dr. Jennifer Walsh" or "Jennifer Walsh, MD"? So
 * it is too when the same payload titles the same name so elsewhere: a newsletter names its
 * doctor with the title once and without it after ("Dr. Ben Aufderhar joins us. Ben
 * Aufderhar's patients ..."). Or does a phrase follow it that makes it no patient's ("Jane
 * Doe's appointment as ...")? Null when the detector lists none of them. Reads a few bytes either side of the value, no
 * regex; the names titled anywhere in a payload are gathered once per payload (a pass per
 * title and credential), and only when a value would otherwise count.
 */
function excluder(notAfter: readonly string[], notBefore: readonly string[], notFollowedBy: readonly string[]): ((buf: Buffer, start: number, end: number) => boolean) | null {
  if (notAfter.length === 0 && notBefore.length === 0 && notFollowedBy.length === 0) return null;
  const marks = new Set(notBefore);
  const longestPhrase = Math.max(0, ...notFollowedBy.map((p) => p.length));
  /** A phrase of the detector's not_followed_by right after the value, its possessive and spaces: "Jane Doe's appointment as ...". */
  const followed = (buf: Buffer, end: number): boolean => {
    let i = end;
    // The value without a possessive of its own: one may follow it.
    if (withoutPossessive(buf, 0, end) === end) {
      if (buf[i] === 0x27 && buf[i + 1] === 0x73) i += 2;
      else if (buf[i] === 0xe2 && buf[i + 1] === 0x80 && buf[i + 2] === 0x99 && buf[i + 3] === 0x73) i += 4;
    }
    while (isBlank(buf[i])) i++;
    const after = buf.toString('latin1', i, Math.min(buf.length, i + longestPhrase + 1)).toLowerCase();
    return notFollowedBy.some((p) => after.startsWith(p) && !isLetter(after.charCodeAt(p.length)));
  };
  const titled = (buf: Buffer, start: number, end: number): boolean => {
    if (notFollowedBy.length > 0 && followed(buf, end)) return true;
    if (notAfter.length > 0) {
      let i = start;
      while (i > 0 && isBlank(buf[i - 1])) i--;
      if (i < start) {
        const before = buf.toString('latin1', Math.max(0, i - MAX_TITLE), i).toLowerCase();
        for (const w of notAfter) {
          if (before.endsWith(w) && !isLetter(before.charCodeAt(before.length - w.length - 1))) return true;
        }
      }
    }
    if (marks.size > 0) {
      let i = end;
      if (buf[i] === 0x2c) i++;
      while (isBlank(buf[i])) i++;
      let j = i;
      while (j < buf.length && (isLetter(buf[j]) || buf[j] === 0x2d)) j++;
      if (j > i && marks.has(buf.toString('latin1', i, j))) return true;
    }
    return false;
  };
  /** Per payload: the names (latin1) that follow a title or precede a credential anywhere in it. */
  const providers = new WeakMap<Buffer, Set<string>>();
  const providerNames = (buf: Buffer): Set<string> => {
    let names = providers.get(buf);
    if (names !== undefined) return names;
    names = new Set();
    const text = buf.toString('latin1');
    const lower = text.toLowerCase();
    for (const w of notAfter) {
      for (let at = lower.indexOf(w); at !== -1; at = lower.indexOf(w, at + w.length)) {
        let i = at + w.length;
        if ((at > 0 && isLetter(lower.charCodeAt(at - 1))) || !isBlank(buf[i])) continue;
        while (isBlank(buf[i])) i++;
        let j = i;
        while (j < buf.length && j - i < MAX_NAME && inName(buf[j])) j++;
        addNames(names, text, i, j, true);
      }
    }
    for (const m of marks) {
      for (let at = text.indexOf(m); at !== -1; at = text.indexOf(m, at + m.length)) {
        // The whole run of letters and dashes from here is the mark, as titled() reads it.
        if (isLetter(buf[at + m.length]) || buf[at + m.length] === 0x2d) continue;
        let j = at;
        while (j > 0 && isBlank(buf[j - 1])) j--;
        if (buf[j - 1] === 0x2c) j--;
        let i = j;
        while (i > 0 && j - i < MAX_NAME && inName(buf[i - 1])) i--;
        addNames(names, text, i, j, false);
      }
    }
    providers.set(buf, names);
    return names;
  };
  return (buf, start, end) => {
    if (titled(buf, start, end)) return true;
    const nameEnd = withoutPossessive(buf, start, end);
    // A name of two words at the least ("Ben Aufderhar"): a lone word recurs for other reasons.
    const space = buf.indexOf(0x20, start);
    if (space === -1 || space >= nameEnd) return false;
    return providerNames(buf).has(buf.toString('latin1', start, nameEnd));
  };
}

const phrase = (p: string): string => p.split(/[\s_-]+/).map(escapeRe).join(SEP);
/** A field name compared without case, separators or diacritics (`Teléfono` as `telefono`). */
const normalizeKey = (k: string): string => folded(k).replace(/[^a-z0-9]/g, '');

export function compileKeys(spec: KeySpec): KeyTable {
  const direct = new Map<string, Identifier>();
  const prefixed = new Map<string, Identifier>();
  for (const [id, list] of spec.keys) for (const k of list) direct.set(normalizeKey(k), id);
  for (const [id, list] of spec.prefixedOnly) for (const k of list) prefixed.set(normalizeKey(k), id);
  const prefixes = spec.prefixes.map(normalizeKey).sort((a, b) => b.length - a.length);
  const notKeys = new Set(spec.notKeys.map(normalizeKey));
  const prefixAlt = spec.prefixes.map(phrase).join('|');
  const directAlt = [...spec.keys.values()].flat().map(phrase).join('|');
  const prefixedAlt = [...spec.prefixedOnly.values()].flat().map(phrase).join('|');
  const parts = [`(?:(?:${prefixAlt})${SEP})?(?:${directAlt})`];
  if (prefixedAlt !== '') parts.push(`(?:${prefixAlt})${SEP}(?:${prefixedAlt})`);
  return {
    alternation: `(?i:${parts.join('|')})`,
    identify(rawKey) {
      const k = normalizeKey(rawKey);
      if (notKeys.has(k)) return null;
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

/** V8 allocates a string of this many one-byte characters or more as a large object (kMaxRegularHeapObjectSize, 128 KiB, less the header). */
const LARGE_STRING = 128 * 1024 - 64;

/** Extra bytes around a context window, so that a candidate starting inside it is not cut off. */
const WINDOW_MARGIN = 96;

export interface CompileOptions {
  /** The clinic's own MRN formats (RE2), from policy scan.mrn_patterns. */
  readonly mrnPatterns?: readonly string[];
  /** What counts as PHI; patterns weaker than this run only where their context words are. */
  readonly minConfidence?: number;
  /** The clinic's own published identifiers, from policy scan.own_identifiers (see OwnIdentifiers). */
  readonly ownIdentifiers?: readonly string[];
  /**
   * How the set entries are split into RE2 sets (see compilePack): `adaptive` (the default) uses
   * one set while its passes stay fast and several while they do not; `one` and `split` fix
   * either (tests: both give the same entries).
   */
  readonly setLayout?: SetLayout;
  /**
   * Which RE2 sets: `native` (native/re2set.cc, a DFA budget of SET_DFA_BYTES; the default when
   * it was built) or `node-re2` (RE2's default budget, 8 MiB; the fallback). Same results (tested).
   * With `node-re2` the detectors' patterns also find their matches through node-re2 rather than
   * native/'s finders (FindAll).
   */
  readonly setEngine?: SetEngine;
}

export type SetLayout = 'adaptive' | 'one' | 'split';
export type SetEngine = 'native' | 'node-re2';

/**
 * The DFA budget (RE2's max_mem) of each native set. The eval corpus's 8,046 set inputs, every
 * kind, need about 45 MiB of states in the set of all entries; at 8 MiB (node-re2's) the cache is
 * rebuilt over and over and a pass costs 100-1,000 µs where it costs 1-3 (bench/README, "RE2's DFA
 * budget, measured"). A budget is a ceiling: states are built only as the traffic needs them.
 */
export const SET_DFA_BYTES = 64 << 20;

/** Payloads from this size on get one set pass over all entries when one set is used (see compilePack). */
const ONE_PASS_FROM = 1024;
/** A timed pass over one set slower than this (µs, plus per byte) is the cache being rebuilt: states for traffic of many kinds. */
const SLOW_PASS_US = 20;
const SLOW_PASS_US_PER_BYTE = 0.05;
/** One pass in this many (a power of two) is timed while one set is used; every pass over a payload this large (bytes) is. */
const SAMPLE_EVERY = 8;
const SAMPLE_FROM_BYTES = 4096;
/** Slow timed work (net of fast work) that switches to several sets. */
const SLOW_TO_SPLIT = 4;
/**
 * The layout's clock counts work, not time: a pass counts one, and one more for each KiB it
 * reads. Work on one set that is not judged after it starts or takes over again: a set meeting
 * a new kind of traffic builds its states once, slowly (300 passes of FHIR Patient resources at
 * 120 µs), which is no sign of a cache too small.
 */
const GRACE_WORK = 512;
/**
 * The first grace with the native sets, longer: their budget holds the states of traffic of every
 * kind, and building them takes a while (the eval corpus's first pass in shuffled order ran at
 * 200 µs a document against 36 once built); with 512 the layout split while they were being
 * built and kept going back and forth (39-55 µs a document in steady rounds; 36-38 with this).
 */
const GRACE_WORK_NATIVE = 32_768;
/** The grace when one set takes over again, shorter: it has its states from before, unless the traffic is still of many kinds. */
const RETRY_GRACE_WORK = 64;
/**
 * Work on several sets before one set is tried again: the least at first, twice as much each
 * time one set is slow again right after its grace (traffic of many kinds), up to the most.
 */
const SPLIT_WORK_MIN = 256;
const SPLIT_WORK_MAX = 1 << 20;

/** Some of the pack's set entries in one RE2 set, with each entry's number among all entries. */
class SetGroup {
  private readonly set: InstanceType<typeof RE2.Set> | null;
  private readonly native: NativeMatch | null;
  private readonly numbers: Int32Array;
  /** Where the native set writes the entries that match (one place per entry). */
  private readonly found: Int32Array;

  /** `native`: the addon's createSet; null: node-re2's sets. */
  constructor(sources: readonly string[], numbers: readonly number[], native: CreateNativeSet | null) {
    this.found = new Int32Array(numbers.length);
    this.native = native === null ? null : native(sources, SET_DFA_BYTES, this.found);
    this.set = native === null ? new RE2.Set(sources, 'u') : null;
    this.numbers = Int32Array.from(numbers);
  }

  /** Adds the numbers of the entries that match in `buf` to `out`. */
  match(buf: Buffer, out: number[]): void {
    if (this.native !== null) {
      const n = this.native(buf);
      for (let i = 0; i < n; i++) out.push(this.numbers[this.found[i]!]!);
      return;
    }
    for (const i of this.set!.match(buf)) out.push(this.numbers[i]!);
  }
}

/**
 * Compiles the pack once. Patterns that count on their own go into one RE2 set, which tells
 * in a single pass which of them can match at all; only those then run for positions.
 * Patterns that count only beside context words (context: required, or a confidence below
 * minConfidence) are gated: the set holds their detector's context words instead, and the
 * patterns run only in windows around the words found. Broad shapes ("six to twelve digits")
 * thus cost nothing on traffic without the words that make them PHI.
 */
export function compilePack(pack: Pack, options: CompileOptions = {}): Scanner {
  const minConfidence = options.minConfidence ?? 0.5;
  const extraMrnPatterns = options.mrnPatterns ?? [];
  const own = (options.ownIdentifiers ?? []).length === 0 ? null : new OwnIdentifiers(options.ownIdentifiers!);
  const detectors: CompiledDetector[] = [];
  const free: CompiledPattern[] = [];
  const gated = new Map<CompiledDetector, CompiledPattern[]>();
  const triggered = new Map<CompiledDetector, CompiledPattern[]>();
  const structural = new Map<Structure, CompiledDetector>();
  const specs = [...pack.detectors];
  if (extraMrnPatterns.length > 0) {
    specs.push({
      id: 'clinic-mrn',
      name: "The clinic's own MRN formats (scan.mrn_patterns)",
      identifier: 'mrn',
      file: 'phiwall.yaml',
      patterns: extraMrnPatterns.map((regex) => ({ regex, confidence: null })),
      trigger: null,
      structure: null,
      validator: null,
      context: { words: [], negative: [], window: 40, required: false, notAfter: [], notBefore: [], notFollowedBy: [] },
      confidence: { base: 0.9, context: 0.95 },
      examples: { match: [], noMatch: [] },
    });
  }
  // Every context and negative word of the pack, found in one pass per payload.
  const wordIds = new Map<string, number>();
  for (const spec of specs) for (const w of [...spec.context.words, ...spec.context.negative]) if (!wordIds.has(w.toLowerCase())) wordIds.set(w.toLowerCase(), wordIds.size);
  const finder = new WordFinder([...wordIds.keys()]);
  const idsOf = (words: readonly string[]): readonly number[] | null => (words.length === 0 ? null : [...new Set(words.map((w) => wordIds.get(w.toLowerCase())!))]);

  for (const spec of specs) {
    const d: CompiledDetector = {
      spec,
      id: spec.id,
      identifier: spec.identifier,
      validate: spec.validator === null ? null : VALIDATORS[spec.validator],
      contextRe: wordsRe(spec.context.words),
      contextIds: idsOf(spec.context.words),
      negativeIds: idsOf(spec.context.negative),
      excludes: excluder(spec.context.notAfter, spec.context.notBefore, spec.context.notFollowedBy),
    };
    detectors.push(d);
    if (spec.structure !== null) structural.set(spec.structure, d);
    for (const p of spec.patterns) {
      const hasValueGroup = p.regex.includes('(?P<v>');
      const hasNameGroup = hasValueGroup && p.regex.includes('(?P<n>');
      const compiled: CompiledPattern = {
        detector: d,
        find: new FindAll(p.regex, hasNameGroup ? ['v', 'n'] : hasValueGroup ? ['v'] : [], 'u', options.setEngine !== 'node-re2'),
        hasValueGroup,
        hasNameGroup,
        confidence: p.confidence ?? spec.confidence.base,
      };
      const needsContext = spec.context.required || compiled.confidence < minConfidence;
      // A trigger runs the patterns that need no context; with context.required, every pattern
      // (its words are common, the trigger rare): each match then counts only beside a word.
      if (spec.trigger !== null && (!needsContext || (spec.context.required && spec.confidence.context >= minConfidence))) (triggered.get(d) ?? triggered.set(d, []).get(d)!).push(compiled);
      else if (!needsContext) free.push(compiled);
      // A weak pattern without context words, or whose context does not lift it, can never count.
      else if (d.contextIds !== null && spec.confidence.context >= minConfidence) {
        (gated.get(d) ?? gated.set(d, []).get(d)!).push(compiled);
      }
    }
  }
  // The RE2 set entries: the free patterns; one context-word entry per gated detector; the
  // triggers (a triggered detector's patterns run over the payload when its trigger matches);
  // the probes; then the gated patterns (a gated detector whose words are present but none of
  // whose patterns matches anywhere in the payload has nothing to look for in its windows).
  const keys = compileKeys(pack.keys);
  const gatedList = [...gated.keys()];
  const gatedPatterns = [...gated.values()].flat();
  const pairs = pairProbes(keys.alternation);
  // Probe entry i sets bit i: PROBE_JSON_PAIRS, PROBE_PERSON, PROBE_FORM_PAIRS, PROBE_XML_PAIRS, PROBE_RESOURCE_TYPE, PROBE_GLUED, PROBE_EMBEDDED, PROBE_QUOTED_PRINTABLE, PROBE_JSON_OBJECTS, PROBE_XML_STRUCTURES, PROBE_VCARD, PROBE_FORM_LABELLED, PROBE_DOM_TEXT, PROBE_LOGFMT, PROBE_NAME_LABELS, PROBE_GOOGLE_FORM, PROBE_DICOM.
  const probeSources = [pairs.json, PERSON_SOURCE, pairs.form, pairs.xml, '"resourceType"', GLUED_SOURCE, EMBEDDED_SOURCE, QUOTED_PRINTABLE_SOURCE, jsonObjectsSource(keys.alternation), xmlStructuresSource(keys.alternation), VCARD_SOURCE, formLabelledSource(keys.alternation), DOM_TEXT_SOURCE, LOGFMT_SOURCE, NAME_LABEL_PROBE, GOOGLE_FORM_SOURCE, DICOM_SOURCE];
  const triggeredList = [...triggered.keys()];
  const triggersAt = free.length + gatedList.length;
  const probesAt = triggersAt + triggeredList.length;
  const gatedAt = probesAt + probeSources.length;
  const gatedIndex = new Map(gatedPatterns.map((p, i) => [p, gatedAt + i]));
  const leading = [...free.map((p) => p.find.source), ...gatedList.map((d) => d.contextRe!.source), ...triggeredList.map((d) => d.spec.trigger!), ...probeSources];
  const trailing = gatedPatterns.map((p) => p.find.source);
  // The entries in RE2 sets. A set's DFA builds its states as the input needs them and keeps
  // them in a cache of fixed size: SET_DFA_BYTES for the native sets, RE2's default (8 MiB) for
  // node-re2's, which offers no other. One set of all the entries is the fastest while its cache
  // holds the states the traffic needs: one native call and one pass over the bytes. With
  // node-re2's budget, traffic of many kinds (a clinic's, or one large
  // payload of many parts: a FHIR bundle, a log batch) needs more states than its cache holds;
  // the cache is then emptied and rebuilt over and over (bench/README, "What changed", 28): small
  // payloads of the eval corpus's kinds in shuffled order took 250 µs a payload for the pass
  // against 1 µs for one kind, a 394 KiB FHIR bundle 2 MB/s. Split by what the entries read --
  // the free patterns; the context words and the probes; the triggers (long alternations of
  // phrases); the gated patterns, in two -- each set's states fit (3 µs a small payload whatever the
  // mix), at the price of three or four passes. So one set is used while its passes stay fast;
  // one pass in SAMPLE_EVERY is timed (every pass over a large payload), and when SLOW_TO_SPLIT
  // more of their work is slow than fast
  // the split sets take over for a while (SPLIT_WORK_MIN, doubling while one set stays slow)
  // before one set is tried again, unjudged for its first GRACE_WORK (RETRY_GRACE_WORK when it
  // takes over again). The entries
  // found are the same either way (tested); only the time differs. Small payloads get the gated
  // patterns (broad shapes) in a pass of their own only where some of their words are.
  const range = (from: number, to: number): number[] => Array.from({ length: to - from }, (_, i) => from + i);
  const entries = [...leading, ...trailing];
  const end = entries.length;
  const native = options.setEngine === 'node-re2' ? null : nativeSet();
  if (native === null && options.setEngine === 'native') throw new Error('phiwall: native/ was not built (npm run build:native); the native RE2 sets were asked for');
  const setEngine: SetEngine = native === null ? 'node-re2' : 'native';
  const group = (numbers: number[]): SetGroup => new SetGroup(numbers.map((i) => entries[i]!), numbers, native);
  const groups = (lists: number[][]): SetGroup[] => lists.filter((numbers) => numbers.length > 0).map(group);
  const half = gatedAt + Math.ceil(trailing.length / 2);
  const splitGroups = groups([range(0, free.length), [...range(free.length, triggersAt), ...range(probesAt, gatedAt)], range(triggersAt, probesAt)]);
  const splitTrailing = groups([range(gatedAt, half), range(half, end)]);
  const oneLeading = group(range(0, gatedAt));
  const trailingGroup = trailing.length === 0 ? null : group(range(gatedAt, end));
  const oneAll = trailing.length === 0 ? oneLeading : group(range(0, end));
  const layout = options.setLayout ?? 'adaptive';
  const hasWords = (matched: readonly number[]): boolean => matched.some((i) => i >= free.length && i < triggersAt);

  function matchOne(buf: Buffer): number[] {
    const matched: number[] = [];
    if (buf.length >= ONE_PASS_FROM) {
      oneAll.match(buf, matched);
      return matched;
    }
    oneLeading.match(buf, matched);
    if (trailingGroup !== null && hasWords(matched)) trailingGroup.match(buf, matched);
    return matched;
  }

  function matchSplit(buf: Buffer): number[] {
    const matched: number[] = [];
    for (const group of splitGroups) group.match(buf, matched);
    if (hasWords(matched)) for (const group of splitTrailing) group.match(buf, matched);
    return matched.sort((a, b) => a - b);
  }

  let passes = 0;
  let slow = 0;
  let splitLeft = 0;
  let splitWork = SPLIT_WORK_MIN;
  /** Work on one set since it started or took over again, and the work not judged then. */
  let onOne = 0;
  let grace = native === null ? GRACE_WORK : GRACE_WORK_NATIVE;

  /** The entries of the sets that match in `buf`, ascending, in the numbering of all entries. */
  function matchSet(buf: Buffer): number[] {
    if (layout !== 'adaptive') return layout === 'split' ? matchSplit(buf) : matchOne(buf);
    const work = 1 + (buf.length >> 10);
    if (splitLeft > 0) {
      splitLeft -= work;
      if (splitLeft <= 0) {
        onOne = 0;
        grace = RETRY_GRACE_WORK;
      }
      return matchSplit(buf);
    }
    onOne += work;
    if (onOne <= grace || ((++passes & (SAMPLE_EVERY - 1)) !== 0 && buf.length < SAMPLE_FROM_BYTES)) return matchOne(buf);
    const t0 = performance.now();
    const matched = matchOne(buf);
    if ((performance.now() - t0) * 1000 > SLOW_PASS_US + buf.length * SLOW_PASS_US_PER_BYTE) {
      // Weighed by work: one slow pass over a large payload says as much as several small ones.
      slow += work;
      if (slow >= SLOW_TO_SPLIT) {
        slow = 0;
        // Slow again soon after the grace: the traffic is still of many kinds; wait longer.
        splitWork = onOne < 8 * grace ? Math.min(splitWork * 2, SPLIT_WORK_MAX) : SPLIT_WORK_MIN;
        splitLeft = splitWork;
      }
    } else slow = Math.max(0, slow - work);
    return matched;
  }

  /** Context word positions in one payload, found on first need and kept per word list. */
  class WordHits {
    private readonly cache = new Map<readonly number[], number[]>();
    private readonly words: WordPositions;
    constructor(buf: Buffer) {
      this.words = new WordPositions(finder, buf);
    }

    /** Says which words will be asked for (many: one pass for all of them). */
    want(ids: readonly number[]): void {
      this.words.want(ids);
    }

    /** Where the words start in the buffer (at a word start), in order. */
    starts(ids: readonly number[]): number[] {
      let starts = this.cache.get(ids);
      if (starts !== undefined) return starts;
      starts = [];
      this.words.want(ids);
      for (const id of ids) for (const at of this.words.of(id)) starts.push(at);
      if (ids.length > 1) starts.sort((a, b) => a - b);
      this.cache.set(ids, starts);
      return starts;
    }

    /** True when one of the words starts within [from, to). */
    near(ids: readonly number[], from: number, to: number): boolean {
      const starts = this.starts(ids);
      let lo = 0;
      let hi = starts.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (starts[mid]! < from) lo = mid + 1;
        else hi = mid;
      }
      return lo < starts.length && starts[lo]! < to;
    }
  }

  /** One payload (or a window of one) being scanned: its bytes, and its text when it is ASCII. */
  interface Piece {
    readonly buf: Buffer;
    readonly ascii: string | null;
    /** Where the piece starts in the scanned buffer. */
    readonly offset: number;
  }

  function runPattern(p: CompiledPattern, piece: Piece, whole: Buffer, hits: WordHits, out: Finding[], base: number, layer: string | undefined, matches = false): void {
    const d = p.detector;
    const length = whole.length;
    const { window, required } = d.spec.context;
    const { buf, ascii, offset } = piece;
    p.find.each(buf, ascii, (matchStart, matchEnd, groups) => {
      let start = matchStart;
      let end = matchEnd;
      if (p.hasValueGroup) {
        const v = groups[0];
        if (v === undefined || v[1] === v[0]) return;
        [start, end] = v;
        if (p.hasNameGroup) {
          const n = groups[1];
          if (n === undefined || !visitName(ascii === null ? buf.toString('utf8', n[0], n[1]) : ascii.slice(n[0], n[1]))) return;
        }
      }
      if (d.validate !== null && !d.validate(ascii === null ? buf.toString('utf8', start, end) : ascii.slice(start, end))) return;
      if (d.excludes !== null && d.excludes(whole, start + offset, end + offset)) return;
      if (own !== null && own.has(d.identifier, ascii === null ? buf.toString('utf8', start, end) : ascii.slice(start, end))) return;
      let confidence = p.confidence;
      if (d.contextIds !== null || d.negativeIds !== null) {
        // A word counts when it starts within the window either side of the value.
        const from = Math.max(0, start + offset - window);
        const to = Math.min(length, end + offset + window);
        const positive = d.contextIds !== null && hits.near(d.contextIds, from, to);
        if (positive) confidence = Math.max(confidence, d.spec.confidence.context);
        else if (required || confidence < minConfidence || (d.negativeIds !== null && hits.near(d.negativeIds, from, to))) return;
      }
      const finding: Finding = { detector: d.id, identifier: d.identifier, start: start + offset + base, end: end + offset + base, confidence };
      out.push(layer === undefined ? finding : { ...finding, layer });
    }, matches);
  }

  /** Merged byte ranges around every context word of a detector in the buffer. */
  function contextWindows(d: CompiledDetector, hits: WordHits, length: number): [number, number][] {
    const reach = d.spec.context.window + WINDOW_MARGIN;
    const windows: [number, number][] = [];
    for (const at of hits.starts(d.contextIds!)) {
      const from = Math.max(0, at - reach);
      const to = Math.min(length, at + reach + 32);
      const last = windows[windows.length - 1];
      if (last !== undefined && from <= last[1]) last[1] = Math.max(last[1], to);
      else windows.push([from, to]);
    }
    return windows;
  }

  function scanText(buf: Buffer, out: Finding[], base: number, layer?: string): Probes {
    if (buf.length === 0) return 0;
    const matched = matchSet(buf);
    if (matched.length === 0) return 0;
    let probes = 0;
    for (const index of matched) if (index >= probesAt && index < gatedAt) probes |= 1 << (index - probesAt);
    // Only probes (or gated patterns without their words): no pattern has anything to find.
    if (matched[0]! >= probesAt) return probes;
    // Gated detectors whose words are present, each with those of its patterns that match
    // somewhere in the payload (none: the detector has nothing to look for in its windows).
    const inPayload = new Set<number>();
    for (const index of matched) if (index >= gatedAt) inPayload.add(index);
    const work: [CompiledDetector, CompiledPattern[]][] = [];
    if (inPayload.size > 0) {
      for (const index of matched) {
        if (index < free.length) continue;
        if (index >= triggersAt) break;
        const d = gatedList[index - free.length]!;
        const patterns = gated.get(d)!.filter((p) => inPayload.has(gatedIndex.get(p)!));
        if (patterns.length > 0) work.push([d, patterns]);
      }
    }
    const triggers = matched.filter((index) => index >= triggersAt && index < probesAt);
    // Words present but none of their detectors' patterns, no free pattern and no trigger: nothing to find.
    if (work.length === 0 && triggers.length === 0 && matched[0]! >= free.length) return probes;
    const hits = new WordHits(buf);
    // One character per byte: string positions are byte offsets. A window's text is a slice
    // of the whole payload's, except in a payload of LARGE_STRING bytes or more that no
    // pattern reads whole: V8 puts such a string in fresh pages (about 1 ns a byte to touch),
    // and gated patterns need only their windows.
    const ascii = isAscii(buf);
    let whole: Piece | undefined;
    const wholePiece = (): Piece => (whole ??= { buf, ascii: ascii ? buf.toString('latin1') : null, offset: 0 });
    // They will all look up their words: say so at once, so that many are found in one pass.
    if (work.length === 1) hits.want(work[0]![0].contextIds!);
    else if (work.length > 1) {
      const ids: number[] = [];
      for (const [d] of work) for (const id of d.contextIds!) ids.push(id);
      hits.want(ids);
    }
    for (const index of matched) {
      if (index >= free.length) break;
      runPattern(free[index]!, wholePiece(), buf, hits, out, base, layer, true);
    }
    // A trigger says the patterns may match, not that they do.
    for (const index of triggers) for (const p of triggered.get(triggeredList[index - triggersAt]!)!) runPattern(p, wholePiece(), buf, hits, out, base, layer);
    for (const [d, patterns] of work) {
      for (const [from, to] of contextWindows(d, hits, buf.length)) {
        const text = !ascii ? null : whole === undefined && buf.length >= LARGE_STRING ? buf.toString('latin1', from, to) : wholePiece().ascii!.slice(from, to);
        const piece: Piece = { buf: buf.subarray(from, to), ascii: text, offset: from };
        // These patterns match somewhere in the payload (the set said so): likely in a window too.
        for (const p of patterns) runPattern(p, piece, buf, hits, out, base, layer, true);
      }
    }
    return probes;
  }

  return { detectors, structural, keys, scanText, minConfidence, own, setEngine };
}
