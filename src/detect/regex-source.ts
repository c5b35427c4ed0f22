/**
 * Reading RE2 pattern sources: enough of the syntax to find capturing groups, a group's
 * closing parenthesis and the zero-width assertions. One tokenizer knows escapes and
 * character classes; the readers below work on its tokens.
 */

interface Token {
  /** 'escape': a backslash and the character after it; 'class': a whole [...]; 'char': anything else. */
  readonly kind: 'escape' | 'class' | 'char';
  readonly text: string;
  /** Where the token starts in the source. */
  readonly at: number;
}

function tokens(source: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    if (c === '\\') {
      out.push({ kind: 'escape', text: source.slice(i, i + 2), at: i });
      i += 2;
    } else if (c === '[') {
      let j = i + 1;
      // A ']' right after '[' or '[^' is a literal member of the class.
      if (source[j] === '^') j++;
      if (source[j] === ']') j++;
      while (j < source.length && source[j] !== ']') j += source[j] === '\\' ? 2 : 1;
      out.push({ kind: 'class', text: source.slice(i, j + 1), at: i });
      i = j + 1;
    } else {
      out.push({ kind: 'char', text: c, at: i });
      i++;
    }
  }
  return out;
}

/**
 * The names of a pattern's capturing groups in order (null for an unnamed group):
 * `(?P<name>` and `(?<name>` are named groups, any other `(?` is not a capture.
 */
export function captureGroups(source: string): (string | null)[] {
  const groups: (string | null)[] = [];
  for (const t of tokens(source)) {
    if (t.kind !== 'char' || t.text !== '(') continue;
    if (source[t.at + 1] !== '?') groups.push(null);
    else {
      const named = /^\(\?P?<([A-Za-z_][A-Za-z0-9_]*)>/.exec(source.slice(t.at, t.at + 40));
      if (named !== null) groups.push(named[1]!);
    }
  }
  return groups;
}

/** Index of the ')' that closes the group opening at `open`; -1 if none. */
export function closingParen(source: string, open: number): number {
  let depth = 0;
  for (const t of tokens(source)) {
    if (t.at < open || t.kind !== 'char') continue;
    if (t.text === '(') depth++;
    else if (t.text === ')' && --depth === 0) return t.at;
  }
  return -1;
}

/** The pattern with its zero-width assertions (\b \B \A \z ^ $) taken out. */
export function withoutAssertions(source: string): string {
  return tokens(source)
    .filter((t) => !(t.kind === 'escape' && /^\\[bBAz]$/.test(t.text)) && !(t.kind === 'char' && (t.text === '^' || t.text === '$')))
    .map((t) => t.text)
    .join('');
}
