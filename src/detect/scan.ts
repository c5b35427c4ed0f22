import { PROBE_DICOM, PROBE_DOM_TEXT, PROBE_EMBEDDED, PROBE_GOOGLE_FORM, PROBE_LOGFMT, PROBE_NAME_LABELS, PROBE_FORM_LABELLED, PROBE_FORM_PAIRS, PROBE_GLUED, PROBE_JSON_PAIRS, PROBE_JSON_OBJECTS, PROBE_QUOTED_PRINTABLE, PROBE_VCARD, PROBE_PERSON, PROBE_RESOURCE_TYPE, PROBE_XML_PAIRS, PROBE_XML_STRUCTURES, type Probes, type Scanner } from './compile.js';
import { DEFAULT_MAX_DECODED_BYTES, DEFAULT_MAX_RATIO, base64Values, decodeContent, gluedTokens, hex, isDigit, isGzipHeader, isZlibHeader, needsNormalizing, normalize, quotedPrintable, utf16Text, withoutCharset, type Normalized } from './decode.js';
import { envelope, type Envelope } from './formats/envelope.js';
import { plausible, structural, type FormatContext } from './formats/context.js';
import { csvColumns } from './formats/csv.js';
import { dicomAttributes } from './formats/dicom.js';
import { domText } from './formats/dom-text.js';
import { fhirResources } from './formats/fhir.js';
import { formFields, formLabelledFields, googleFormAnswers, jsonFields, logfmtFields, nameLabels, xmlFields } from './formats/fields.js';
import { jsonObjectFields } from './formats/json-objects.js';
import { xmlStructures } from './formats/xml-structures.js';
import { unfold, vcardFields } from './formats/vcard.js';
import { hl7Fields } from './formats/hl7.js';
import { boundaryOf, splitMultipart } from './formats/multipart.js';
import { isBinary, sniffFormat } from './formats/sniff.js';
import { x12Fields } from './formats/x12.js';
import type { Finding, Format, ScanOptions, ScanResult, Unscannable } from './types.js';

/** How deep decoding may nest (multipart part -> base64 value -> JSON ...). */
const MAX_DEPTH = 3;
/** How many times escapes are undone in a row (%25 -> % -> the character). */
const MAX_NORMALIZE_LEVELS = 3;
/**
 * Documents inside strings read per payload (see scanEmbedded); past this many the payload is
 * unscannable ('too_large'), not half-read: each costs a scan of its own.
 */
export const MAX_EMBEDDED = 1000;

interface Walk {
  readonly scanner: Scanner;
  readonly out: Finding[];
  readonly maxDecoded: number;
  unscannable: Unscannable | null;
  /** Documents inside strings read so far (MAX_EMBEDDED). */
  embedded: number;
}

/**
 * Scans one payload. Pure: bytes and the compiled pack in, findings (offsets, never values)
 * out. Anything it cannot read is reported as unscannable so the caller can fail closed.
 */
export function scan(scanner: Scanner, input: Buffer, options: ScanOptions = {}): ScanResult {
  const maxDecoded = options.maxDecodedBytes ?? DEFAULT_MAX_DECODED_BYTES;
  const decoded = decodeContent(input, options.contentEncoding, maxDecoded, options.maxRatio ?? DEFAULT_MAX_RATIO);
  if ('unscannable' in decoded) {
    return { phi: false, format: 'binary', bytes: input.length, findings: [], unscannable: decoded.unscannable };
  }
  const walk: Walk = { scanner, out: [], maxDecoded, unscannable: null, embedded: 0 };
  const format = scanPayload(walk, decoded.buf, options.contentType, 0, decoded.layer, 0);
  const findings = finish(walk.out, options.minConfidence ?? scanner.minConfidence);
  return { phi: findings.length > 0, format, bytes: input.length, findings, unscannable: walk.unscannable };
}

