import type { Identifier } from '../../src/detect/types.js';

/** A labelled span of PHI in a generated document: the ground truth for the evaluation. */
export interface Span {
  readonly start: number;
  readonly end: number;
  readonly identifier: Identifier;
}

/**
 * Builds a document piece by piece, recording byte offsets of the PHI it writes, so that
 * ground truth never depends on searching the finished text.
 */
export class DocBuilder {
  private readonly parts: Buffer[] = [];
  private length = 0;
  readonly spans: Span[] = [];

  text(s: string): this {
    const b = Buffer.from(s);
    this.parts.push(b);
    this.length += b.length;
    return this;
  }

  phi(s: string, identifier: Identifier): this {
    const start = this.length;
    this.text(s);
    this.spans.push({ start, end: this.length, identifier });
    return this;
  }

  build(): Buffer {
    return Buffer.concat(this.parts, this.length);
  }
}
