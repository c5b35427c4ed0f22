import { isAscii } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import RE2 from 're2';
import { generateCorpus } from '../../bench/corpus/generate.js';
import { PROBE_DOM_TEXT, PROBE_EMBEDDED, PROBE_GOOGLE_FORM, PROBE_LOGFMT, PROBE_NAME_LABELS, PROBE_FORM_LABELLED, PROBE_JSON_OBJECTS, PROBE_XML_STRUCTURES, PROBE_VCARD, PROBE_QUOTED_PRINTABLE, PROBE_FORM_PAIRS, PROBE_JSON_PAIRS, PROBE_PERSON, PROBE_RESOURCE_TYPE, PROBE_XML_PAIRS } from '../../src/detect/compile.js';
import { embeddedStarts } from '../../src/detect/scan.js';
import { jsonObjectFields } from '../../src/detect/formats/json-objects.js';
import { formLabelledFields, nameLabels } from '../../src/detect/formats/fields.js';
import { xmlStructures } from '../../src/detect/formats/xml-structures.js';
import { domText } from '../../src/detect/formats/dom-text.js';
import type { FormatContext } from '../../src/detect/formats/context.js';
import { needsNormalizing, normalize } from '../../src/detect/decode.js';
import { formPairSource, jsonPairSource, xmlPairSource } from '../../src/detect/formats/pairs.js';
import { FindAll as FindAllOf, edges, groupFree, mayMatchEmpty } from '../../src/detect/find-all.js';
import { captureGroups } from '../../src/detect/regex-source.js';
import { WordFinder, WordPositions } from '../../src/detect/words.js';
import { createScanner, scan } from '../../src/detect/index.js';
import { scanText, scanner, spans } from '../helpers/scanner.js';
import type { Finding, ScanResult } from '../../src/detect/index.js';

/** The reference: every match by RE2's own exec() with indices, one call per match. */
function reference(source: string, names: readonly string[], buf: Buffer): unknown[] {
  const re = new RE2(source, 'gdu');
  const out: unknown[] = [];
  let m: ReturnType<RE2['exec']>;
  while ((m = re.exec(buf)) !== null) {
    if (m[0].length === 0) re.lastIndex++;
    out.push([m.index, m.index + m[0].length, names.map((n) => m!.indices?.groups?.[n])]);
  }
  return out;
}

/** `matches`: tell FindAll there is a match (an RE2 set said so), as the scanner does. */
function found(find: FindAllOf, buf: Buffer, matches = false): unknown[] {
  const out: unknown[] = [];
  find.each(buf, isAscii(buf) ? buf.toString('latin1') : null, (start, end, groups) => out.push([start, end, groups]), matches);
  return out;
}

