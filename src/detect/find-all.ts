import RE2 from 're2';
import { nativeFinder, type NativeFind } from './native-set.js';
import { captureGroups, closingParen, withoutAssertions } from './regex-source.js';

/** A match: the whole match and the wanted groups, as byte spans (undefined: group did not take part). */
export type Visit = (start: number, end: number, groups: readonly (readonly [number, number] | undefined)[]) => void;

const LEADING_ASSERTIONS = /^(?:\\b|\^)*/;
const TRAILING_ASSERTIONS = /^(?:\\b|\$|\(\?:\\b\|\$\))*$/;

/**
 * True when the pattern may match the empty string somewhere: without its assertions (which
 * only ever forbid matches) it matches ''. node-re2's match() loops forever on a global
 * pattern that matches empty, so such a pattern never takes the group-free path.
 */
export function mayMatchEmpty(source: string): boolean {
  try {
    return new RE2(`^(?:${withoutAssertions(source)})$`, 'u').test('');
  } catch {
    return true;
  }
}

/**
 * The pattern without capturing groups, when its value group is the whole match: a pattern
 * like `\b(?P<v>...)\b` (only zero-width assertions outside the group, no other group) or a
 * pattern with no group at all. Null otherwise.
 */
export function groupFree(source: string): string | null {
  if (captureGroups(source).length === 0) return source;
  const parts = wholeMatch(source);
  return parts === null ? null : `${parts.lead}(?:${parts.body})${parts.trail}`;
}

/** `lead(?P<v>body)trail`, with only zero-width assertions in lead and trail; null otherwise. */
function wholeMatch(source: string): { lead: string; body: string; trail: string } | null {
  const groups = captureGroups(source);
  if (groups.length !== 1 || groups[0] !== 'v') return null;
  const lead = LEADING_ASSERTIONS.exec(source)![0];
  if (!source.startsWith('(?P<v>', lead.length)) return null;
  const close = closingParen(source, lead.length);
  if (close === -1) return null;
  const trail = source.slice(close + 1);
  return TRAILING_ASSERTIONS.test(trail) ? { lead, body: source.slice(lead.length + 6, close), trail } : null;
}

/** The zero-width assertions at either end of a whole-match pattern, checked in JavaScript. */
type Edge = '\\b' | '^' | '$' | '(?:\\b|$)';

/**
 * For a pattern whose value group is its whole match, `lead(?P<v>body)trail` with only
 * assertions in `lead` and `trail` and none in `body`: those assertions, one by one. Null for
 * any other pattern. Such a pattern's matches can be placed by where their text occurs: see
 * FindAll.eachPlaced.
 */
export function edges(source: string): { lead: Edge[]; trail: Edge[] } | null {
  const parts = wholeMatch(source);
  if (parts === null || withoutAssertions(parts.body) !== parts.body) return null;
  return { lead: (parts.lead.match(/\\b|\^/g) ?? []) as Edge[], trail: (parts.trail.match(/\(\?:\\b\|\$\)|\\b|\$/g) ?? []) as Edge[] };
}

/** placeMatches gives up past this many occurrences where `fits` fails (the caller then uses exec()). */
const MAX_MISPLACED = 256;

/**
 * Where each result of a global match() lies in the text it came from: at the first
 * occurrence of its text, from the end of the result before, where `fits` (the pattern's
 * zero-width assertions, if it has any) holds. For a pattern with no assertions except
 * those `fits` checks, that is where RE2 found it: the text matches the pattern wherever it
 * occurs, so a fitting occurrence further left would have been RE2's leftmost match. Null when
 * a result cannot be placed, or after MAX_MISPLACED occurrences that do not fit (text built to
 * repeat a long match inside words would otherwise cost a compare each).
 */
export function placeMatches<T extends string | Buffer>(text: T, found: readonly T[], fits: (at: number, length: number) => boolean = () => true): number[] | null {
  const places: number[] = [];
  let from = 0;
  let misses = 0;
  for (const m of found) {
    if (m.length === 0) return null;
    let at = text.indexOf(m as string & Buffer, from);
    while (at !== -1 && !fits(at, m.length)) {
      if (++misses > MAX_MISPLACED) return null;
      at = text.indexOf(m as string & Buffer, at + 1);
    }
    if (at === -1) return null;
    places.push(at);
    from = at + m.length;
  }
  return places;
}

/** An ASCII word character, as RE2's \b sees it ([0-9A-Za-z_]); NaN (outside the text) is not. */
function isWord(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;
}

