import { isAscii } from 'node:buffer';
/**
 * One Aho–Corasick automaton over some of the words' case forms (its entries): a full
 * transition table (a DFA, no failure links chased at scan time), ASCII letters folded to
 * lower case.
 */
class Automaton {
  /** Byte -> column in the transition table; bytes that occur in no entry share column 0. */
  private readonly column = new Uint8Array(256);
  /** Per entry: its word, its byte length. */
  private readonly entryWord: Int32Array;
  private readonly entryLength: Int32Array;
  /** Transitions: row offset (state x width) + column -> next state's row offset. */
  private readonly next: Int32Array;
  /** Entries that end in a state (its own and those along its failure links), by row offset. */
  private readonly ends: (readonly number[] | undefined)[];
  /** 1 where `ends` has entries: a typed-array test in the hot loop. */
  private readonly hasEnds: Uint8Array;

  constructor(bytes: readonly Buffer[], entryWord: readonly number[]) {
    this.entryWord = Int32Array.from(entryWord);
    this.entryLength = Int32Array.from(bytes, (b) => b.length);
    let width = 1;
    for (const b of bytes) {
      for (const c of b) {
        if (this.column[c] === 0) this.column[c] = width++;
      }
    }
    // Upper-case ASCII letters read as their lower-case column.
    for (let c = 0x41; c <= 0x5a; c++) this.column[c] = this.column[c + 0x20]!;
    if (width > 255) throw new Error('context words use more than 254 distinct bytes');

    // The trie, state 0 the root.
    const goto: Int32Array[] = [new Int32Array(width).fill(-1)];
    const own: number[][] = [[]];
    bytes.forEach((b, index) => {
      let s = 0;
      for (const c of b) {
        const col = this.column[c]!;
        if (goto[s]![col]! === -1) {
          goto[s]![col] = goto.length;
          goto.push(new Int32Array(width).fill(-1));
          own.push([]);
        }
        s = goto[s]![col]!;
      }
      own[s]!.push(index);
    });

    // Breadth first: failure links, then the full transition table.
    const states = goto.length;
    const next = new Int32Array(states * width);
    const fail = new Int32Array(states);
    const ends: (number[] | undefined)[] = new Array<number[] | undefined>(states * width);
    const queue: number[] = [];
    for (let col = 0; col < width; col++) {
      const t = goto[0]![col]!;
      next[col] = (t === -1 ? 0 : t) * width;
      if (t !== -1) queue.push(t);
    }
    for (let head = 0; head < queue.length; head++) {
      const s = queue[head]!;
      const found = [...own[s]!, ...(ends[fail[s]! * width] ?? [])];
      if (found.length > 0) ends[s * width] = found;
      for (let col = 0; col < width; col++) {
        const t = goto[s]![col]!;
        if (t === -1) {
          next[s * width + col] = next[fail[s]! * width + col]!;
        } else {
          fail[t] = next[fail[s]! * width + col]! / width;
          next[s * width + col] = t * width;
          queue.push(t);
        }
      }
    }
    this.next = next;
    this.ends = ends;
    this.hasEnds = new Uint8Array(states * width);
    ends.forEach((e, at) => {
      if (e !== undefined) this.hasEnds[at] = 1;
    });
  }

  /** The size of the transition table, in entries. */
  get size(): number {
    return this.next.length;
  }

  /** Adds the start of every entry in `buf` that begins a word (see WordFinder.find) to `found`. */
  find(buf: Buffer, found: (number[] | undefined)[]): void {
    const { column, next, ends, hasEnds, entryWord, entryLength } = this;
    const n = buf.length;
    let s = 0;
    for (let i = 0; i < n; i++) {
      s = next[s + column[buf[i]!]!]!;
      if (hasEnds[s] === 0) continue;
      for (const e of ends[s]!) {
        const w = entryWord[e]!;
        const start = i - entryLength[e]! + 1;
        if (start > 0) {
          let before = buf[start - 1]!;
          if (before >= 0x41 && before <= 0x5a) before += 0x20;
          if ((before >= 0x30 && before <= 0x39) || (before >= 0x61 && before <= 0x7a)) continue;
        }
        (found[w] ??= []).push(start);
      }
    }
  }
}

/**
 * Finds every occurrence of many context words in one pass over the bytes. It replaces one
 * `indexOf` per word per payload (hundreds of words, so hundreds of passes over a large body)
 * with a table walk that touches each byte once. Two automata: one of the words written in
 * ASCII, for ASCII payloads (most traffic), and one of all words; the words in other scripts
 * ("síntomas", "дата рождения", "تاريخ الميلاد") bring many bytes and states, and a table of
 * them all is several times larger (slower to walk) than the ASCII words' alone.
 */
export class WordFinder {
  readonly words: readonly string[];
  /**
   * The forms of each word as WordPositions looks for them with `indexOf`: UTF-8 bytes as
   * Latin-1 text, lower-cased as a payload's Latin-1 text is ("síntomas" is s, 0xC3 0xAD,
   * ntomas), one form per case variant (see caseForms).
   */
  readonly latin1Forms: readonly (readonly string[])[];
  /** Words with more than one form (few: those with letters beyond ASCII): their offsets may need sorting. */
  private readonly multiForm: readonly number[];
  private readonly asciiWords: Automaton;
  private readonly allWords: Automaton;