describe.each([
  ['native/ finders', true],
  ['node-re2 (without native/)', false],
])('FindAll, %s: every match with byte spans, in few native calls', (_engine, useNative) => {
  const FindAll = class extends FindAllOf {
    constructor(source: string, names: readonly string[] = []) {
      super(source, names, 'u', useNative);
    }
  };
  it('uses the engine asked for', () => {
    const native = (f: FindAllOf): unknown => (f as unknown as { native: unknown }).native;
    expect(native(new FindAll('a')) !== null).toBe(useNative);
    expect(native(new FindAll('(?<v>\\u00e9+)', ['v']))).toBeNull();
  });

  it('reads the text it is given only where it needs it, and refuses a visit that scans again with the same pattern', () => {
    const find = new FindAll('\\d+');
    expect(find.readsText).toBe(!useNative);
    const buf = Buffer.from('1 22 333');
    // With node-re2 such a visit would reset the exec() loop's lastIndex: a loop without end.
    expect(() => find.each(buf, null, () => found(find, buf))).toThrow(/scanned again/);
    // The pattern still finds everything after a refused visit.
    expect(found(find, buf)).toEqual(reference('\\d+', [], buf));
  });

  const cases: [string, string, string[], string][] = [
    ['value group', '\\b(?P<v>\\d{3}-\\d{2}-\\d{4})\\b', ['v'], 'a 123-45-6789 b 987-65-4321 and 111-22-3333.'],
    ['value text also before it in the match', '(?P<p>\\d{2})-(?P<v>\\d{2})', ['v'], '12-12 34-34 56-78'],
    ['an optional group that does not take part', '(?P<k>[a-z]+)=(?:"(?P<v>[^"]*)"|(?P<n>\\d+))', ['k', 'v', 'n'], 'a="x" b=12 c="" d=7'],
    ['non-ASCII bytes (exec on the Buffer)', '\\b(?P<v>[A-Z][a-z]+)\\b', ['v'], 'Café Zoë Ana — Émile Bob'],
    ['a pattern that can match empty (split cannot tile, exec is used)', 'x*', [], 'axxbxc'],
    ['no match', '\\bzzz\\b', [], 'nothing here'],
    // RE2 itself refuses these forms: native/ has no finder for it, node-re2 translates them.
    ['JavaScript forms only node-re2 reads', '(?<v>\\u00e9+)', ['v'], 'café éé e'],
  ];
  for (const [name, source, names, text] of cases) {
    it(`${name}: the same spans as exec() with indices`, () => {
      const buf = Buffer.from(text);
      expect(found(new FindAll(source, names), buf)).toEqual(reference(source, names, buf));
    });
  }

  it('switches to one split() when a large payload holds many matches, with the same result', () => {
    const buf = Buffer.from(Array.from({ length: 3000 }, (_, i) => `id ${String(100000 + i * 37)} x`).join(' '));
    expect(buf.length).toBeGreaterThan(16 * 1024);
    const source = '\\b(?P<v>\\d{6})\\b';
    const spans = found(new FindAll(source, ['v']), buf);
    expect(spans).toHaveLength(3000);
    expect(spans).toEqual(reference(source, ['v'], buf));
    // The same with a value group that is not the whole match (the grouped split() form).
    const prefixed = '(?:^|[^\\d])(?P<v>\\d{6})\\b';
    const grouped = found(new FindAll(prefixed, ['v']), buf);
    expect(grouped).toHaveLength(3000);
    expect(grouped).toEqual(reference(prefixed, ['v'], buf));
  });

  it('places whole-match patterns by where their text occurs, only where the end assertions hold', () => {
    // The matched text also occurs earlier, inside longer words and numbers, where \b fails.
    const text = 'x123456789 a123456789b 1234567890 123456789 _123456789 123456789_ 123456789';
    const cases: [string, string][] = [
      ['\\b(?P<v>\\d{9})\\b', text],
      ['(?P<v>\\d{9})\\b', text],
      ['\\b(?P<v>\\d{9})', text],
      ['^(?P<v>\\d{3})', '123 123'],
      ['(?P<v>\\d{3})$', '123 123'],
      ['\\b(?P<v>\\d{3})(?:\\b|$)', '1234 123x 123'],
      ['\\b(?P<v>(?i:dob|born)[: ]+\\d{4})\\b', 'xdob: 1999 DOB: 1999 dob: 19999 Born 2001'],
      // More misplaced occurrences than eachPlaced will try: exec() finds them instead.
      ['\\b(?P<v>\\d{9})\\b', `${'x123456789 '.repeat(300)}123456789 a 987654321`],
    ];
    for (const [source, t] of cases) {
      const buf = Buffer.from(t);
      expect(edges(source), source).not.toBeNull();
      const find = new FindAll(source, ['v']);
      const spans = found(find, buf, true);
      expect(spans.length, source).toBeGreaterThan(0);
      expect(spans, source).toEqual(reference(source, ['v'], buf));
      expect(found(find, buf), source).toEqual(spans);
    }
    // The same on a generated corpus, for every whole-match pattern of the pack.
    const sources = scanner().detectors.flatMap((d) => d.spec.patterns.map((p) => p.regex)).filter((r) => edges(r) !== null);
    expect(sources.length).toBeGreaterThan(20);
    const docs = generateCorpus(31337, 8).filter((d) => isAscii(d.body));
    for (const source of sources) {
      const find = new FindAll(source, ['v']);
      for (const { body } of docs) expect(found(find, body, true), source).toEqual(reference(source, ['v'], body));
    }
  });

  it('reads the end assertions of a whole-match pattern, and refuses one with an assertion inside', () => {
    expect(edges('\\b(?P<v>\\d{9})\\b')).toEqual({ lead: ['\\b'], trail: ['\\b'] });
    expect(edges('^\\b(?P<v>x)(?:\\b|$)')).toEqual({ lead: ['^', '\\b'], trail: ['(?:\\b|$)'] });
    expect(edges('(?P<v>\\(01\\)\\d{14})')).toEqual({ lead: [], trail: [] });
    expect(edges('\\b(?P<v>\\d+\\b-\\d+)\\b')).toBeNull();
    expect(edges('\\b(?P<v>a|^b)')).toBeNull();
    expect(edges('(?:^|[^\\d])(?P<v>\\d{3})\\b')).toBeNull();
    expect(edges('\\b\\d{9}\\b')).toBeNull();
  });

  it('reads capturing groups past escapes and character classes', () => {
    expect(captureGroups('\\((?P<a>x)[(](?:y)(z)[^]()](?<b>w)')).toEqual(['a', null, 'b']);
    expect(() => new FindAll('(?P<v>a)', ['missing'])).toThrow(/no group named missing/);
  });

  it('drops the value group only where it is the whole match, and never for a pattern that can match empty', () => {
    expect(groupFree('\\b(?P<v>\\d{9})\\b')).toBe('\\b(?:\\d{9})\\b');
    expect(groupFree('\\b(?P<v>[)(]x)(?:\\b|$)')).toBe('\\b(?:[)(]x)(?:\\b|$)');
    expect(groupFree('(?:^|[^\\d])(?P<v>\\d{3})\\b')).toBeNull();
    expect(groupFree('\\b(?P<v>a(b)c)\\b')).toBeNull();
    expect(groupFree('(?P<v>a)b')).toBeNull();
    for (const empty of ['x*', '\\bx*', '(?:a|)', '^$', '\\d{0,3}']) expect(mayMatchEmpty(empty), empty).toBe(true);
    for (const not of ['\\b(?P<v>\\d{9})\\b', '\\\\b*', '[\\]x]*y', '\\ba+\\b']) expect(mayMatchEmpty(not), not).toBe(false);
  });
});