/** True when the assertion holds at position i of the text. */
function holds(edge: Edge, text: string, i: number): boolean {
  const boundary = (): boolean => isWord(text.charCodeAt(i - 1)) !== isWord(text.charCodeAt(i));
  switch (edge) {
    case '^':
      return i === 0;
    case '$':
      return i === text.length;
    case '\\b':
      return boundary();
    default:
      return boundary() || i === text.length;
  }
}

/**
 * exec() costs a few µs a match and nothing for the text between matches; split() costs
 * about 0.3 µs a match but about 1 ns a byte of text (its pieces become strings). So matches
 * are taken with exec() until they have cost about what one split() of the text would, one
 * per this many bytes (at least one), and the rest come from one split().
 */
const BYTES_PER_EXEC = 4096;

/** Matches a native find() call returns at most (more take another call). */
const NATIVE_MATCHES = 64;

/** True when the text pieces and matches of a grouped split()'s output add up to the whole text. */
function tiles(parts: readonly (string | undefined)[], stride: number, length: number): boolean {
  let total = 0;
  for (let i = 0; i < parts.length; i += stride) {
    const before = parts[i];
    const whole = parts[i + 1];
    if (before === undefined) return false;
    total += before.length;
    if (i + 1 < parts.length) {
      if (whole === undefined || whole.length === 0) return false;
      total += whole.length;
    }
  }
  return total === length;
}

/**
 * Every match of one RE2 pattern in a payload, with byte spans of the match and of chosen
 * named groups, in as few native calls as can be.
 *
 * Where native/ was built, one call of its finder returns every match with its groups' spans
 * (eachNative). Without it (or for a source RE2 reads only after node-re2's translation), the
 * node-re2 ways below. node-re2's `exec()` builds a result array, a Buffer per group, a groups object and index
 * properties for every match: about 3–5 µs each, which made PHI-dense payloads cost a few
 * µs per finding. On ASCII text (by far the most traffic), past the first match or few, one
 * `split()` of the string over `(pattern)` returns every match and group as strings (about
 * 0.3 µs a match): positions follow from the lengths of the pieces, which tile the text
 * exactly. (A small payload that an RE2 set says matches goes to split() at once.) A group's place inside
 * its match is where its text occurs; only when that text occurs twice in the match is one
 * sticky `exec()` asked for the exact indices. Payloads with other bytes (UTF-8, invalid
 * sequences) keep the `exec()` loop on the Buffer, where RE2 reads exactly the bytes it got.
 */
export class FindAll {
  readonly source: string;
  /**
   * Global, for exec() on the Buffer (without indices: node-re2 is slower with the d flag).
   * When the value group is the whole match (see groupFree) this is the pattern without
   * capturing groups, which RE2 runs with its DFA alone; group positions cost time in
   * proportion to the pattern's size (about 15 µs a match for the street-address pattern).
   */
  private readonly exec: RE2;
  /** The pattern has groups that must be located: the split() form and the exact fallback. */
  private readonly grouped: {
    /** `(source)`: the whole match is group 1 in split()'s output. */
    readonly splitter: RE2;
    /** Sticky with indices, for a group whose place in its match is ambiguous. */
    readonly sticky: RE2;
    /** Entries per match in split()'s output: the text before it, the match, then each group. */
    readonly stride: number;
    /** For each wanted name, its group number in the source (1-based). */
    readonly wanted: readonly number[];
  } | null;
  private readonly names: readonly string[];
  /** The assertions at the ends of a whole-match pattern whose body has none (see edges()). */
  private readonly ends: { lead: Edge[]; trail: Edge[] } | null;
  /**
   * native/'s finder for the pattern (without groups when its value group is its whole match),
   * with the wanted groups' spans: every match of a payload in one call, as byte offsets. Null
   * when native/ was not built or RE2 refuses the source as written (a JavaScript form only
   * node-re2 translates): the node-re2 ways below then.
   */
  private readonly native: { readonly find: NativeFind; readonly groups: number; readonly out: Int32Array } | null;
  /** In each(): a visit that scanned again with this pattern would overwrite its state (see each()). */
  private busy = false;