  constructor(words: readonly string[]) {
    this.words = words;
    // Payloads are UTF-8: a word with an accent ("síntomas", "teléfono") is looked for as its
    // UTF-8 bytes (as Latin-1 bytes it would never match one), in each of its case forms (the
    // automaton folds ASCII letters only: "Síntomas", "SÍNTOMAS", "Дата рождения").
    const forms = words.map(caseForms);
    this.latin1Forms = forms.map((f) => [...new Set(f.map((w) => Buffer.from(w, 'utf8').toString('latin1').toLowerCase()))]);
    // A word written in ASCII is the only kind that can occur in an ASCII payload.
    const asciiWord = words.map((w) => /^[\x00-\x7f]*$/.test(w));
    const bytes: Buffer[] = [];
    const entryWord: number[] = [];
    forms.forEach((f, index) => {
      for (const w of f) {
        bytes.push(Buffer.from(w, 'utf8'));
        entryWord.push(index);
      }
    });
    this.multiForm = forms.flatMap((f, index) => (f.length > 1 ? [index] : []));
    const ascii = entryWord.flatMap((w, e) => (asciiWord[w] ? [e] : []));
    this.asciiWords = new Automaton(
      ascii.map((e) => bytes[e]!),
      ascii.map((e) => entryWord[e]!),
    );
    this.allWords = new Automaton(bytes, entryWord);
  }

  /** The sizes of the two transition tables (ASCII words, all words), in entries. */
  get tableSizes(): [number, number] {
    return [this.asciiWords.size, this.allWords.size];
  }

  /**
   * Start offsets of every word in `buf`, by word index, each list in ascending order. A word
   * counts only at a word start: the byte before it is not an ASCII letter or digit ("pt" does
   * not count inside "script").
   */
  find(buf: Buffer): (number[] | undefined)[] {
    const found: (number[] | undefined)[] = new Array<number[] | undefined>(this.words.length);
    if (isAscii(buf)) {
      this.asciiWords.find(buf, found);
      return found;
    }
    this.allWords.find(buf, found);
    // Case forms of one word may differ in byte length ("ß", "SS"): keep each list in order.
    for (const w of this.multiForm) found[w]?.sort((a, b) => a - b);
    return found;
  }
}

/**
 * A word's forms to look for byte by byte: itself in lower case; and where it has letters
 * beyond ASCII (which the automaton does not fold), also capitalized and in capitals.
 */
function caseForms(word: string): string[] {
  const lower = word.toLowerCase();
  if (/^[\x00-\x7f]*$/.test(lower)) return [lower];
  const capitalized = lower.charAt(0).toUpperCase() + lower.slice(1);
  // Forms that differ only in ASCII letters are one form to the automaton ("Síntomas").
  const byFolded = new Map<string, string>();
  for (const form of [lower, capitalized, lower.toUpperCase()]) {
    const folded = form.replace(/[A-Z]/g, (c) => c.toLowerCase());
    if (!byFolded.has(folded)) byFolded.set(folded, form);
  }
  return [...byFolded.values()];
}

const NONE: readonly number[] = [];
/** Words looked up one by one at most; past that the automaton runs once for all (its pass costs about as much as ten indexOf passes). */
const ONE_BY_ONE_WORDS = 12;

/**
 * Word positions in one payload, found on first need: with `indexOf` on the lower-cased
 * Latin-1 text (one character per byte) while few words are asked for — most payloads need
 * only a handful — and by the automaton, once for every word, past that.
 */
export class WordPositions {
  private all: (number[] | undefined)[] | undefined;
  private readonly some = new Map<number, number[]>();
  private lower: string | undefined;

  constructor(
    private readonly finder: WordFinder,
    private readonly buf: Buffer,
  ) {}

  /** Says which words are about to be asked for, so that many are found in one pass. */
  want(ids: readonly number[]): void {
    if (this.all !== undefined) return;
    if (ids.length > ONE_BY_ONE_WORDS) {
      this.all = this.finder.find(this.buf);
      return;
    }
    // A word asked for twice counts twice: that only runs the automaton a little sooner.
    let more = 0;
    for (const id of ids) if (!this.some.has(id)) more++;
    if (this.some.size + more > ONE_BY_ONE_WORDS) this.all = this.finder.find(this.buf);
  }

  /** Start offsets of word `id` (an index into the finder's words), ascending. */
  of(id: number): readonly number[] {
    if (this.all !== undefined) return this.all[id] ?? NONE;
    let found = this.some.get(id);
    if (found !== undefined) return found;
    this.lower ??= this.buf.toString('latin1').toLowerCase();
    const text = this.lower;
    found = [];
    const forms = this.finder.latin1Forms[id]!;
    for (const word of forms) {
      for (let i = text.indexOf(word); i !== -1; i = text.indexOf(word, i + 1)) {
        const before = i === 0 ? 0 : text.charCodeAt(i - 1);
        if (!((before >= 0x30 && before <= 0x39) || (before >= 0x61 && before <= 0x7a))) found.push(i);
      }
    }
    if (forms.length > 1) found.sort((a, b) => a - b);
    this.some.set(id, found);
    return found;
  }
}
