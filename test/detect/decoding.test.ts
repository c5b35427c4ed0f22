import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { base64Runs, base64RunsJs, base64Values, decodeContent, isMostlyText, normalize, quotedPrintable } from '../../src/detect/decode.js';

/** The runs that decode to text, as base64Values finds them. */
const base64Texts = (buf: Buffer, maxBytes: number): { start: number; end: number; text: Buffer }[] => base64Values(buf, maxBytes).texts;
import { generateCorpus } from '../../bench/corpus/generate.js';
import { scanText, spans } from '../helpers/scanner.js';
import { MAX_EMBEDDED } from '../../src/detect/scan.js';
import { nativeBase64Reader } from '../../src/detect/native-set.js';

const NOTE = 'Patient: Rosa Garcia, SSN 536-22-1845, DOB 02/11/1947';

describe('compressed bodies are decoded before the scan', () => {
  it.each([
    ['gzip', gzipSync],
    ['deflate', deflateSync],
    ['deflate', deflateRawSync],
    ['br', brotliCompressSync],
  ] as const)('%s', (encoding, compress) => {
    const r = scanText(compress(Buffer.from(NOTE)), { contentEncoding: encoding });
    expect(r.phi).toBe(true);
    expect(r.findings.every((f) => f.layer === encoding)).toBe(true);
    // Offsets are into the decoded layer.
    const ssn = r.findings.find((f) => f.detector === 'us-ssn')!;
    expect(NOTE.slice(ssn.start, ssn.end)).toBe('536-22-1845');
  });

  it('gzip without a Content-Encoding header is recognised by its magic bytes', () => {
    expect(scanText(gzipSync(Buffer.from(NOTE))).phi).toBe(true);
  });

  it('layered encodings are undone in reverse order', () => {
    const body = brotliCompressSync(gzipSync(Buffer.from(NOTE)));
    expect(scanText(body, { contentEncoding: 'gzip, br' }).findings[0]?.layer).toBe('gzip+br');
  });

  it('a decompression bomb past the size cap is unscannable, not half-scanned', () => {
    const bomb = gzipSync(Buffer.alloc(8 * 1024 * 1024, 'a'));
    const r = scanText(bomb, { contentEncoding: 'gzip', maxDecodedBytes: 1024 * 1024 });
    expect(r).toMatchObject({ phi: false, unscannable: 'too_large', findings: [] });
  });

  it('a body that expands past the ratio cap is unscannable', () => {
    const r = scanText(gzipSync(Buffer.alloc(4 * 1024 * 1024, 'a')), { contentEncoding: 'gzip', maxRatio: 50 });
    expect(r.unscannable).toBe('ratio_exceeded');
  });

  it('a corrupt or unknown encoding is unscannable', () => {
    expect(scanText(Buffer.from('not gzip at all'), { contentEncoding: 'gzip' }).unscannable).toBe('decode_error');
    expect(scanText(Buffer.from(NOTE), { contentEncoding: 'zstd' }).unscannable).toBe('decode_error');
  });
});