  /** `useNative`: false keeps to node-re2 even where native/ was built (tests, and a scanner asked for node-re2). */
  constructor(source: string, names: readonly string[] = [], flags = 'u', useNative = true) {
    this.source = source;
    this.names = names;
    const groups = captureGroups(source);
    // RE2 itself says how many groups there are: an empty match of `(?:source)|` returns them all.
    const counted = new RE2(`(?:${source})|`, flags).exec('')!.length - 1;
    if (counted !== groups.length) throw new Error(`cannot read the capturing groups of /${source}/ (RE2 counts ${counted}, found ${groups.length})`);
    const wanted = names.map((n) => {
      const at = groups.indexOf(n);
      if (at === -1) throw new Error(`/${source}/ has no group named ${n}`);
      return at + 1;
    });
    const plain = mayMatchEmpty(source) ? null : groupFree(source);
    this.ends = plain === null ? null : edges(source);
    this.exec = new RE2(plain ?? source, `g${flags}`);
    this.native = null;
    const createFinder = useNative && flags === 'u' ? nativeFinder() : null;
    if (createFinder !== null) {
      const whole = groupFree(source);
      try {
        const groups = whole === null ? wanted : [];
        this.native = { find: createFinder(whole ?? source, groups), groups: groups.length, out: new Int32Array(NATIVE_MATCHES * (2 + 2 * groups.length)) };
      } catch {
        this.native = null;
      }
    }
    this.grouped =
      plain !== null
        ? null
        : { splitter: new RE2(`(${source})`, `g${flags}`), sticky: new RE2(source, `yd${flags}`), stride: 2 + groups.length, wanted };
  }

  /** Whether each() reads the `ascii` text it is given (node-re2's ways do; native/'s finder reads the bytes). */
  get readsText(): boolean {
    return this.native === null;
  }

  /**
   * Calls `visit` for every match in `buf`, left to right, with offsets relative to `buf`.
   * `ascii` is `buf` as a string when every byte is ASCII (one character per byte), else null.
   * `matches`: the caller knows there is at least one match (an RE2 set said so); on a small
   * payload split() then goes first, since exec() would only find the first one dearer.
   */
  each(buf: Buffer, ascii: string | null, visit: Visit, matches = false): void {
    // A visit must not scan with the same pattern: it would overwrite the native output array or
    // the exec() loop's lastIndex (a loop without end). Such a scan throws, and the payload is then
    // a scan error (blocked), never half-read.
    if (this.busy) throw new Error(`FindAll: a visit scanned again with /${this.source.slice(0, 40)}/`);
    this.busy = true;
    try {
      if (this.native !== null) this.eachNative(this.native, buf, visit);
      else if (!(matches && ascii !== null && buf.length <= BYTES_PER_EXEC && this.eachSplit(buf, ascii, visit, 0))) this.eachExec(buf, ascii, visit);
    } finally {
      this.busy = false;
    }
  }

  /** Every match from native/'s finder, NATIVE_MATCHES a call, into the pattern's own output array. */
  private eachNative(native: NonNullable<FindAll['native']>, buf: Buffer, visit: Visit): void {
    const { out } = native;
    const stride = 2 + 2 * native.groups;
    let from = 0;
    for (;;) {
      const count = native.find(buf, from, out);
      for (let i = 0, k = 0; i < count; i++, k += stride) {
        const start = out[k]!;
        const end = out[k + 1]!;
        if (native.groups === 0) visit(start, end, this.names.map(() => [start, end]));
        else {
          const groups: ([number, number] | undefined)[] = [];
          for (let g = 0; g < native.groups; g++) {
            const at = out[k + 2 + 2 * g]!;
            groups.push(at === -1 ? undefined : [at, out[k + 3 + 2 * g]!]);
          }
          visit(start, end, groups);
        }
      }
      if (count < NATIVE_MATCHES) return;
      const last = (count - 1) * stride;
      from = out[last + 1]! + (out[last + 1] === out[last] ? 1 : 0);
    }
  }

  /** Visits the matches from the `skip`-th on, from one split(); false (nothing visited) when the output does not tile the text. */
  private eachSplit(buf: Buffer, text: string, visit: Visit, skip: number): boolean {
    if (this.grouped === null) return this.ends !== null ? this.eachPlaced(text, this.ends, visit, skip) : this.eachBare(text, visit, skip);
    const { splitter, stride, wanted } = this.grouped;
    const parts = splitter.split(text);
    // Without a match split() returns the text alone.
    if (parts.length === 1) return true;
    // An empty match puts one character into the output with no groups: the stride breaks.
    // Patterns that can match empty are rare; such a payload is read with exec() instead.
    if ((parts.length - 1) % stride !== 0 || !tiles(parts, stride, text.length)) return false;
    let at = 0;
    let index = 0;
    for (let i = 0; i + 1 < parts.length; i += stride, index++) {
      const start = at + parts[i]!.length;
      const whole = parts[i + 1]!;
      const end = start + whole.length;
      at = end;
      if (index >= skip) visit(start, end, this.locate(buf, start, whole, wanted.map((g) => parts[i + g + 1])));
    }
    return true;
  }