/** Drops findings below the threshold and duplicates; sorts by position. */
export function finish(all: Finding[], minConfidence: number): Finding[] {
  if (all.length === 0) return [];
  // Sorted first (a stable sort: equal findings keep their order), then each run of findings
  // of one detector at one span is one finding per layer, the most confident (the first of
  // those), in the order the layers first came. No key string per finding.
  const kept = all.filter((f) => f.confidence >= minConfidence);
  // Detector ids are [a-z0-9-]: code-unit order, not localeCompare (ICU collation, slow).
  kept.sort((a, b) => a.start - b.start || a.end - b.end || (a.detector < b.detector ? -1 : a.detector > b.detector ? 1 : 0));
  const out: Finding[] = [];
  for (let i = 0; i < kept.length; ) {
    const f = kept[i]!;
    let j = i + 1;
    while (j < kept.length && kept[j]!.start === f.start && kept[j]!.end === f.end && kept[j]!.detector === f.detector) j++;
    if (j === i + 1) out.push(f);
    else {
      const best = new Map<string | undefined, Finding>();
      for (let k = i; k < j; k++) {
        const g = kept[k]!;
        const prior = best.get(g.layer);
        if (prior === undefined || prior.confidence < g.confidence) best.set(g.layer, g);
      }
      for (const g of best.values()) out.push(g);
    }
    i = j;
  }
  return out;
}

function scanPayload(walk: Walk, buf: Buffer, contentType: string | undefined, base: number, layer: string | undefined, depth: number): Format {
  if (buf.length === 0) return 'empty';
  // A multipart body is judged part by part: one binary attachment must not hide text parts.
  if (!(contentType ?? '').toLowerCase().startsWith('multipart/') && isBinary(buf, contentType)) {
    // UTF-16 text reads as binary (the high byte of every ASCII character is zero): its UTF-8 is scanned.
    const utf16 = utf16Text(buf, contentType);
    if (utf16 !== null) return scanUtf16(walk, utf16, withoutCharset(contentType), base, layer, depth);
    // A Sentry envelope carrying a compressed item (a session replay's recording): item by item.
    const env = buf[0] === 0x7b && depth < MAX_DEPTH ? envelope(buf) : null;
    if (env !== null) {
      scanEnvelope(walk, buf, env, base, layer, depth);
      return 'json';
    }
    walk.unscannable ??= 'binary';
    return 'binary';
  }
  const sniffed = sniffFormat(buf, contentType);
  // A form's `+` are spaces: its text is read as the vendor will (formSpaces); its pairs and
  // base64 values as sent (a pair's value runs to the next `&`, its `+` included).
  let raw: Buffer | null = null;
  if (sniffed === 'form') {
    const spaced = formSpaces(buf);
    if (spaced !== null) [raw, buf] = [buf, spaced];
  }
  const ctx: FormatContext = { buf: raw ?? buf, scanner: walk.scanner, out: walk.out, base, layer };
  if (sniffed === 'multipart') {
    scanMultipart(walk, ctx, contentType, depth);
    return sniffed;
  }
  // The same pass says whether the JSON is FHIR, and whether a person resource or a
  // PHI-named JSON pair can be there at all.
  const probes = walk.scanner.scanText(buf, walk.out, base, layer);
  const format: Format = sniffed === 'json' && (probes & PROBE_RESOURCE_TYPE) !== 0 ? 'fhir-json' : sniffed;
  switch (format) {
    case 'fhir-json':
      if ((probes & PROBE_PERSON) !== 0) fhirResources(ctx);
      if ((probes & PROBE_JSON_PAIRS) !== 0) jsonFields(ctx);
      if ((probes & PROBE_JSON_OBJECTS) !== 0) jsonObjectFields(ctx);
      break;
    case 'json':
      if ((probes & PROBE_JSON_PAIRS) !== 0) jsonFields(ctx);
      if ((probes & PROBE_JSON_OBJECTS) !== 0) jsonObjectFields(ctx);
      if ((probes & PROBE_DOM_TEXT) !== 0) scanDomText(walk, buf, base, layer, depth);
      if ((probes & PROBE_DICOM) !== 0) dicomAttributes(ctx);
      break;
    case 'hl7v2':
      hl7Fields(ctx);
      break;
    case 'x12':
      x12Fields(ctx);
      break;
    case 'csv':
    case 'tsv':
      csvColumns(ctx);
      break;
    case 'form':
      if ((probes & PROBE_FORM_LABELLED) !== 0) formLabelledFields(ctx);
      if ((probes & PROBE_GOOGLE_FORM) !== 0) googleFormAnswers(ctx);
      break;
    case 'xml':
      if ((probes & PROBE_XML_PAIRS) !== 0) xmlFields(ctx);
      if ((probes & PROBE_XML_STRUCTURES) !== 0) xmlStructures(ctx);
      break;
    default:
      break;
  }
  // PHI-named key=value pairs: a form body, and also a query string inside a JSON string, an
  // XML element or a log line (a request URL an APM or log vendor receives); logfmt lines.
  if (format !== 'hl7v2' && format !== 'x12') {
    if ((probes & PROBE_FORM_PAIRS) !== 0) formFields(ctx);
    if ((probes & PROBE_LOGFMT) !== 0) logfmtFields(ctx);
    // A name labelled in an XML attribute, a GraphQL argument, YAML, INI or TOML.
    if ((probes & PROBE_NAME_LABELS) !== 0) nameLabels(ctx);
  }
  // A message whose own start the sniff saw is read whole by its parser above.
  if ((probes & PROBE_EMBEDDED) !== 0 && format !== 'hl7v2' && format !== 'x12') scanEmbedded(walk, buf, format, base, layer, depth);
  scanDecodedLayers(walk, buf, base, layer, depth, probes, raw);
  return format;
}