describe('escapes and look-alike characters are undone, offsets mapped back to the input', () => {
  it.each([
    ['percent-encoding', 'note=SSN%3A%20536-22-1845', '536-22-1845'],
    ['double percent-encoding in a query', 'q=ssn%20536%2D22%2D1845', '536%2D22%2D1845'],
    ['JSON \\u escapes', '{"note":"SSN \\u0035\\u0033\\u0036-22-1845"}', '\\u0035\\u0033\\u0036-22-1845'],
    ['fullwidth digits', 'SSN ５３６-２２-１８４５', '５３６-２２-１８４５'],
    // An Arabic keyboard types Arabic-Indic digits, a Persian one Extended Arabic-Indic, a Hindi one Devanagari.
    ['Arabic-Indic digits', 'SSN ٥٣٦-٢٢-١٨٤٥', '٥٣٦-٢٢-١٨٤٥'],
    ['Persian digits', 'SSN ۵۳۶-۲۲-۱۸۴۵', '۵۳۶-۲۲-۱۸۴۵'],
    ['Devanagari digits', 'SSN ५३६-२२-१८४५', '५३६-२२-१८४५'],
    ['odd dashes', 'SSN 536\u201122\u20131845', '536\u201122\u20131845'],
    ['zero-width characters', 'SSN 536\u200b-22-18\u200c45', '536\u200b-22-18\u200c45'],
    ['HTML numeric entities', 'SSN &#53;36-22-1845', '&#53;36-22-1845'],
    // A page URL carried, encoded again, in a tracking pixel's query: % itself becomes %25.
    ['percent-encoding inside percent-encoding', `dl=${encodeURIComponent('https://portal.example/visit?q=SSN%3A%20536%2D22%2D1845')}`, '536%252D22%252D1845'],
    ['three levels of percent-encoding', `d=${encodeURIComponent(encodeURIComponent('SSN: 536-22-1845'))}`, '536-22-1845'],
  ])('%s', (_name, input, expected) => {
    const r = scanText(input);
    expect(spans(input, r, 'us-ssn')).toContain(expected);
  });

  it('a name behind two levels of encoding is found, its span in the input', () => {
    const input = `ev=PageView&dl=${encodeURIComponent('https://portal.example/chart?patient=Rosa%20Garcia&dob=1947-02-11')}`;
    const r = scanText(input, { contentType: 'application/x-www-form-urlencoded' });
    expect(spans(input, r)).toEqual(expect.arrayContaining(['Rosa%2520Garcia', '1947-02-11']));
  });

  it('HTML named entities: a name behind &nbsp; is found, its span in the input', () => {
    // Before: "Rosa&nbsp;Garcia" was no name (&# entities only were undone).
    const input = '<p>Patient:&nbsp;Rosa&nbsp;Garcia &amp; family</p>';
    const r = scanText(input, { contentType: 'text/html' });
    expect(spans(input, r, 'person-name-context')).toEqual(['Rosa&nbsp;Garcia']);
    expect(normalize(Buffer.from('a&lt;b&gt;&quot;c&apos;&amp;&nbsp;d&bogus;&amp')).buf.toString()).toBe('a<b>"c\'& d&bogus;&amp');
  });

  it('normalize() maps every output byte back to the input', () => {
    const input = Buffer.from('a%41\\u0042ｃ\u200bd');
    const n = normalize(input);
    expect(n.buf.toString()).toBe('aABcd');
    expect([...n.map]).toEqual([0, 1, 4, 10, 16, input.length]);
  });

  it('normalize() reads JSON escapes: a surrogate pair written as two, the one-letter ones, and not four bytes that are not hex', () => {
    const input = Buffer.from('\\ud83d\\ude00 x\\n\\r\\t\\"\\/\\\\ \\u12G4 \\ud83d!');
    // A lone high surrogate is no character: U+FFFD, as UTF-8 writes it.
    expect(normalize(input).buf).toEqual(Buffer.from('\u{1f600} x\n\r\t"/\\ \\u12G4 \ufffd!'));
  });

  it('normalize() copies runs of plain bytes, short and long, each byte mapped to its own place', () => {
    // Runs of 3 and of 100 bytes (a long one is copied as a block) between a fold and an escape.
    const long = 'x'.repeat(100);
    const input = Buffer.from(`abc\u2013${long}%41${long}\u00e9z`);
    const n = normalize(input);
    expect(n.buf.toString()).toBe(`abc-${long}A${long}\u00e9z`);
    const dash = 3;
    const percent = dash + 3 + 100;
    const expected = [0, 1, 2, dash, ...Array.from({ length: 100 }, (_, k) => dash + 3 + k), percent];
    expected.push(...Array.from({ length: 100 }, (_, k) => percent + 3 + k), percent + 103, percent + 104, percent + 105, input.length);
    expect([...n.map]).toEqual(expected);
  });
});

describe('MIME quoted-printable text is read decoded', () => {
  // An e-mail sent raw to an e-mail API: soft line breaks (= at a line's end) may cut a value in two.
  const mime = [
    'MIME-Version: 1.0',
    'Subject: Lab results',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: quoted-printable',
    '',
    'Hello,',
    'The results for your patient are attached. SSN 536-22-=',
    '1845, member number XJH482=',
    '13977, DOB 02/11/19=',
    '47 =E2=80=94 please file.',
    '',
  ].join('\r\n');
  it('finds values cut by soft line breaks, their spans in the input', () => {
    // Before: no PHI found at all.
    const r = scanText(mime, { contentType: 'message/rfc822' });
    expect(spans(mime, r, 'us-ssn')).toEqual(['536-22-=\r\n1845']);
    expect(spans(mime, r, 'date')).toContain('02/11/19=\r\n47');
  });
  it('inside a base64 raw message (an e-mail API that takes the whole message base64-encoded)', () => {
    const body = JSON.stringify({ RawMessage: { Data: Buffer.from(mime).toString('base64') } });
    expect(scanText(body, { contentType: 'application/json' }).phi).toBe(true);
  });
  it('quotedPrintable() maps every output byte back to the input; = not before a line end or hex stays', () => {
    const q = quotedPrintable(Buffer.from('a=\r\nb=3Dc= \nd=ZZ=4'));
    expect(q.buf.toString()).toBe('ab=cd=ZZ=4');
    expect([...q.map]).toEqual([0, 4, 5, 8, 12, 13, 14, 15, 16, 17, 18]);
  });
});