describe('WordFinder: all context words in one pass', () => {
  const words = ['dob', 'd.o.b', 'date of birth', 'pt', 'patient', 'ss#', 'birth'];
  const finder = new WordFinder(words);

  /** The reference: indexOf per word on the lower-cased text, at a word start. */
  function naive(text: string): Record<string, number[]> {
    const lower = text.toLowerCase();
    const out: Record<string, number[]> = {};
    for (const w of words) {
      for (let i = lower.indexOf(w); i !== -1; i = lower.indexOf(w, i + 1)) {
        if (i === 0 || !/[a-z0-9]/.test(lower[i - 1]!)) (out[w] ??= []).push(i);
      }
    }
    return out;
  }

  function fast(text: string): Record<string, number[]> {
    const out: Record<string, number[]> = {};
    finder.find(Buffer.from(text, 'latin1')).forEach((at, i) => {
      if (at !== undefined) out[words[i]!] = at;
    });
    return out;
  }

  it('finds every word at a word start, case-folded, overlapping ones too', () => {
    const text = 'DOB: 1/2/1960, D.O.B again; Date Of Birth; script pt Pt. patient; SS#1; rebirth; birthday';
    expect(fast(text)).toEqual(naive(text));
    expect(fast(text)['pt']).toEqual([text.indexOf(' pt ') + 1, text.indexOf('Pt.')]);
    expect(fast(text)['birth']).toEqual([text.indexOf('Birth;'), text.indexOf('birthday')]);
  });

  it('agrees with indexOf on generated text', () => {
    let seed = 7;
    const pieces = ['dob', 'D.O.B', 'date of birth', 'pt', 'patient', 'ss#', 'x', ' ', '1', 'birth', 'a', '.'];
    for (let round = 0; round < 50; round++) {
      let text = '';
      for (let i = 0; i < 200; i++) {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        text += pieces[seed % pieces.length];
      }
      expect(fast(text)).toEqual(naive(text));
    }
  });
});

