import { isUtf8 } from 'node:buffer';
import type { Format } from '../types.js';
import { skipBom } from './context.js';
import { looksLikeCsv } from './csv.js';
import { looksLikeHl7 } from './hl7.js';
import { looksLikeX12 } from './x12.js';

const MAGIC: readonly (readonly number[])[] = [
  [0x25, 0x50, 0x44, 0x46], // %PDF
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x47, 0x49, 0x46, 0x38], // GIF8
  [0x50, 0x4b, 0x03, 0x04], // ZIP, DOCX, XLSX
  [0x37, 0x7a, 0xbc, 0xaf], // 7z
  [0x52, 0x61, 0x72, 0x21], // RAR
  [0x1f, 0x8b], // gzip that did not decode
  [0x28, 0xb5, 0x2f, 0xfd], // zstd
  [0x49, 0x49, 0x2a, 0x00], // TIFF
  [0x4d, 0x4d, 0x00, 0x2a], // TIFF
  [0x44, 0x49, 0x43, 0x4d], // DICM (DICOM, after preamble: checked separately)
  [0x4f, 0x67, 0x67, 0x53], // Ogg
  [0x52, 0x49, 0x46, 0x46], // RIFF (WAV, AVI, WEBP)
];

const BINARY_TYPES = /^(image|audio|video|font)\/|^application\/(pdf|zip|x-zip|gzip|x-7z|x-rar|octet-stream|x-protobuf|protobuf|grpc|vnd\.ms-|vnd\.openxmlformats|dicom|pkcs|x-pkcs|pgp|x-tar|wasm)/i;

/** The magic numbers by their first byte: most payloads start with a byte none has. */
const MAGIC_BY_FIRST = new Map<number, (readonly number[])[]>();
for (const m of MAGIC) (MAGIC_BY_FIRST.get(m[0]!) ?? MAGIC_BY_FIRST.set(m[0]!, []).get(m[0]!)!).push(m);

/** True when `head` (at least the first four bytes of something) starts with a file format's magic number: an image, PDF, archive, compressed or media file. */
export function hasFileMagic(head: ArrayLike<number>): boolean {
  const magic = MAGIC_BY_FIRST.get(head[0]!);
  return magic !== undefined && magic.some((m) => m.every((b, i) => head[i] === b));
}

/** True for images, PDFs, archives, encrypted or otherwise opaque bytes. */
export function isBinary(buf: Buffer, contentType: string | undefined): boolean {
  if (hasFileMagic(buf)) return true;
  // 'DICM' after DICOM's 128-byte preamble.
  if (buf.length > 132 && buf[128] === 0x44 && buf[129] === 0x49 && buf[130] === 0x43 && buf[131] === 0x4d) return true;
  if (buf.includes(0)) return true;
  const sample = buf.length > 65536 ? buf.subarray(0, 65536) : buf;
  const utf8 = isUtf8(sample);
  if (!utf8) {
    // Latin-1 text from older systems is still text; a high share of control bytes is not.
    let control = 0;
    for (const b of sample) if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0b && b !== 0x1c) || (b >= 0x80 && b < 0xa0)) control++;
    if (control / sample.length > 0.02) return true;
  }
  // gRPC-Web's text mode is base64 of binary protobuf frames: text on the wire, binary within.
  if (contentType !== undefined && contentType.length >= 25 && /^application\/grpc-web-text/i.test(contentType)) return true;
  // A declared binary type whose bytes are plain text (a CSV sent as octet-stream) is scanned
  // as text; so the type is asked only about bytes that are not UTF-8.
  return !utf8 && BINARY_TYPES.test(contentType ?? '');
}

/**
 * The payload's format, from its Content-Type and its first bytes. JSON is 'json' here; the
 * scanner tells FHIR JSON apart by the `"resourceType"` probe of its pattern pass (a Buffer
 * search of its own cost more than the rest of the sniff on small payloads).
 */
export function sniffFormat(buf: Buffer, contentType: string | undefined): Format {
  if (buf.length === 0) return 'empty';
  const ct = (contentType ?? '').toLowerCase();
  if (ct.startsWith('multipart/')) return 'multipart';
  if (looksLikeHl7(buf)) return 'hl7v2';
  if (looksLikeX12(buf)) return 'x12';
  // A byte order mark (Windows tools write one) is not content.
  let i = skipBom(buf, 0);
  while (i < buf.length && buf[i]! <= 0x20) i++;
  const first = buf[i];
  if (ct.includes('json') || first === 0x7b || first === 0x5b) {
    if (first === 0x7b || first === 0x5b) return 'json';
  }
  if (ct.includes('x-www-form-urlencoded')) return 'form';
  if (first === 0x3c || ct.includes('xml')) return 'xml';
  if (ct.includes('tab-separated')) return 'tsv';
  if (ct.includes('csv') || looksLikeCsv(buf)) return 'csv';
  if (!ct.startsWith('text/') && /^[\w.%-]+=[^&\s]*(&[\w.%-]+=[^&\s]*)+$/.test(buf.toString('latin1', i, Math.min(buf.length, 2048)).trimEnd())) return 'form';
  return 'text';
}