  /**
   * Group-free: the text between matches from split() and the matches from match(), two DFA
   * passes; they tile the text, so positions follow. False (nothing visited) when they do not
   * (a pattern that matched empty).
   */
  private eachBare(text: string, visit: Visit, skip: number): boolean {
    const pieces = this.exec.split(text);
    if (pieces.length === 1) return true;
    const found = this.exec.match(text) ?? [];
    if (pieces.length !== found.length + 1) return false;
    let total = 0;
    for (let i = 0; i < found.length; i++) {
      if (found[i]!.length === 0) return false;
      total += pieces[i]!.length + found[i]!.length;
    }
    if (total + pieces[found.length]!.length !== text.length) return false;
    let at = 0;
    for (let i = 0; i < found.length; i++) {
      const start = at + pieces[i]!.length;
      const end = start + found[i]!.length;
      at = end;
      if (i >= skip) visit(start, end, this.names.map(() => [start, end]));
    }
    return true;
  }

  /**
   * Group-free with assertions only at its ends: the matches from one match() (one DFA pass),
   * each placed at the first occurrence of its text, from the end of the one before, where
   * the end assertions hold. That is where RE2 found it: the body has no assertions, so its
   * text matches the body wherever it occurs, and with the assertions holding the whole
   * pattern matches there; a match further left would have been RE2's leftmost one. Half the
   * cost of split() + match(). False (nothing visited) if a match cannot be placed.
   */
  private eachPlaced(text: string, ends: { lead: Edge[]; trail: Edge[] }, visit: Visit, skip: number): boolean {
    const found = this.exec.match(text);
    if (found === null) return true;
    const places = placeMatches(text, found, (at, length) => ends.lead.every((e) => holds(e, text, at)) && ends.trail.every((e) => holds(e, text, at + length)));
    if (places === null) return false;
    for (let i = skip; i < found.length; i++) {
      const start = places[i]!;
      const end = start + found[i]!.length;
      visit(start, end, this.names.map(() => [start, end]));
    }
    return true;
  }

  /**
   * Byte spans of the wanted groups of the match at `start`: where each group's text occurs in
   * the match, or, when it occurs twice there (or is empty), the exact indices from RE2.
   */
  private locate<T extends string | Buffer>(buf: Buffer, start: number, whole: T, values: readonly (T | undefined)[]): ([number, number] | undefined)[] {
    const spans: ([number, number] | undefined)[] = [];
    for (const value of values) {
      if (value === undefined) {
        spans.push(undefined);
        continue;
      }
      const inner = whole.indexOf(value as string & Buffer);
      if (value.length === 0 || inner === -1 || whole.lastIndexOf(value as string & Buffer) !== inner) {
        const sticky = this.grouped!.sticky;
        sticky.lastIndex = start;
        const m = sticky.exec(buf);
        return this.names.map((n) => m?.indices?.groups?.[n] as [number, number] | undefined);
      }
      spans.push([start + inner, start + inner + value.length]);
    }
    return spans;
  }

  /**
   * exec() on the Buffer; when an ASCII payload turns out to hold more matches than is worth
   * it, the rest come from one split(), which yields the same matches in the same order.
   */
  private eachExec(buf: Buffer, ascii: string | null, visit: Visit): void {
    const re = this.exec;
    re.lastIndex = 0;
    const switchAt = Math.max(1, Math.floor(buf.length / BYTES_PER_EXEC));
    let count = 0;
    let m: ReturnType<RE2['exec']>;
    while ((m = re.exec(buf)) !== null) {
      if (ascii !== null && count === switchAt) {
        // split() and match() on the same global regex reset its lastIndex: keep this loop's.
        const resume = re.lastIndex;
        if (this.eachSplit(buf, ascii, visit, count)) return;
        re.lastIndex = resume;
      }
      count++;
      const whole = m[0] as unknown as Buffer;
      if (whole.length === 0) re.lastIndex++;
      const start = m.index;
      const end = start + whole.length;
      const groups = m.groups as Record<string, Buffer | undefined> | undefined;
      visit(start, end, this.grouped === null ? this.names.map(() => [start, end]) : this.locate(buf, start, whole, this.names.map((n) => groups?.[n])));
    }
  }
}