/**
 * A form body (or a query string) with its `+` read as the spaces they stand for, as the
 * receiving server decodes them: an HTML form posts "Hi, this is Rosa Garcia" as
 * `Hi%2C+this+is+Rosa+Garcia`, and the patterns read words between spaces (a plus sign itself
 * is sent as %2B). One byte for one, so offsets are the input's. Null when there is no `+`.
 */
function formSpaces(buf: Buffer): Buffer | null {
  if (buf.indexOf(0x2b) === -1) return null;
  const out = Buffer.from(buf);
  for (let i = out.indexOf(0x2b); i !== -1; i = out.indexOf(0x2b, i + 1)) {
    // A value that begins "+1312..." was typed with its plus unescaped: a telephone number in E.164.
    if (out[i - 1] === 0x3d && isDigit(out[i + 1])) continue;
    out[i] = 0x20;
  }
  return out;
}

/**
 * Scans a derived payload (a decoded layer, a message cut out of a string) on its own, under
 * the walk's limits; returns its format, findings (offsets in `buf`) and unscannable verdict.
 */
function scanInner(walk: Walk, buf: Buffer, contentType: string | undefined, depth: number): { format: Format; found: Finding[]; unscannable: Unscannable | null } {
  const inner: Walk = { scanner: walk.scanner, out: [], maxDecoded: walk.maxDecoded, unscannable: null, embedded: walk.embedded };
  const format = scanPayload(inner, buf, contentType, 0, undefined, depth);
  walk.embedded = inner.embedded;
  return { format, found: inner.out, unscannable: inner.unscannable };
}

/**
 * Adds findings made on a derived text to the walk, their offsets mapped back to the input:
 * byte i of the text came from `map[i]` (the same offset when `map` is null), plus `offset`
 * (where the text's source starts) and `base`; then the layer.
 */
function addMapped(walk: Walk, found: readonly Finding[], map: Int32Array | null, offset: number, base: number, layer: string | undefined): void {
  for (const f of found) {
    const start = (map === null ? f.start : map[f.start]!) + offset + base;
    const end = (map === null ? f.end : map[f.end]!) + offset + base;
    const mapped: Finding = { detector: f.detector, identifier: f.identifier, start, end, confidence: f.confidence };
    walk.out.push(layer === undefined ? mapped : { ...mapped, layer });
  }
}

/**
 * Adds findings made on text decoded from [start, end) of the input (a base64 run, a compressed
 * item), each reported as that whole span: its bytes do not map one to one onto the text.
 */
function addAsSpan(walk: Walk, found: readonly Finding[], start: number, end: number, base: number, layer: string | undefined): void {
  for (const f of found) {
    const mapped: Finding = { detector: f.detector, identifier: f.identifier, start: start + base, end: end + base, confidence: f.confidence };
    walk.out.push(layer === undefined ? mapped : { ...mapped, layer });
  }
}

/**
 * A page's text nodes serialized as JSON (session replay; see formats/dom-text.ts), read joined
 * as the page reads, findings mapped back to the nodes' bytes.
 */
function scanDomText(walk: Walk, buf: Buffer, base: number, layer: string | undefined, depth: number): void {
  if (depth >= MAX_DEPTH) return;
  const keys = walk.scanner.keys;
  const text = domText(buf, (node) => keys.identify(node) !== null);
  if (text === null) return;
  const inner = scanInner(walk, text.buf, 'text/plain', depth + 1);
  if (inner.format !== 'binary') walk.unscannable ??= inner.unscannable;
  addMapped(walk, inner.found, text.map, 0, base, layer);
}

