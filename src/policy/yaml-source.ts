import { LineCounter, isAlias, isMap, isScalar, isSeq, parseDocument, type Document, type Node, type Pair } from 'yaml';

export type Severity = 'error' | 'warning';

/** One finding about a policy file, always with its position. */
export interface Problem {
  readonly file: string;
  readonly line: number;
  readonly col: number;
  readonly severity: Severity;
  readonly message: string;
}

export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}:${p.col}: ${p.severity === 'warning' ? 'warning: ' : ''}${p.message}`;
}

/** Thrown by the loader when a policy has errors; carries every one of them. */
export class PolicyError extends Error {
  readonly problems: readonly Problem[];
  constructor(problems: readonly Problem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'PolicyError';
    this.problems = problems;
  }
}

export interface Position {
  readonly file: string;
  readonly line: number;
  readonly col: number;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length]!;
}

/**
 * A YAML file read with positions, and typed readers that record a problem (and return
 * undefined) instead of throwing, so that one run reports every mistake in a file.
 */
export class YamlSource {
  readonly file: string;
  readonly doc: Document.Parsed;
  readonly problems: Problem[];
  private readonly lines = new LineCounter();

  constructor(file: string, text: string, problems: Problem[]) {
    this.file = file;
    this.problems = problems;
    this.doc = parseDocument(text, { lineCounter: this.lines, prettyErrors: false, uniqueKeys: true });
    for (const e of [...this.doc.errors, ...this.doc.warnings]) {
      const at = this.lines.linePos(e.pos[0]);
      const message = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
      this.problems.push({ file, line: at.line, col: at.col, severity: 'error', message });
    }
  }

  get ok(): boolean {
    return this.doc.errors.length === 0;
  }

  position(node: Node | Pair | null | undefined): Position {
    const target = node !== null && node !== undefined && 'key' in node ? (node.key as Node | null) : node;
    const offset = (target as Node | null | undefined)?.range?.[0] ?? 0;
    const { line, col } = this.lines.linePos(offset);
    return { file: this.file, line, col };
  }

  report(node: Node | Pair | null | undefined, message: string, severity: Severity = 'error'): undefined {
    this.problems.push({ ...this.position(node), severity, message });
    return undefined;
  }

  /** Follows a YAML alias (`*name`) to the node it names. */
  deref(node: unknown): Node | null | undefined {
    return isAlias(node) ? (node.resolve(this.doc) as Node | undefined) : (node as Node | null | undefined);
  }

  /** The pairs of a mapping, keyed by name; unknown keys are reported with a suggestion. */
  map(raw: unknown, what: string, allowed: readonly string[]): Map<string, Pair<Node, Node | null>> | undefined {
    const node = this.deref(raw);
    if (!isMap(node)) return this.report(node as Node, `${what} must be a mapping`);
    const out = new Map<string, Pair<Node, Node | null>>();
    for (const pair of node.items as Pair<Node, Node | null>[]) {
      const key = isScalar(pair.key) ? String(pair.key.value) : null;
      if (key === null) {
        this.report(pair.key, `${what}: keys must be plain names`);
        continue;
      }
      if (!allowed.includes(key)) {
        const near = allowed.filter((k) => editDistance(k, key) <= 2);
        const hint = near.length > 0 ? `did you mean "${near[0]}"?` : `expected one of: ${allowed.join(', ')}`;
        this.report(pair.key, `unknown key "${key}" in ${what}; ${hint}`);
        continue;
      }
      out.set(key, pair);
    }
    return out;
  }

  seq(raw: Node | null | undefined, what: string): Node[] | undefined {
    const node = this.deref(raw);
    if (isScalar(node) && node.value === null) return [];
    if (!isSeq(node)) return this.report(node, `${what} must be a list`);
    return node.items as Node[];
  }

  string(raw: Node | null | undefined, what: string): string | undefined {
    const node = this.deref(raw);
    if (!isScalar(node) || node.value === null || typeof node.value === 'object') {
      return this.report(node, `${what} must be a string`);
    }
    return String(node.value);
  }

  boolean(node: Node | null | undefined, what: string): boolean | undefined {
    if (!isScalar(node) || typeof node.value !== 'boolean') return this.report(node, `${what} must be true or false`);
    return node.value;
  }

  integer(node: Node | null | undefined, what: string, min: number, max: number): number | undefined {
    if (!isScalar(node) || typeof node.value !== 'number' || !Number.isInteger(node.value)) {
      return this.report(node, `${what} must be a whole number`);
    }
    if (node.value < min || node.value > max) return this.report(node, `${what} must be between ${min} and ${max}`);
    return node.value;
  }

  number(node: Node | null | undefined, what: string, min: number, max: number): number | undefined {
    if (!isScalar(node) || typeof node.value !== 'number') return this.report(node, `${what} must be a number`);
    if (node.value < min || node.value > max) return this.report(node, `${what} must be between ${min} and ${max}`);
    return node.value;
  }

  oneOf<T extends string>(node: Node | null | undefined, what: string, values: readonly T[]): T | undefined {
    const s = this.string(node, what);
    if (s === undefined) return undefined;
    if (!(values as readonly string[]).includes(s)) {
      return this.report(node, `${what} must be one of ${values.join(', ')} (got "${s}")`);
    }
    return s as T;
  }

  strings(node: Node | null | undefined, what: string): { value: string; node: Node }[] | undefined {
    const items = this.seq(node, what);
    if (items === undefined) return undefined;
    const out: { value: string; node: Node }[] = [];
    for (const item of items) {
      const v = this.string(item, `each entry of ${what}`);
      if (v !== undefined) out.push({ value: v, node: item });
    }
    return out;
  }
}