describe('context words with accents, in UTF-8 payloads', () => {
  const words = ['síntomas', 'médico', 'nació', 'teléfono', 'dob', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k'];
  const finder = new WordFinder(words);
  const text = 'Tiene síntomas; el médico dijo que nació el 4/12/1961, DOB; teléfono 555';
  const buf = Buffer.from(text, 'utf8');
  const at = (w: string): number => buf.indexOf(Buffer.from(w, 'utf8'));

  it('the automaton finds them at their byte offsets', () => {
    const found = finder.find(buf);
    for (const w of ['síntomas', 'médico', 'nació', 'teléfono']) expect(found[words.indexOf(w)], w).toEqual([at(w)]);
    expect(found[words.indexOf('dob')]).toEqual([at('DOB')]);
  });

  it('indexOf finds them too, when few words are asked for', () => {
    const positions = new WordPositions(finder, buf);
    for (const w of ['síntomas', 'médico', 'nació', 'teléfono']) expect(positions.of(words.indexOf(w)), w).toEqual([at(w)]);
  });

  it('in every case form: capitalized and in capitals, which the automaton does not fold beyond ASCII', () => {
    const upper = Buffer.from('SÍNTOMAS y Médico; Дата рождения, ДАТА РОЖДЕНИЯ', 'utf8');
    const f = new WordFinder(['síntomas', 'médico', 'дата рождения', ...words.slice(4)]);
    const found = f.find(upper);
    expect(found[0]).toEqual([0]);
    expect(found[1]).toEqual([upper.indexOf(Buffer.from('Médico'))]);
    expect(found[2]).toEqual([upper.indexOf(Buffer.from('Дата')), upper.indexOf(Buffer.from('ДАТА'))]);
    const few = new WordPositions(f, upper);
    expect(few.of(0)).toEqual(found[0]);
    expect(few.of(2)).toEqual(found[2]);
  });

  it('ASCII payloads walk a table of the ASCII words alone, and find what the table of all words finds', () => {
    const f = new WordFinder(['dob', 'birth', 'síntomas', 'تاريخ الميلاد', 'לידה', 'जन्म', 'date of birth']);
    const [asciiTable, allTable] = f.tableSizes;
    expect(asciiTable * 4).toBeLessThan(allTable);
    const text = 'DOB 4/12/1961; date of birth; rebirth; birth';
    const ascii = f.find(Buffer.from(text));
    // One character beyond ASCII at the end sends the same text through the table of all words.
    const all = f.find(Buffer.from(`${text} —`));
    expect(ascii).toEqual(all);
    expect(ascii[0]).toEqual([0]);
    expect(ascii[6]).toEqual([text.indexOf('date of birth')]);
    const other = Buffer.from('تاريخ الميلاد: 12/04/1961, לידה, जन्म', 'utf8');
    const found = f.find(other);
    expect(found[3]).toEqual([0]);
    expect(found[4]).toEqual([other.indexOf(Buffer.from('לידה'))]);
    expect(found[5]).toEqual([other.indexOf(Buffer.from('जन्म'))]);
  });

  it('a detector reads a Spanish word of care with an accent', () => {
    // Before: clean — "síntomas" was looked for as Latin-1 bytes, which a UTF-8 payload never holds.
    const r = scan(scanner(), Buffer.from('Mi hijo Emeka Okonkwo tiene síntomas desde ayer'), { contentType: 'text/plain' });
    expect(r.findings.map((f) => f.detector)).toContain('person-name-relative');
  });
});

describe('JSON fields: key and value read off a group-free match', () => {
  const fields = (json: string): [number, number, string][] =>
    scan(scanner(), Buffer.from(json), { contentType: 'application/json' })
      .findings.filter((f) => f.detector === 'json-phi-field')
      .map((f) => [f.start, f.end, f.identifier]);

  it('places the same pair twice at its two offsets', () => {
    const json = '{"a":{"ssn":"536-22-1845"},"b":{"ssn":"536-22-1845"}}';
    const first = json.indexOf('536');
    const second = json.indexOf('536', first + 1);
    expect(fields(json)).toEqual([[first, first + 11, 'ssn'], [second, second + 11, 'ssn']]);
  });

  it('reads spaces, arrays, numbers, escapes and multi-byte values', () => {
    const json = '{ "dob" :\t"1962-03-14", "patientName" : [ "Zoë \\"Z\\" Ruiz" ], "mrn": 4471203 }';
    const bytes = Buffer.from(json);
    const at = (s: string): [number, number] => {
      const start = bytes.indexOf(s);
      return [start, start + Buffer.byteLength(s)];
    };
    expect(fields(json)).toEqual([
      [...at('1962-03-14'), 'dates'],
      [...at('Zoë \\"Z\\" Ruiz'), 'names'],
      [...at('4471203'), 'mrn'],
    ]);
  });
});

describe('one set pass: the probes say exactly what the skipped extractors would look for', () => {
  const pair = new RE2(jsonPairSource(scanner().keys.alternation), 'u');
  const form = new RE2(formPairSource(scanner().keys.alternation), 'u');
  const xml = new RE2(xmlPairSource(scanner().keys.alternation), 'u');
  const person = ['"Patient"', '"RelatedPerson"', '"Person"', '"Patient/', '"RelatedPerson/', '"Person/', '/Patient/', '/RelatedPerson/', '/Person/', '"patient"', '"beneficiary"', '"subscriber"', '"subject"'];
  const probes = (buf: Buffer): number => scanner().scanText(buf, [], 0);
  /** True when `extractor`, run unconditionally, finds something. */
  const finds =
    (extractor: (ctx: FormatContext) => void) =>
    (buf: Buffer): boolean => {
      const out: Finding[] = [];
      extractor({ buf, scanner: scanner(), out, base: 0, layer: undefined });
      return out.length > 0;
    };
  const labelled = finds(jsonObjectFields);
  const formLabelledFound = finds(formLabelledFields);
  const nameLabelFound = finds(nameLabels);
  const xmlStructureFound = finds(xmlStructures);
  const payloads = [
    '{"resourceType": "Observation"}',
    '{"resourcetype": "Patient"}',
    '{"a": "\\"resourceType\\""}',
    '{"ssn": "536-22-1845"}',
    '{ "dob" :\t"1962-03-14" }',
    '{"patientName": ["Rosa Garcia"]}',
    '{"mrn": 4471203}',
    '{"ssn": null}',
    '{"ssnote": "x"}',
    'ssn: 536-22-1845',
    '{"resourceType": "Patient"}',
    '{"resourceType":"RelatedPerson","id":"a"}',
    '{"type": "Person"}',
    '{"resourceType": "Patients"}',
    'Patient seen today',
    '{"resourceType": "Observation", "subject": {"reference": "Patient/1"}}',
    'ssn=536-22-1845&x=1',
    '/path?page=2&dob=1962-03-14',
    '/collect?member_id=',
    'note=ssn',
    '<Patient><ssn>536-22-1845</ssn></Patient>',
    '<ns:dob type="x">1962-03-14</ns:dob>',
    `<dob>${'1'.repeat(600)}</dob>`,
    '<dob></dob>',
    'ISA*00*          *00*',
    '{"x12":"ISA|03|x"}',
    'claim=ISA%2A00%2A',
    'VISA*01',
    'ISA* 00',
    '{"m":"MSH|^~\\\\&|A"}',
    'log MSH%7C%5E',
    'FHS|^~\\&|\rBHS|^~\\&|',
    'PREMSH|x',
    '_MSH|x',
    '{"Message":"{\\"a\\":1}"}',
    'Content-Transfer-Encoding: quoted-printable\r\n\r\nx=3D1',
    'content-transfer-encoding:"Quoted-Printable"',
    'Content-Transfer-Encoding: base64',
    'quoted-printable',
    '{"name": "date_of_birth", "value": "1947-02-11"}',
    '{"Label":"SSN","Value":536221845}',
    '{"field":{"ref":"patient_name"},"text":"Rosa Garcia"}',
    '{"name": "color", "value": "blue"}',
    '{"title": "Patient DOB"}',
    '{"patient": {"last": "Garcia"}}',
    '{"Emergency_Contact":[{"name":"Ana Ruiz"}]}',
    '{"parent": {"name": "Category A"}}',
    'patient[last]=Garcia&x=1',
    'a=1&user[patient_attributes][dob]=1947',
    'q[items][0][name]=widget',
    '<Patient xmlns="http://hl7.org/fhir"><name><family value="Garcia"/></name></Patient>',
    '<hl7:patientRole><hl7:id extension="123"/></hl7:patientRole>',
    '<patient\n><name>Rosa Garcia</name></patient>',
    '<Patients><name>x</name></Patients>',
    '<Field><Name>LastName</Name><Value>Garcia</Value></Field>',
    '<input name="dob" value="1947-02-11">',
    "<x key='ssn'>536221845</x>",
    '<Field><Name>Color</Name><Value>blue</Value></Field>',
    'fields[0][name]=last_name&fields[0][value]=Garcia',
    'a=1&fields%5B%5D%5Bkey%5D=dob',
    'fields[0][name]=color&fields[0][value]=blue',
    'BEGIN:VCARD\r\nFN:A B\r\nEND:VCARD',
    '{"values":[["Name", "DOB"],["A","1947"]]}',
    '[ [ "ssn" ], [ "536221845" ] ]',
    '{"values":[["sku"],["x"]]}',
    '{"values":[["Rosa Garcia","1947-02-11"]]}',
    '{"values":[ [ "Name" , "Notes"], ["Rosa Garcia", "x"]]}',
    '{"type":3,"textContent":"Rosa Garcia","id":7}',
    '{"texts" : [ {"id":12,"value":"DOB"} ]}',
    '{"textContent" :"  "}',
    '{"textcontent":"x","text":"y","texts":"z"}',
    'ts=2026-11-22 level=info patient_id=4471203',
    '{"log":"msg=\\"saved\\" dob=1947-02-11"}',
    'the noise level=high',
    '{"traits": {"name": "Rosa Garcia"}}',
    '{"user_properties":{"displayName":"Linda Martinez"}}',
    '<Person FirstName="Rosa" LastName="Garcia"/>',
    '{"query":"{ c(firstName: \\"Rosa\\") }"}',
    'first_name: Rosa\nlast_name = Garcia',
    'FIRST-NAME:Rosa;',
    'firstName: string;',
    'sublevel=3 xmsg=1',
    '{"message":"saved chart first_name=Rosa"}',
    '{"msg" : "x count=3"}',
    '{"message":"first_name=Rosa"}',
    '{"log":"a \\"b c=1"}',
    'entry.1234567=Luna+Kihn&fvv=1',
    'fvv=1&entry.7_year=1988',
    'reentry.5=x&entry.=1',
    '',
  ].map((s) => Buffer.from(s));

  it('on hand-picked payloads', () => {
    for (const buf of payloads) {
      const p = probes(buf);
      expect((p & PROBE_JSON_PAIRS) !== 0, buf.toString()).toBe(pair.test(buf));
      expect((p & PROBE_PERSON) !== 0, buf.toString()).toBe(person.some((t) => buf.includes(t)));
      expect((p & PROBE_RESOURCE_TYPE) !== 0, buf.toString()).toBe(buf.includes('"resourceType"'));
      // The form and XML probes may say yes where the extractor finds nothing, never the reverse.
      if (form.test(buf)) expect(p & PROBE_FORM_PAIRS, buf.toString()).not.toBe(0);
      if (xml.test(buf)) expect(p & PROBE_XML_PAIRS, buf.toString()).not.toBe(0);
      if (embeddedStarts(buf).length > 0) expect(p & PROBE_EMBEDDED, buf.toString()).not.toBe(0);
      expect((p & PROBE_QUOTED_PRINTABLE) !== 0, buf.toString()).toBe(/content-transfer-encoding:[ \t]*"?quoted-printable/i.test(buf.toString()));
      if (labelled(buf)) expect(p & PROBE_JSON_OBJECTS, buf.toString()).not.toBe(0);
      if (xmlStructureFound(buf)) expect(p & PROBE_XML_STRUCTURES, buf.toString()).not.toBe(0);
      expect((p & PROBE_VCARD) !== 0, buf.toString()).toBe(/BEGIN:(?:VCARD|VCALENDAR|VEVENT)/i.test(buf.toString()));
      if (formLabelledFound(buf)) expect(p & PROBE_FORM_LABELLED, buf.toString()).not.toBe(0);
      if (domText(buf) !== null) expect(p & PROBE_DOM_TEXT, buf.toString()).not.toBe(0);
      if (nameLabelFound(buf)) expect(p & PROBE_NAME_LABELS, buf.toString()).not.toBe(0);
      expect((p & PROBE_LOGFMT) !== 0, buf.toString()).toBe(/(?:^|[ \t"])(?:level|lvl|msg|severity)=|"(?:msg|message|log)"\s*:\s*"[^"]*[ \t][A-Za-z_]+=/.test(buf.toString()));
      expect((p & PROBE_GOOGLE_FORM) !== 0, buf.toString()).toBe(/(?:^|&)entry\.[0-9]/.test(buf.toString()));
    }
    expect(payloads.filter((b) => domText(b) !== null).length).toBe(2);
    expect(payloads.filter(nameLabelFound).length).toBe(4);
    expect(payloads.filter(labelled).length).toBe(11);
    expect(payloads.filter(xmlStructureFound).length).toBe(6);
    expect(payloads.filter(formLabelledFound).length).toBe(1);
    expect(payloads.filter((b) => form.test(b)).length).toBeGreaterThan(1);
    expect(payloads.filter((b) => embeddedStarts(b).length > 0).length).toBe(7);
    expect(payloads.filter((b) => xml.test(b)).length).toBeGreaterThan(1);
  });

  it('on every document of a generated corpus', () => {
    const docs = generateCorpus(4242, 20);
    let pairs = 0;
    let persons = 0;
    let resources = 0;
    for (const { body } of docs) {
      const p = probes(body);
      const hasPair = pair.test(body);
      const hasPerson = person.some((t) => body.includes(t));
      expect((p & PROBE_JSON_PAIRS) !== 0).toBe(hasPair);
      expect((p & PROBE_PERSON) !== 0).toBe(hasPerson);
      expect((p & PROBE_RESOURCE_TYPE) !== 0).toBe(body.includes('"resourceType"'));
      if (body.includes('"resourceType"')) resources++;
      if (form.test(body)) expect(p & PROBE_FORM_PAIRS).not.toBe(0);
      if (xml.test(body)) expect(p & PROBE_XML_PAIRS).not.toBe(0);
      if (embeddedStarts(body).length > 0) expect(p & PROBE_EMBEDDED).not.toBe(0);
      if (labelled(body)) expect(p & PROBE_JSON_OBJECTS).not.toBe(0);
      if (xmlStructureFound(body)) expect(p & PROBE_XML_STRUCTURES).not.toBe(0);
      if (domText(body) !== null) expect(p & PROBE_DOM_TEXT).not.toBe(0);
      if (nameLabelFound(body)) expect(p & PROBE_NAME_LABELS).not.toBe(0);
      if (hasPair) pairs++;
      if (hasPerson) persons++;
    }
    // The corpus has both kinds, so the comparison says something.
    expect(pairs).toBeGreaterThan(0);
    expect(persons).toBeGreaterThan(0);
    expect(resources).toBeGreaterThan(0);
  });

  it('gives the same answers on the one-pass path (1 KiB and more) as on the two-pass path', () => {
    // Trailing spaces change no match, but take a small payload past 1 KiB.
    const padded = (buf: Buffer): Buffer => Buffer.concat([buf, Buffer.alloc(1100, ' ')]);
    for (const buf of payloads) expect(probes(padded(buf)), buf.toString()).toBe(probes(buf));
    const kinds = new Set(['clinical-note', 'clean-prose', 'fhir-patient', 'clean-api', 'clean-analytics']);
    let findings = 0;
    for (const { body, kind, contentType } of generateCorpus(777, 15)) {
      if (!kinds.has(kind) || body.length >= 1024) continue;
      const alone = scan(scanner(), body, { contentType }).findings;
      expect(scan(scanner(), padded(body), { contentType }).findings).toEqual(alone);
      findings += alone.length;
    }
    expect(findings).toBeGreaterThan(50);
  });
});

describe('needsNormalizing: only what normalize() would change', () => {
  it('says yes to escapes and look-alikes, no to a lone % or &', () => {
    for (const yes of ['a%41b', 'x\\u0041', 'http:\\/\\/h', '&#65;', '１２３', 'a\u200bb', 'Patient:&nbsp;Rosa', 'A &amp; B', 'é &lt;b&gt;']) expect(needsNormalizing(Buffer.from(yes)), yes).toBe(true);
    for (const no of ['{"unit":"%"}', '100 % done', 'x\\u00', '%4', 'AT&T', 'plain text', 'a=1&amount=2&nbsp', 'é & ñ', '&nbspx;']) expect(needsNormalizing(Buffer.from(no)), no).toBe(false);
  });
  it('agrees with normalize() on random text with entities, escapes and ampersands', () => {
    // 'é' makes some of these texts non-ASCII.
    const pieces = ['&nbsp;', '&amp;', '&lt;', '&gt;', '&quot;', '&apos;', '&nbsp', '&am;', '&', ';', 'a', ' ', 'é', '%4', '%41', '\\u00e9', '&#65;', 'n', 'amp'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
    for (let k = 0; k < 2000; k++) {
      const text = Array.from({ length: 1 + (next() % 6) }, () => pieces[next() % pieces.length]).join('');
      const buf = Buffer.from(text);
      const changes = !normalize(buf).buf.equals(buf);
      // Never silent where normalize() would change something; on ASCII, exact (non-ASCII takes a coarser test).
      if (changes || isAscii(buf)) expect(needsNormalizing(buf), text).toBe(changes);
    }
  });
});

describe('large payloads: window texts without a whole-payload string', () => {
  it('finds a gated value deep inside a payload past 128 KiB at the same offsets as in a small one', () => {
    const note = 'Patient DOB 02/11/1947 follow-up';
    const filler = 'ok ok ok ok ok ok ok ok ok ok ok ok ok ok ok ok ok ok ok ok ok ok ok ok ok ok ok ok ok\n'.repeat(1700);
    expect(filler.length).toBeGreaterThan(128 * 1024);
    const small = scanText(note);
    const large = scanText(filler + note + filler);
    const shift = (r: ScanResult) => r.findings.map((f) => ({ ...f, start: f.start - filler.length, end: f.end - filler.length }));
    expect(small.findings.map((f) => f.detector)).toContain('date');
    expect(shift(large)).toEqual(small.findings);
    expect(spans(filler + note + filler, large, 'date')).toEqual(['02/11/1947']);
  });
});

describe('the pack in one RE2 set or several: the same findings', () => {
  // Traffic of many kinds fills a set's DFA cache, which RE2 then empties and rebuilds; the
  // adaptive layout then runs the entries as several sets for a while. A cost, never an answer.
  const corpus = generateCorpus(5, 12);
  const findings = (layout: 'one' | 'split' | 'adaptive'): (readonly Finding[])[] => {
    const pack = createScanner({ setLayout: layout });
    return corpus.map((d) => scan(pack, d.body, { contentType: d.contentType, contentEncoding: d.contentEncoding }).findings);
  };

  it('one set, the split sets and the adaptive layout find the same in every document of every kind', () => {
    const one = findings('one');
    expect(one.filter((f) => f.length > 0).length).toBeGreaterThan(corpus.length / 3);
    expect(findings('split')).toEqual(one);
    expect(findings('adaptive')).toEqual(one);
  });

  it('a payload yields the same alone and after traffic of every kind', () => {
    const pack = createScanner();
    const probe = corpus.filter((_, i) => i % 37 === 0);
    const alone = probe.map((d) => scan(pack, d.body, { contentType: d.contentType, contentEncoding: d.contentEncoding }).findings);
    for (const d of corpus) scan(pack, d.body, { contentType: d.contentType, contentEncoding: d.contentEncoding });
    expect(probe.map((d) => scan(pack, d.body, { contentType: d.contentType, contentEncoding: d.contentEncoding }).findings)).toEqual(alone);
  });
});