describe('base64 values that decode to text are scanned', () => {
  it('finds PHI inside a base64 JSON value and reports the span of the encoded run', () => {
    const inner = Buffer.from(JSON.stringify({ dob: '1947-02-11', memberId: 'XGH48291033' })).toString('base64');
    const body = JSON.stringify({ event: 'form_submit', payload: inner });
    const r = scanText(body);
    expect(r.phi).toBe(true);
    expect(spans(body, r)).toContain(inner);
  });

  it('reads a base64 value sent with its + and / escaped (an analytics event posted as data=, PHP\'s \\/), reporting the escaped run', () => {
    // Before: clean. The escapes cut the run at every + and /, and no piece decoded to text.
    const event = JSON.stringify([{ event: 'Viewed Lab Results', properties: { note: '>>>???~~~', patient_name: 'Rosa Garcia', dob: '1947-02-11', ssn: '536-22-1845' } }]);
    const b64 = Buffer.from(event).toString('base64');
    // The first + or / comes before the name's characters: every piece after it is misaligned.
    const cut = b64.search(/[+/]/);
    expect(cut).toBeGreaterThan(-1);
    expect(cut).toBeLessThan(Math.floor((event.indexOf('Rosa') * 4) / 3));
    const form = `data=${encodeURIComponent(b64)}&verbose=1`;
    const r = scanText(form, { contentType: 'application/x-www-form-urlencoded' });
    expect(r.phi).toBe(true);
    expect(new Set(spans(form, r))).toEqual(new Set([encodeURIComponent(b64)]));
    const php = JSON.stringify({ type: 'event', data: b64 }).replace(/\//g, '\\/');
    const p = scanText(php, { contentType: 'application/json' });
    expect(new Set(spans(php, p))).toEqual(new Set([b64.replace(/\//g, '\\/')]));
    // The same value without escapes is read once, from the bytes.
    const plain = JSON.stringify({ data: b64, url: 'https://x.example/a%20b' });
    expect(new Set(spans(plain, scanText(plain, { contentType: 'application/json' })))).toEqual(new Set([b64]));
  });

  it('ignores base64 that decodes to binary, and hex digests', () => {
    const body = JSON.stringify({ sig: Buffer.from(Array.from({ length: 64 }, (_, i) => (i * 37) % 256)).toString('base64'), sha: 'a'.repeat(10) + '0123456789abcdef0123456789abcdef' });
    expect(scanText(body).phi).toBe(false);
  });
});

describe("Sentry envelopes with compressed items (a session replay's recording) are read item by item", () => {
  const head = '{"event_id":"9ec79c33ec9942ab8353589fcb2e04dc","sent_at":"2026-11-22T10:00:00Z","dsn":"https://e12d836b15bb49d7bbf99e64295d995b@o4504.ingest.sentry.io/42"}\n';
  const replayEvent = `{"type":"replay_event"}\n${JSON.stringify({ type: 'replay_event', replay_id: 'r1', segment_id: 0, urls: ['https://ehr.clinic.example/schedule'] })}\n`;
  const recording = (events: unknown, compress: (b: Buffer) => Buffer = deflateSync): Buffer => {
    const payload = Buffer.concat([Buffer.from('{"segment_id":0}\n'), compress(Buffer.from(JSON.stringify(events)))]);
    return Buffer.concat([Buffer.from(`{"type":"replay_recording","length":${payload.length}}\n`), payload, Buffer.from('\n')]);
  };
  const snapshot = (text: string) => [{ type: 2, data: { node: { type: 0, childNodes: [{ type: 3, textContent: 'Date of birth', id: 2 }, { type: 3, textContent: text, id: 3 }], id: 1 } } }];

  it('finds PHI in a zlib- or gzip-compressed recording, reported as the compressed bytes', () => {
    // Before: the whole envelope was binary (unscannable), whatever it held.
    for (const compress of [deflateSync, gzipSync]) {
      const rec = recording(snapshot('02/11/1947'), compress);
      const body = Buffer.concat([Buffer.from(head + replayEvent), rec]);
      const r = scanText(body);
      expect(r.unscannable).toBeNull();
      expect(r.findings.map((f) => f.identifier)).toContain('dates');
      const compressedStart = body.indexOf('{"segment_id":0}\n') + 17;
      for (const f of r.findings) expect([f.start, f.end]).toEqual([compressedStart, body.length - 1]);
    }
  });

  it('passes a recording without PHI as clean, and fails closed on a binary attachment or a broken envelope', () => {
    const clean = Buffer.concat([Buffer.from(head + replayEvent), recording(snapshot('MM/DD/YYYY'))]);
    expect(scanText(clean)).toMatchObject({ phi: false, unscannable: null });
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    const attachment = Buffer.concat([Buffer.from(`${head}{"type":"attachment","length":${png.length},"filename":"screenshot.png"}\n`), png, Buffer.from('\n')]);
    expect(scanText(attachment).unscannable).toBe('binary');
    // A length past the end: not an envelope, so the bytes are binary.
    const broken = Buffer.concat([Buffer.from(head + '{"type":"replay_recording","length":9999}\n{"segment_id":0}\n'), deflateSync(Buffer.from('[]'))]);
    expect(scanText(broken).unscannable).toBe('binary');
    // At most MAX_EMBEDDED items are read; past that the envelope is unscannable.
    const many = Buffer.concat([Buffer.from(head + '{"type":"x"}\n{}\n'.repeat(MAX_EMBEDDED + 1)), recording([])]);
    expect(scanText(many).unscannable).toBe('too_large');
    // Compressed items are decoded within the size cap, all of them together.
    const words = Array.from({ length: 120_000 }, (_, i) => ((i * 7919) % 1_000_003).toString(36)).join(' ');
    const big = recording(snapshot(words));
    expect(scanText(Buffer.concat([Buffer.from(head), big]), { maxDecodedBytes: 1_000_000 }).unscannable).toBeNull();
    expect(scanText(Buffer.concat([Buffer.from(head), big, big]), { maxDecodedBytes: 1_000_000 }).unscannable).toBe('too_large');
  });
});

describe('binary payloads are unscannable', () => {
  it.each([
    ['PDF', Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from(NOTE)])],
    ['PNG', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0])],
    ['ZIP', Buffer.from([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0])],
    ['random bytes', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 131 + 7) % 251))],
  ])('%s', (_name, body) => {
    expect(scanText(body)).toMatchObject({ format: 'binary', unscannable: 'binary' });
  });

  it('Latin-1 text from an older system is still text', () => {
    const r = scanText(Buffer.from('Patient: José Núñez SSN 536-22-1845', 'latin1'));
    expect(r.unscannable).toBeNull();
    expect(r.phi).toBe(true);
  });
});