/**
 * A Sentry envelope that reads as binary (see formats/envelope.ts): its header lines and each
 * item's payload scanned on their own, a zlib- or gzip-compressed payload (a replay's
 * recording, after its own header line) decompressed within the walk's cap and its findings
 * reported as the compressed bytes' span. A payload that is still binary is unscannable.
 */
function scanEnvelope(walk: Walk, buf: Buffer, env: Envelope, base: number, layer: string | undefined, depth: number): void {
  const compressed = (at: number): 'gzip' | 'deflate' | null => (isGzipHeader(buf.subarray(at, at + 4)) ? 'gzip' : isZlibHeader(buf[at]!, buf[at + 1]!) ? 'deflate' : null);
  // An SDK sends a handful of items; thousands would each cost a scan: unscannable, not half-read.
  if (env.items.length > MAX_EMBEDDED) {
    walk.unscannable ??= 'too_large';
    return;
  }
  let budget = walk.maxDecoded;
  for (const [start, end] of env.headers) scanPayload(walk, buf.subarray(start, end), 'application/json', base + start, layer, depth + 1);
  for (const item of env.items) {
    let { start } = item;
    const { end } = item;
    // A replay recording begins with a header line of its own ({"segment_id": 0}).
    const nl = buf.indexOf(0x0a, start);
    if (buf[start] === 0x7b && nl !== -1 && nl + 2 < end && compressed(nl + 1) !== null) {
      scanPayload(walk, buf.subarray(start, nl), 'application/json', base + start, layer, depth + 1);
      start = nl + 1;
    }
    const coding = end - start >= 4 ? compressed(start) : null;
    if (coding === null) {
      scanPayload(walk, buf.subarray(start, end), undefined, base + start, layer, depth + 1);
      continue;
    }
    const decoded = decodeContent(buf.subarray(start, end), coding, Math.max(0, budget), DEFAULT_MAX_RATIO, false);
    if ('unscannable' in decoded) {
      walk.unscannable ??= decoded.unscannable;
      continue;
    }
    budget -= decoded.buf.length;
    const inner = scanInner(walk, decoded.buf, undefined, depth + 1);
    walk.unscannable ??= inner.unscannable;
    addAsSpan(walk, inner.found, start, end, base, layer);
  }
}

/** A payload in UTF-16, scanned as its UTF-8 (`text`), findings mapped back to its bytes. */
function scanUtf16(walk: Walk, text: Normalized, contentType: string | undefined, base: number, layer: string | undefined, depth: number): Format {
  const inner = scanInner(walk, text.buf, contentType, depth);
  walk.unscannable ??= inner.unscannable;
  addMapped(walk, inner.found, text.map, 0, base, layer);
  return inner.format;
}

const isAlnum = (b: number): boolean => isDigit(b) || (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a);
const isWordByte = (b: number | undefined): boolean => b !== undefined && (isAlnum(b) || b === 0x5f);
/** RE2's \s: tab, line feed, form feed, carriage return, space. */
const SPACE = new Set([0x09, 0x0a, 0x0c, 0x0d, 0x20]);

/**
 * Where documents begin inside the payload, by the markers of PROBE_EMBEDDED: `ISA` with a
 * separator (or a percent-encoded one) and ISA01's qualifier; `MSH`, `FHS` or `BHS` with `|`
 * (or `%7C`); a JSON string that holds a JSON object (its position is the `{`). Each with
 * whether it is that JSON. The probe's RE2 entry says whether there is any; this says where
 * (tested to find none where the probe is silent).
 */
export function embeddedStarts(buf: Buffer): { at: number; json: boolean }[] {
  const starts: { at: number; json: boolean }[] = [];
  for (const marker of ['ISA', 'MSH', 'FHS', 'BHS']) {
    for (let at = buf.indexOf(marker); at !== -1; at = buf.indexOf(marker, at + 3)) {
      if (isWordByte(buf[at - 1])) continue;
      const sep = buf[at + 3];
      const encoded = sep === 0x25 && hex(buf[at + 4]) >= 0 && hex(buf[at + 5]) >= 0; // %XX
      let fits: boolean;
      if (marker !== 'ISA') fits = encoded ? buf[at + 4] === 0x37 && (buf[at + 5] === 0x43 || buf[at + 5] === 0x63) : sep === 0x7c;
      else {
        const after = at + (encoded ? 6 : 4);
        const separator = encoded || (sep !== undefined && !isAlnum(sep) && !SPACE.has(sep));
        fits = separator && buf[after] === 0x30 && isDigit(buf[after + 1]);
      }
      if (fits) starts.push({ at, json: false });
    }
  }
  for (let at = buf.indexOf('"{\\"'); at !== -1; at = buf.indexOf('"{\\"', at + 1)) starts.push({ at: at + 1, json: true });
  return starts.sort((a, b) => a.at - b.at);
}

