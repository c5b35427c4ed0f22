import type { Scanner } from './compile.js';
import { scan } from './scan.js';
import type { ScanOptions, ScanResult } from './types.js';

/**
 * Feeds a body to the scanner chunk by chunk as it arrives. The bytes are held (the proxy
 * must hold them anyway until the verdict), the size cap is enforced on every chunk so an
 * oversized body is refused without reading it all, and the scan runs over the whole body
 * at the end, so a value split across chunk boundaries is found like any other.
 */
export class ScanStream {
  private readonly chunks: Buffer[] = [];
  private held = 0;
  private overLimit = false;

  constructor(
    private readonly scanner: Scanner,
    private readonly options: ScanOptions & { readonly maxBytes: number },
  ) {}

  /** Returns false once the body is over maxBytes; later chunks are dropped. */
  write(chunk: Buffer): boolean {
    if (this.overLimit) return false;
    this.held += chunk.length;
    if (this.held > this.options.maxBytes) {
      this.overLimit = true;
      this.chunks.length = 0;
      return false;
    }
    this.chunks.push(chunk);
    return true;
  }

  get bytes(): number {
    return this.held;
  }

  get tooLarge(): boolean {
    return this.overLimit;
  }

  /** The held bytes, unchanged, for forwarding after a clean verdict. */
  body(): Buffer {
    return this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks, this.held);
  }

  end(): ScanResult {
    if (this.overLimit) return { phi: false, format: 'binary', bytes: this.held, findings: [], unscannable: 'too_large' };
    return scan(this.scanner, this.body(), this.options);
  }
}