describe('UTF-16 text is scanned as text', () => {
  const json = JSON.stringify({ patientName: 'Rosa Garcia', ssn: '536-22-1845', note: 'follow-up' });
  const le = (text: string, bom = true) => Buffer.concat([Buffer.from(bom ? [0xff, 0xfe] : []), Buffer.from(text, 'utf16le')]);
  const be = (text: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
  /** The UTF-16 text at each finding's span: offsets are the input's bytes. */
  const values = (buf: Buffer, r: ReturnType<typeof scanText>, decode: (b: Buffer) => string) => r.findings.filter((f) => f.detector === 'json-phi-field').map((f) => decode(Buffer.from(buf.subarray(f.start, f.end))));
  it('with a byte order mark, little- or big-endian, offsets in the UTF-16 bytes', () => {
    // Before: every other byte zero read as binary — unscannable, so blocked, or passed unread
    // to a vendor with unscannable: allow.
    const a = le(json);
    const ra = scanText(a, { contentType: 'application/json' });
    expect(ra).toMatchObject({ phi: true, format: 'json', unscannable: null });
    expect(values(a, ra, (b) => b.toString('utf16le'))).toEqual(['Rosa Garcia', '536-22-1845']);
    const b = be(json);
    const rb = scanText(b, { contentType: 'application/json' });
    expect(values(b, rb, (x) => x.swap16().toString('utf16le'))).toEqual(['Rosa Garcia', '536-22-1845']);
  });
  it('without one, when the type says charset=utf-16 (-le, -be)', () => {
    for (const ct of ['application/json; charset=utf-16', 'application/json; charset=UTF-16LE', 'application/json;charset="utf-16"']) {
      expect(scanText(le(json, false), { contentType: ct }).phi, ct).toBe(true);
    }
    expect(scanText(Buffer.from(json, 'utf16le').swap16(), { contentType: 'application/json; charset=utf-16be' }).phi).toBe(true);
  });
  it('PHI-free UTF-16 passes as clean text; a part of a multipart body in UTF-16 is read', () => {
    expect(scanText(le('{"event": "page_view", "page": "/services"}'), { contentType: 'application/json' })).toMatchObject({ phi: false, unscannable: null });
    const boundary = 'xyz';
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="notes"\r\nContent-Type: text/plain; charset=utf-16\r\n\r\n`),
      le('Patient Rosa Garcia, SSN 536-22-1845'),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    expect(scanText(body, { contentType: `multipart/form-data; boundary=${boundary}` }).phi).toBe(true);
  });
  it('inside a base64 value, behind its byte order mark (.NET Encoding.Unicode, base64-encoded)', () => {
    // Before: its zero bytes read as binary and the run was passed over: clean.
    const data = le('Patient Rosa Garcia, SSN 536-22-1845, seen today').toString('base64');
    const body = JSON.stringify({ document: data, kind: 'note' });
    const r = scanText(body, { contentType: 'application/json' });
    expect(r.phi).toBe(true);
    expect(spans(body, r, 'us-ssn')).toEqual([data]);
  });
  it('UTF-16 with neither a byte order mark nor a charset, and random bytes behind FF FE, stay unscannable', () => {
    expect(scanText(le(json, false), { contentType: 'application/json' }).unscannable).toBe('binary');
    const random = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 131 + 7) % 251));
    random[0] = 0xff;
    random[1] = 0xfe;
    expect(scanText(random).unscannable).toBe('binary');
  });
});

describe('base64Runs: every 24th byte looked at, the same runs as a walk over every byte', () => {
  /** The plain walk: maximal runs of [A-Za-z0-9+/_-], 24 bytes or more, up to two '=' after, not letters-only nor hex-only. */
  function reference(buf: Buffer): [number, number][] {
    const b64 = /[A-Za-z0-9+/_-]/;
    const runs: [number, number][] = [];
    let i = 0;
    while (i < buf.length) {
      if (!b64.test(String.fromCharCode(buf[i]!))) {
        i++;
        continue;
      }
      const start = i;
      while (i < buf.length && b64.test(String.fromCharCode(buf[i]!))) i++;
      if (i - start < 24) continue;
      const text = buf.toString('latin1', start, i);
      let padded = false;
      if (buf[i] === 0x3d) {
        padded = true;
        i++;
        if (buf[i] === 0x3d) i++;
      }
      if (padded || !(/^[A-Za-z_-]+$/.test(text) || /^[0-9A-Fa-f-]+$/.test(text))) runs.push([start, i]);
    }
    return runs;
  }

  // base64Runs hands payloads of 256 bytes or more to native/: the native reader is called here on every size.
  const nativeRuns = (buf: Buffer): [number, number][] => {
    const out = new Int32Array(2 * (Math.floor(buf.length / 24) + 1));
    const count = nativeBase64Reader()!(out)(buf);
    return Array.from({ length: count }, (_, i): [number, number] => [out[2 * i]!, out[2 * i + 1]!]);
  };
  const readers = [
    ['base64Runs', base64Runs],
    ['native', nativeRuns],
    ['base64RunsJs', base64RunsJs],
  ] as const;

  it('native/ reads the runs (16 bytes a step), built by npm ci', () => {
    const createReader = nativeBase64Reader();
    expect(createReader, 'native/build/Release/phiwall_re2set.node: run npm ci or npm run build:native').not.toBeNull();
    // 48 bytes need room for 2 * (48 / 24 + 1) numbers.
    expect(() => createReader!(new Int32Array(5))(Buffer.alloc(48, 0x41))).toThrow(/too short/);
    expect(createReader!(new Int32Array(6))(Buffer.alloc(48, 0x41))).toBe(0);
    expect(() => createReader!(new Uint8Array(6) as unknown as Int32Array)).toThrow(/Int32Array/);
  });

  it.each(readers)('%s: on random bytes, every value from 0 to 255, runs long and short', (_name, read) => {
    let seed = 11;
    const random = (): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    // Alphabets on either side of the classes' edges: letters only, hex only, hex and the next
    // letter (g, G), all of base64, and the bytes next to each range ('@', '[', '`', '{', '/', ':').
    const alphabets = ['ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_-', '0123456789abcdefABCDEF-', '0123456789abcdefABCDEFgG', 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/_-', 'AZaz09+/_-@[`{:', 'fFgG09-_'];
    let found = 0;
    for (let k = 0; k < 1200; k++) {
      const alphabet = alphabets[k % alphabets.length]!;
      // Stretches of one alphabet between bytes of any value.
      const bytes: number[] = [];
      for (let len = Math.floor(random() * 300); len > 0; len--) {
        const r = random();
        if (r < 0.02) bytes.push(Math.floor(random() * 256));
        else if (r < 0.025) bytes.push(0x3d);
        else if (r < 0.03) bytes.push(alphabets[3]!.charCodeAt(Math.floor(random() * 64)));
        else bytes.push(alphabet.charCodeAt(Math.floor(random() * alphabet.length)));
      }
      const buf = Buffer.from(bytes);
      const runs = reference(buf);
      expect(read(buf), buf.toString('latin1')).toEqual(runs);
      // A view into a larger buffer: offsets are the view's own.
      expect(read(Buffer.concat([Buffer.from('QUJDRE'), buf]).subarray(6))).toEqual(runs);
      found += runs.length;
    }
    expect(found).toBeGreaterThan(300);
  });

  it.each(readers)('%s: on random text made of base64 bytes, padding and separators', (_name, base64Runs) => {
    let seed = 7;
    const random = (): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const alphabets = ['AZaz09+/=', 'abcdef0123456789-', 'abcxyz', 'Ab1+/= ,"', 'AAAA=\n', 'aZ9_- .:', 'QUJD=='];
    let found = 0;
    for (let k = 0; k < 400; k++) {
      const alphabet = alphabets[k % alphabets.length]!;
      // Long stretches of one alphabet, broken now and then by a separator.
      const parts: string[] = [];
      for (let len = Math.floor(random() * 400); len > 0; len--) parts.push(random() < 0.03 ? ' ' : alphabet[Math.floor(random() * alphabet.length)]!);
      const buf = Buffer.from(parts.join(''));
      const runs = reference(buf);
      expect(base64Runs(buf), buf.toString()).toEqual(runs);
      found += runs.length;
    }
    expect(found).toBeGreaterThan(40);
  });

  it.each(readers)('%s: on generated payloads, with base64 attachments among them', (_name, base64Runs) => {
    for (const { body } of generateCorpus(11, 10)) {
      const attached = Buffer.concat([body, Buffer.from(`,"file":"${body.toString('base64')}"`)]);
      expect(base64Runs(body)).toEqual(reference(body));
      expect(base64Runs(attached)).toEqual(reference(attached));
    }
  });
});

describe('files and compressed data inside base64 values', () => {
  const inJson = (bytes: Buffer): string => JSON.stringify({ filename: 'attachment', content: bytes.toString('base64') });
  const DICOM = Buffer.concat([Buffer.alloc(128), Buffer.from('DICM'), Buffer.from([2, 0, 0, 0, 0x55, 0x4c, 4, 0])]);

  it.each([
    ['a PDF', Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n', 'latin1')],
    ['a PNG image', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]), Buffer.alloc(400, 0x5a)])],
    ['a JPEG photo', Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]), Buffer.alloc(400, 0x5a)])],
    ['a Word document (zip)', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04, 20, 0, 6, 0]), Buffer.from('word/document.xml')])],
    ['a DICOM image', DICOM],
  ])('%s is a file that cannot be read: the payload is unscannable (the proxy fails closed)', (_name, file) => {
    const r = scanText(inJson(file), { contentType: 'application/json' });
    expect(r.unscannable).toBe('binary');
  });

  it('a file inside a base64 value inside a base64 value is unscannable too', () => {
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(200, 7)]);
    const inner = Buffer.from(JSON.stringify({ name: 'report', data: pdf.toString('base64') }));
    expect(scanText(JSON.stringify({ envelope: inner.toString('base64') }), { contentType: 'application/json' }).unscannable).toBe('binary');
  });

  it.each([
    ['gzip', gzipSync],
    ['zlib', deflateSync],
  ] as const)('%s data that opens to text is read: PHI found, reported as the span of the run', (_name, compress) => {
    const run = compress(Buffer.from(JSON.stringify({ note: NOTE }))).toString('base64');
    const body = JSON.stringify({ event: 'session_replay', batch: run });
    const r = scanText(body, { contentType: 'application/json' });
    expect(r.phi).toBe(true);
    expect(r.unscannable).toBeNull();
    expect(spans(body, r)).toContain(run);
    // The same data without PHI is clean and scannable.
    const clean = scanText(JSON.stringify({ batch: compress(Buffer.from(JSON.stringify({ clicks: [1, 2, 3], page: '/flu-shots' }))).toString('base64') }));
    expect(clean).toMatchObject({ phi: false, unscannable: null });
  });

  it('compressed data past the ratio cap is unscannable, not half-read', () => {
    const bomb = gzipSync(Buffer.alloc(2 * 1024 * 1024, 'a')).toString('base64');
    expect(scanText(JSON.stringify({ batch: bomb })).unscannable).toBe('ratio_exceeded');
  });

  it('a gRPC-Web text body (base64 of protobuf frames) is binary within: unscannable', () => {
    const frame = Buffer.concat([Buffer.from([0, 0, 0, 0, 30, 0x0a, 12]), Buffer.from('Rosa Garcia '), Buffer.from([0x12, 11]), Buffer.from('536-22-1845')]);
    expect(scanText(frame.toString('base64'), { contentType: 'application/grpc-web-text+proto' }).unscannable).toBe('binary');
  });

  it('a tracking pixel (a 1x1 GIF) is too small to be a file that matters: passed over', () => {
    const gif = 'R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==';
    expect(scanText(JSON.stringify({ pixel: gif }), { contentType: 'application/json' })).toMatchObject({ phi: false, unscannable: null });
  });

  it('a random token that happens to begin with gzip\'s two magic bytes is not taken for a broken file', () => {
    const token = Buffer.concat([Buffer.from([0x1f, 0x8b, 0x5c, 0xf1]), Buffer.from('a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5b6c7d8', 'hex')]);
    expect(scanText(JSON.stringify({ session: token.toString('base64url') }), { contentType: 'application/json' })).toMatchObject({ phi: false, unscannable: null });
  });

  it('random bytes (hashes, signatures, ciphertext) are neither text nor a file: passed over', () => {
    let x = 7;
    const random = Buffer.alloc(96);
    for (let i = 0; i < random.length; i++) random[i] = (x = (x * 1103515245 + 12345) >>> 0) >>> 24;
    const body = JSON.stringify({ sig: random.toString('base64'), sha256: 'n4bQgYhMfWWaL+qgxVrQFaO/TxsrC4Is0V1sFbDwCgg=', token: random.toString('base64url') });
    expect(scanText(body, { contentType: 'application/json' })).toMatchObject({ phi: false, unscannable: null });
  });
});

describe('base64Texts: runs that cannot be text are ruled out before decoding, with the same result', () => {
  /** Every run decoded, as before the look at its first bytes. */
  function reference(buf: Buffer, maxBytes: number): { start: number; end: number; text: Buffer }[] {
    const out: { start: number; end: number; text: Buffer }[] = [];
    let budget = maxBytes;
    for (const [start, end] of base64Runs(buf)) {
      const text = buf.toString('latin1', start, end);
      const decoded = Buffer.from(text, text.includes('-') || text.includes('_') ? 'base64url' : 'base64');
      budget -= decoded.length;
      if (budget < 0) break;
      if (decoded.length < 12) continue;
      // gzip and zlib data are opened (gzip: magic, method 8, reserved flags clear; zlib: 0x78 and a header that is a multiple of 31).
      const compressed = (decoded[0] === 0x1f && decoded[1] === 0x8b && decoded[2] === 8 && (decoded[3]! & 0xe0) === 0) || (decoded[0] === 0x78 && ((0x78 << 8) | decoded[1]!) % 31 === 0);
      const inner = compressed ? decodeContent(decoded, decoded[0] === 0x1f ? undefined : 'deflate', Math.max(0, budget), 200, false) : { buf: decoded };
      if (!('buf' in inner)) continue;
      if (compressed) budget -= inner.buf.length;
      if (isMostlyText(inner.buf)) out.push({ start, end, text: inner.buf });
    }
    return out;
  }

  it('on encoded text, encoded bytes, identifiers and URL paths, in both alphabets, with and without padding', () => {
    let seed = 11;
    const random = (): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const values: string[] = [];
    for (let k = 0; k < 600; k++) {
      const len = 9 + Math.floor(random() * 200);
      const bytes = Buffer.alloc(len);
      // Text, text with a rare control byte (tolerated in long runs), and binary.
      const kind = k % 3;
      for (let i = 0; i < len; i++) bytes[i] = kind === 2 ? Math.floor(random() * 256) : 0x20 + Math.floor(random() * 95);
      if (kind === 1) bytes[Math.floor(random() * len)] = 0x01;
      const b64 = bytes.toString(k % 4 === 0 ? 'base64url' : 'base64');
      values.push(k % 5 === 0 ? b64.replace(/=+$/, '') : b64);
    }
    // Long text whose one control byte is among the first six: tolerated (under 1 %), so it must be decoded.
    for (let at = 0; at < 6; at++) {
      const bytes = Buffer.from('x'.repeat(150 + at * 7));
      bytes[at] = 0x02;
      values.push(bytes.toString('base64'));
    }
    values.push('example/v2/orders/7452844/items', 'Zm9vYmFyYmF6cXV4cXV1eA+-/_Zm9vYmFy', 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==', 'aGVsbG8gd29ybGQsIGhlbGxvIHdvcmxk\u0000');
    const buf = Buffer.from(JSON.stringify({ values }));
    let texts = 0;
    for (const maxBytes of [1 << 20, 5000, 100]) {
      const got = base64Texts(buf, maxBytes);
      expect(got).toEqual(reference(buf, maxBytes));
      texts += got.length;
    }
    // The decoding budget runs out at the same run: at exactly the bytes decoded so far, and one short.
    let spent = 0;
    for (const [start, end] of base64Runs(buf).slice(0, 80)) {
      spent += Buffer.from(buf.toString('latin1', start, end), 'base64').length;
      for (const maxBytes of [spent, spent - 1]) expect(base64Texts(buf, maxBytes)).toEqual(reference(buf, maxBytes));
    }
    for (const v of values) expect(base64Texts(Buffer.from(v), 1 << 20)).toEqual(reference(Buffer.from(v), 1 << 20));
    expect(texts).toBeGreaterThan(200);
  });

  it('on long runs, judged on their first 4 KiB: text, binary, and control bytes at the edges of what is judged', () => {
    const text = (n: number): Buffer => Buffer.from('Patient Rosa Garcia, SSN 536-22-1845, seen today. '.repeat(Math.ceil(n / 50)).slice(0, n));
    const withBad = (b: Buffer, at: number[]): Buffer => {
      const c = Buffer.from(b);
      for (const i of at) c[i] = 0x01;
      return c;
    };
    let seed = 5;
    const random = Buffer.alloc(20000).map(() => (seed = (seed * 1103515245 + 12345) % 2147483648) >>> 23);
    const cases = [
      text(10000),
      random,
      withBad(text(10000), [4096, 5000, 9000]), // past the judged 4 KiB: still text
      withBad(text(10000), [4095]), // the last judged byte, alone: under 1 %
      withBad(text(10000), Array.from({ length: 41 }, (_, i) => 4095 - i * 3)), // 41 of 4,096: 1 % or more
      withBad(text(10000), Array.from({ length: 40 }, (_, i) => 4095 - i * 3)), // 40: under 1 %
      withBad(text(10000), Array.from({ length: 40 }, (_, i) => 10 + i * 10)), // 40 early on: under 1 % of 4,096
      withBad(text(4097), [0, 1, 2, 3, 4, 5]),
      text(4095),
      text(5000),
    ];
    const values = cases.flatMap((b) => [b.toString('base64'), b.toString('base64url'), b.toString('base64').replace(/=+$/, '')]);
    const buf = Buffer.from(JSON.stringify({ values }));
    const got = base64Texts(buf, 1 << 22);
    expect(got).toEqual(reference(buf, 1 << 22));
    // Text, text with control bytes past 4 KiB, one or 40 judged control bytes: decoded and kept.
    expect(got.length).toBeGreaterThanOrEqual(7 * 3);
  });

  it('on generated payloads and their base64 attachments', () => {
    for (const { body } of generateCorpus(13, 10)) {
      const attached = Buffer.concat([body, Buffer.from(`,"file":"${body.toString('base64')}","url":"/api/v2/patients/${'ab12'.repeat(8)}"`)]);
      expect(base64Texts(body, 1 << 20)).toEqual(reference(body, 1 << 20));
      expect(base64Texts(attached, 1 << 20)).toEqual(reference(attached, 1 << 20));
    }
  });
});