/** The end of the JSON string that `from` is inside: its closing quote (or the payload's end). */
function jsonStringEnd(buf: Buffer, from: number): number {
  for (let i = from; i < buf.length; i++) {
    if (buf[i] === 0x5c) i++;
    else if (buf[i] === 0x22) return i;
  }
  return buf.length;
}

/**
 * Documents inside strings: an HL7 v2 message or X12 interchange logged or wrapped in JSON
 * (`{"x12": "ISA*00*..."}`, an integration engine's log line), carried in a form field or an
 * XML element, or JSON stringified inside JSON (`{"Message": "{\"patient\": ...}"}`). The
 * pattern pass reads their text, but only their parser knows that `GARCIA^ROSA` in PID-5 is a
 * name. Each is cut out (to the end of its JSON string, its form value, or the next
 * document), its escapes undone, and scanned as a payload of its own; findings are mapped
 * back to the input's offsets.
 */
function scanEmbedded(walk: Walk, buf: Buffer, format: Format, base: number, layer: string | undefined, depth: number): void {
  if (depth >= MAX_DEPTH) return;
  const starts = embeddedStarts(buf);
  let done = 0;
  for (let k = 0; k < starts.length; k++) {
    const { at, json } = starts[k]!;
    if (at < done) continue;
    let end: number;
    if (json || format === 'json' || format === 'fhir-json') end = jsonStringEnd(buf, at);
    else if (format === 'form') {
      const amp = buf.indexOf(0x26, at);
      end = amp === -1 ? buf.length : amp;
    }
    else end = k + 1 < starts.length ? starts[k + 1]!.at : buf.length;
    done = end;
    if (++walk.embedded > MAX_EMBEDDED) {
      walk.unscannable ??= 'too_large';
      return;
    }
    const text = normalize(buf.subarray(at, end));
    const inner = scanInner(walk, text.buf, json ? 'application/json' : undefined, depth + 1);
    if (inner.format !== 'binary') walk.unscannable ??= inner.unscannable;
    addMapped(walk, inner.found, text.map, at, base, layer);
  }
}

/**
 * PHI that appears only after decoding: tokens glued by underscores, escapes and look-alike
 * characters (each mapped back to input offsets), and base64 runs that decode to text,
 * directly or once decompressed (reported as the run's span); a file inside a base64 run
 * makes the payload unscannable. `raw`: a form's bytes as sent, whose base64 values are read
 * with their `+` (`buf` is then the form with `+` as spaces: see formSpaces).
 */
function scanDecodedLayers(walk: Walk, buf: Buffer, base: number, layer: string | undefined, depth: number, probes: Probes, raw: Buffer | null = null): void {
  /** Scans a derived text whose bytes `map` to offsets in `buf`; form and JSON fields too when `fields`. Returns its probes. */
  const scanMapped = (text: Buffer, map: Int32Array, fields: boolean): Probes => {
    const found: Finding[] = [];
    const probes = walk.scanner.scanText(text, found, 0);
    const ctx: FormatContext = { buf: text, scanner: walk.scanner, out: found, base: 0, layer: undefined };
    if (fields && (probes & PROBE_FORM_PAIRS) !== 0) formFields(ctx);
    if (fields && (probes & PROBE_JSON_PAIRS) !== 0) jsonFields(ctx);
    addMapped(walk, found, map, 0, base, layer);
    return probes;
  };
  /** Tokens glued by underscores (file names), from `text` whose bytes `toInput` maps to `buf` (null: `text` is `buf`). */
  const scanGlued = (text: Buffer, toInput: Int32Array | null): void => {
    const g = gluedTokens(text);
    if (g !== null) scanMapped(g.buf, toInput === null ? g.map : g.map.map((at) => toInput[at]!), false);
  };
  // Only where the pattern pass saw three digits follow an underscore.
  if ((probes & PROBE_GLUED) !== 0) scanGlued(buf, null);
  // vCard and iCalendar: folded lines (a value may be cut anywhere) joined; a contact card's properties.
  if ((probes & PROBE_VCARD) !== 0) {
    const unfolded = unfold(buf);
    if (unfolded !== null) scanMapped(unfolded.buf, unfolded.map, false);
    const found: Finding[] = [];
    vcardFields({ buf: unfolded?.buf ?? buf, scanner: walk.scanner, out: found, base: 0, layer: undefined });
    addMapped(walk, found, unfolded?.map ?? null, 0, base, layer);
  }
  // MIME text in quoted-printable: soft line breaks joined, =XX undone.
  if ((probes & PROBE_QUOTED_PRINTABLE) !== 0) {
    const qp = quotedPrintable(buf);
    if (!qp.buf.equals(buf)) scanMapped(qp.buf, qp.map, false);
  }
  /**
   * Base64 runs of `text` that decode to text, each scanned on its own; a finding is reported
   * as the whole run, through `toInput` when `text` is a layer of escapes undone (null: `text`
   * is `buf`). `onlyEscaped`: only runs that held an escape (any other was read from `buf` already).
   */
  const scanBase64 = (text: Buffer, toInput: Int32Array | null, onlyEscaped: boolean): void => {
    const runs = base64Values(text, walk.maxDecoded);
    // A file inside a base64 value (an image, a PDF) cannot be read: fail closed, as for a body.
    if (runs.opaque !== null) walk.unscannable ??= runs.opaque;
    for (const run of runs.texts) {
      const start = toInput === null ? run.start : toInput[run.start]!;
      const end = toInput === null ? run.end : toInput[run.end]!;
      if (onlyEscaped && end - start === run.end - run.start) continue;
      const inner = scanInner(walk, run.text, undefined, depth + 1);
      // A file inside what the run decodes to is as unreadable as one in the payload itself.
      // (Decoded text that reads as binary as a whole — a stray NUL in a run judged text — was
      // passed over before and still is.)
      if (inner.format !== 'binary') walk.unscannable ??= inner.unscannable;
      addAsSpan(walk, inner.found, start, end, base, layer);
    }
  };
  // Escapes inside escapes (a page URL carried, encoded again, in a tracking pixel's query:
  // %2520) are undone level by level, up to MAX_NORMALIZE_LEVELS; each level is scanned, and
  // its base64 runs that held an escape: a base64 value sent percent-encoded (`data=eyJ...%2B...`,
  // as analytics libraries post their events) or with JSON's `\/` is cut at every `+` and `/`
  // in the bytes, and its pieces decode to nothing.
  let current = buf;
  let toInput: Int32Array | null = null;
  for (let level = 0; level < MAX_NORMALIZE_LEVELS && needsNormalizing(current); level++) {
    const n = normalize(current);
    if (n.buf.equals(current)) break;
    const map: Int32Array = toInput === null ? n.map : n.map.map((at) => toInput![at]!);
    if ((scanMapped(n.buf, map, true) & PROBE_GLUED) !== 0) scanGlued(n.buf, map);
    if (depth < MAX_DEPTH) scanBase64(n.buf, map, true);
    current = n.buf;
    toInput = map;
  }
  if (depth >= MAX_DEPTH) return;
  // A form's base64 values are read as sent, their `+` included (formSpaces made them spaces).
  scanBase64(raw ?? buf, null, false);
}

function scanMultipart(walk: Walk, ctx: FormatContext, contentType: string | undefined, depth: number): void {
  const boundary = boundaryOf(contentType);
  const parts = boundary === null ? null : splitMultipart(ctx.buf, boundary);
  if (parts === null) {
    walk.unscannable ??= 'decode_error';
    return;
  }
  for (const part of parts) {
    const body = ctx.buf.subarray(part.start, part.end);
    // The part's own header lines are text whatever the part holds: a file name such as
    // "Garcia_Rosa_DOB_1947-02-11.txt" names a patient even when the file is a binary scan.
    scanPayload(walk, ctx.buf.subarray(part.headerStart, part.headerEnd), 'text/plain', ctx.base + part.headerStart, ctx.layer, depth + 1);
    // A form field named like PHI ("dob", "member_id") is PHI by its name, whatever its value.
    if (part.filename === undefined && part.name !== undefined) {
      const id = walk.scanner.keys.identify(part.name);
      if (id !== null && plausible(id, body.toString('utf8'))) structural(ctx, 'form', id, part.start, part.end);
    }
    if (depth + 1 > MAX_DEPTH) {
      walk.unscannable ??= 'depth_exceeded';
      continue;
    }
    scanPayload(walk, body, part.contentType ?? (part.filename === undefined ? 'text/plain' : undefined), ctx.base + part.start, ctx.layer, depth + 1);
  }
}

