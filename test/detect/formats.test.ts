import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/corpus/generate.js';
import { csvDelimiter, looksLikeCsv } from '../../src/detect/formats/csv.js';
import { MAX_EMBEDDED } from '../../src/detect/scan.js';
import { scanText, scanner, spans } from '../helpers/scanner.js';
import { xmlStructures } from '../../src/detect/formats/xml-structures.js';
import type { Finding } from '../../src/detect/index.js';

const FHIR_BUNDLE = JSON.stringify({
  resourceType: 'Bundle',
  type: 'transaction',
  entry: [
    {
      resource: {
        resourceType: 'Patient',
        id: 'p1',
        identifier: [{ system: 'urn:oid:2.16.840.1.113883.3.1234', value: 'RB-0012345' }],
        name: [{ use: 'official', family: 'Okafor', given: ['Chidinma', 'A'] }],
        telecom: [{ system: 'phone', value: '312-555-0142' }, { system: 'email', value: 'chidi.okafor@mail.example' }],
        gender: 'female',
        birthDate: '1958-09-30',
        address: [{ line: ['77 Lakeview Terrace'], city: 'Evanston', state: 'IL', postalCode: '60201' }],
      },
    },
    { resource: { resourceType: 'Observation', status: 'final', code: { text: 'HbA1c' }, valueQuantity: { value: 7.2, unit: '%' } } },
  ],
});

const FHIR_TERMINOLOGY = JSON.stringify({
  resourceType: 'ValueSet',
  id: 'diabetes-codes',
  url: 'http://terminology.example/ValueSet/diabetes-codes',
  name: 'DiabetesCodes',
  status: 'active',
  date: '2024-03-14',
  compose: { include: [{ system: 'http://snomed.info/sct', concept: [{ code: '44054006', display: 'Diabetes mellitus type 2' }] }] },
});

const HL7_ADT = [
  'MSH|^~\\&|CEDAR|RIVERBEND|LAB|LAKESIDE|20261122083000||ADT^A01^ADT_A01|MSG00042|P|2.5.1',
  'EVN|A01|20261122083000',
  'PID|1||RB-0012345^^^RB^MR~536221845^^^SSA^SS||GARCIA^ROSA^M||19470211|F|||1420 Maple Ave^^Springfield^IL^62704||(217)555-0188|||||AC4410293|536-22-1845',
  'NK1|1|GARCIA^LUIS|SPO|1420 Maple Ave^^Springfield^IL^62704|(217)555-0177',
  'PV1|1|I|3W^301^A||||1234567893^NGUYEN^TAM|||MED|||||||||V20261122001',
  'IN1|1|BCBS01|60054|BLUE CROSS IL||||||||||||GARCIA^ROSA^M|SEL|19470211|1420 Maple Ave^^Springfield^IL^62704|||||||||||||||||XGH48291033',
].join('\r');

const HL7_CUSTOM_DELIMITERS = 'MSH#!~\\&#A#B#C#D#20261122##ADT!A04#1#P#2.3\rPID#1##4471920##ROE!RICHARD##19380405\r';

const X12_837 = [
  'ISA*00*          *00*          *ZZ*RIVERBEND      *ZZ*ACMEBILLING    *261122*0830*^*00501*000000001*0*P*:',
  'GS*HC*RIVERBEND*ACMEBILLING*20261122*0830*1*X*005010X222A1',
  'ST*837*0001*005010X222A1',
  'NM1*85*2*RIVERBEND FAMILY MEDICINE*****XX*1234567893',
  'N3*100 CLINIC WAY',
  'HL*2*1*22*0',
  'NM1*IL*1*GARCIA*ROSA*M***MI*XGH48291033',
  'N3*1420 MAPLE AVE',
  'N4*SPRINGFIELD*IL*62704',
  'DMG*D8*19470211*F',
  'REF*SY*536221845',
  'CLM*PCN20261122A*125***11:B:1*Y*A*Y*Y',
  'DTP*472*D8*20261120',
  'SE*12*0001',
].join('~\n') + '~';

describe('FHIR JSON', () => {
  const r = scanText(FHIR_BUNDLE);
  it('finds the Patient resource elements by structure, with exact offsets', () => {
    expect(r.format).toBe('fhir-json');
    const got = spans(FHIR_BUNDLE, r, 'fhir-person-resource');
    for (const v of ['RB-0012345', 'Okafor', 'Chidinma', '312-555-0142', 'chidi.okafor@mail.example', '1958-09-30', '77 Lakeview Terrace', 'Evanston', '60201']) {
      expect(got).toContain(v);
    }
    const email = r.findings.find((f) => f.detector === 'fhir-person-resource' && FHIR_BUNDLE.slice(f.start, f.end).includes('@'));
    expect(email?.identifier).toBe('email');
  });
  it('does not report the Observation that follows', () => {
    expect(spans(FHIR_BUNDLE, r)).not.toContain('HbA1c');
  });
  it('keeps quiet on a terminology resource', () => {
    expect(scanText(FHIR_TERMINOLOGY)).toMatchObject({ phi: false, format: 'fhir-json' });
  });
  it("reads a person resource's narrative, which is written from its name (a Patient with nothing else)", () => {
    // Before: clean — the narrative's div was no PHI path.
    const body = JSON.stringify({ resourceType: 'Patient', id: 'p1', text: { status: 'generated', div: '<div xmlns="http://www.w3.org/1999/xhtml">Xiomara <b>QUACKENBUSH</b>, born 1947</div>' } });
    const got = scanText(body, { contentType: 'application/fhir+json' }).findings.filter((f) => f.detector === 'fhir-person-resource');
    expect(got).toHaveLength(1);
    expect(body.slice(got[0]!.start, got[0]!.end)).toMatch(/^<div .*<\/div>$/);
    expect(got[0]!.identifier).toBe('names');
    // An empty narrative, and a practitioner's, are not a patient's.
    expect(scanText(JSON.stringify({ resourceType: 'Patient', text: { status: 'empty', div: '<div xmlns="http://www.w3.org/1999/xhtml"></div>' }, gender: 'female' }), { contentType: 'application/fhir+json' }).phi).toBe(false);
    expect(scanText(JSON.stringify({ resourceType: 'Practitioner', text: { status: 'generated', div: '<div xmlns="http://www.w3.org/1999/xhtml">Dr. Ana Ruiz</div>' } }), { contentType: 'application/fhir+json' }).phi).toBe(false);
  });
  it('reads person resources inside person resources (a contained RelatedPerson) each by its own paths, and a reference to one in a non-person resource', () => {
    const body = JSON.stringify({
      resourceType: 'Patient',
      contained: [{ resourceType: 'RelatedPerson', name: { family: 'Okonkwo', given: ['Adaeze'] }, address: [{ city: 'Evanston' }] }],
      name: [{ family: 'Quackenbush', given: ['Xiomara'] }],
      extension: [{ valueReference: { resourceType: 'Encounter', subject: { reference: 'Patient/p1', display: 'Xiomara Quackenbush' } } }],
    });
    const got = scanText(body, { contentType: 'application/fhir+json' }).findings.filter((f) => f.detector === 'fhir-person-resource');
    expect(got.map((f) => `${f.identifier}:${body.slice(f.start, f.end)}`).sort()).toEqual(
      ['geographic:Evanston', 'names:Adaeze', 'names:Okonkwo', 'names:Quackenbush', 'names:Xiomara', 'names:Xiomara Quackenbush'].sort(),
    );
  });
});

describe('FHIR XML and C-CDA', () => {
  const FHIR_XML = '<Bundle xmlns="http://hl7.org/fhir"><entry><resource><Patient><id value="p1"/><identifier><system value="urn:mrn"/><value value="RB-0012345"/></identifier><name><family value="Quackenbush"/><given value="Xiomara"/></name><telecom><system value="phone"/><value value="312-555-0142"/></telecom><birthDate value="1947-02-11"/><address><line value="77 Lakeview Terrace"/><city value="Evanston"/></address></Patient></resource></entry></Bundle>';
  const CCDA = [
    '<?xml version="1.0"?><!-- CCD --><ClinicalDocument xmlns="urn:hl7-org:v3">',
    '<recordTarget><patientRole><id extension="00482913" root="2.16.840.1.113883.19.5"/>',
    '<addr use="HP"><streetAddressLine>1428 Elm Street</streetAddressLine><city>Springfield</city><postalCode>97477</postalCode></addr>',
    '<telecom value="tel:+1(503)555-0142" use="HP"/><patient><name use="L"><given>Xiomara</given><family>Quackenbush</family></name>',
    '<birthTime value="19470211"/></patient></patientRole></recordTarget>',
    '<author><assignedAuthor><assignedPerson><name><given>Tam</given><family>Nguyen</family></name></assignedPerson></assignedAuthor></author>',
    '</ClinicalDocument>',
  ].join('\n');
  it('reads a FHIR Patient in XML by its element paths, values in value attributes', () => {
    // Before: the names, the identifier and the city were not found.
    const r = scanText(FHIR_XML, { contentType: 'application/fhir+xml' });
    expect(spans(FHIR_XML, r, 'fhir-person-resource')).toEqual(['RB-0012345', 'Quackenbush', 'Xiomara', '312-555-0142', '1947-02-11', '77 Lakeview Terrace', 'Evanston']);
  });
  it("reads a C-CDA document's patient (id, address, telecom, names, birth time), not its author", () => {
    const r = scanText(CCDA, { contentType: 'application/xml' });
    expect(spans(CCDA, r, 'xml-phi-element')).toEqual(['00482913', '1428 Elm Street', 'Springfield', '97477', 'tel:+1(503)555-0142', 'Xiomara', 'Quackenbush', '19470211']);
    expect(spans(CCDA, r)).not.toContain('Nguyen');
  });
  it('reads XML elements that name their field in a child or an attribute (SOAP, form exports, HTML forms)', () => {
    // Before: all clean but the address (by its pattern).
    const soap = '<Fields><Field><Value>Quackenbush</Value><Name>LastName</Name></Field><Field><Name>Color</Name><Value>blue</Value></Field></Fields>';
    expect(spans(soap, scanText(soap, { contentType: 'text/xml' }), 'xml-phi-element')).toEqual(['Quackenbush']);
    const attrs = '<form><field name="patient_name">Xiomara Quackenbush</field><input type="text" name="first_name" value="Xiomara"><textarea name="address">1428 Elm Street</textarea></form>';
    expect(spans(attrs, scanText(attrs, { contentType: 'text/html' }), 'xml-phi-element')).toEqual(['Xiomara Quackenbush', 'Xiomara', '1428 Elm Street']);
    // An empty form: what follows an input is a page's label text, not its value.
    const empty = '<form><label>First name</label><input name="first_name" placeholder="First name"> First name here <input name="email"></form>';
    expect(scanText(empty, { contentType: 'text/html' }).phi).toBe(false);
    // <input> and <br> have no end tag: the walk must still pair </Name> and </Field> with their elements.
    const mixed = '<Field><Name>LastName</Name><br><input name="x"><Value>Quackenbush</Value></Field><Field><Name>Color</Name><Value>blue</Value></Field>';
    expect(spans(mixed, scanText(mixed, { contentType: 'text/html' }), 'xml-phi-element')).toEqual(['Quackenbush']);
  });
  it('keeps quiet on FHIR XML without a person and on a Patient without PHI; survives broken XML', () => {
    expect(scanText('<ValueSet xmlns="http://hl7.org/fhir"><name value="DiabetesCodes"/><status value="active"/></ValueSet>').phi).toBe(false);
    expect(scanText('<Patient xmlns="http://hl7.org/fhir"><active value="true"/><gender value="female"/></Patient>').phi).toBe(false);
    for (const cut of [20, 60, 200, 333]) expect(() => scanText(FHIR_XML.slice(0, cut))).not.toThrow();
  });
  it('ends on any bytes: random tag soup around person elements (a first version looped on a control byte inside a tag)', () => {
    const alphabet = ['<', '>', '/', '=', '"', "'", ' ', '\f', '\v', '\0', '!', '?', '-', '[', ']', 'a', 'Patient', 'patientRole', 'name', 'value', 'extension', 'x:', '\u00e9'];
    let seed = 11;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
    for (let k = 0; k < 3000; k++) {
      const text = Array.from({ length: 5 + (next() % 60) }, () => alphabet[next() % alphabet.length]).join('');
      const out: Finding[] = [];
      xmlStructures({ buf: Buffer.from(`<Patient>${text}`), scanner: scanner(), out, base: 0, layer: undefined });
      xmlStructures({ buf: Buffer.from(text), scanner: scanner(), out, base: 0, layer: undefined });
    }
  });
});

describe('vCard and iCalendar', () => {
  it("reads a contact card's properties (a patient list exported to a CRM), folded lines joined", () => {
    // Before: a card with only a name (FN, N) passed as clean.
    const card = 'BEGIN:VCARD\r\nVERSION:4.0\r\nN:Quackenbush;Xiomara;;;\r\nFN:Xiomara\r\n  Quackenbush\r\nBDAY:1947-02-11\r\nORG:Riverbend Family Medicine\r\nEND:VCARD\r\n';
    const r = scanText(card, { contentType: 'text/vcard' });
    expect(spans(card, r, 'vcard-phi-field')).toEqual(['Quackenbush;Xiomara;;;', 'Xiomara\r\n  Quackenbush', '1947-02-11']);
  });
  it('joins folded lines of a calendar event before the patterns read it (a value may be cut anywhere)', () => {
    const ics = 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:20261125T150000Z\r\nDESCRIPTION:Billing: SSN 536-22-\r\n 1845 on file\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n';
    expect(spans(ics, scanText(ics, { contentType: 'text/calendar' }), 'us-ssn')).toEqual(['536-22-\r\n 1845']);
  });
  it('keeps quiet on a card without personal properties and on properties outside a card', () => {
    expect(scanText('BEGIN:VCARD\r\nVERSION:4.0\r\nORG:Riverbend Family Medicine\r\nURL:https://clinic.example\r\nEND:VCARD\r\n').phi).toBe(false);
    expect(scanText('FN:Widget Pro\r\nTEL:none\r\n').phi).toBe(false);
  });
});

describe('HL7 v2', () => {
  const r = scanText(HL7_ADT, { contentType: 'text/plain' });
  it('reads PID, NK1, PV1 and IN1 fields with exact byte offsets', () => {
    expect(r.format).toBe('hl7v2');
    const byField = (v: string) => r.findings.find((f) => f.detector === 'hl7v2-phi-field' && HL7_ADT.slice(f.start, f.end) === v)?.identifier;
    expect(byField('RB-0012345^^^RB^MR')).toBe('mrn');
    expect(byField('536221845^^^SSA^SS')).toBe('mrn');
    expect(byField('GARCIA^ROSA^M')).toBe('names');
    expect(byField('19470211')).toBe('dates');
    expect(byField('1420 Maple Ave^^Springfield^IL^62704')).toBe('geographic');
    expect(byField('(217)555-0188')).toBe('phone');
    expect(byField('AC4410293')).toBe('account');
    expect(byField('536-22-1845')).toBe('ssn');
    expect(byField('GARCIA^LUIS')).toBe('names');
    expect(byField('V20261122001')).toBe('account');
    expect(byField('XGH48291033')).toBe('health-plan');
  });
  it('uses the delimiters MSH declares', () => {
    const c = scanText(HL7_CUSTOM_DELIMITERS);
    expect(spans(HL7_CUSTOM_DELIMITERS, c, 'hl7v2-phi-field')).toEqual(['4471920', 'ROE!RICHARD', '19380405']);
  });
  it('does not treat the message header or an ACK as PHI', () => {
    const ack = 'MSH|^~\\&|LAB|LAKESIDE|CEDAR|RIVERBEND|20261122083001||ACK^A01|ACK00042|P|2.5.1\rMSA|AA|MSG00042\r';
    expect(scanText(ack).phi).toBe(false);
  });
});

describe('X12', () => {
  const r = scanText(X12_837);
  it('reads the subscriber loop with the separators ISA declares', () => {
    expect(r.format).toBe('x12');
    const got = spans(X12_837, r, 'x12-phi-element');
    expect(got).toEqual(expect.arrayContaining(['GARCIA', 'ROSA', 'XGH48291033', '1420 MAPLE AVE', 'SPRINGFIELD', '62704', '19470211', '536221845', 'PCN20261122A', '20261120']));
  });
  it('leaves the billing provider alone', () => {
    const got = spans(X12_837, r, 'x12-phi-element');
    expect(got).not.toContain('RIVERBEND FAMILY MEDICINE');
    expect(got).not.toContain('100 CLINIC WAY');
  });
  it('works with other separators', () => {
    const alt = X12_837.replace(/\*/g, '|').replace(/~\n/g, '\n').replace(/~$/, '\n');
    expect(spans(alt, scanText(alt), 'x12-phi-element')).toContain('XGH48291033');
  });
});

describe('a byte order mark, HL7 batch files', () => {
  const BOM = '\ufeff';
  it('reads X12, HL7, JSON and CSV after a UTF-8 byte order mark (Windows tools write one)', () => {
    // Before: the sniff saw no ISA at byte 0 and scanned the interchange as text: no PHI found.
    const x12 = scanText(BOM + X12_837);
    expect(x12.format).toBe('x12');
    expect(spans(BOM + X12_837, x12, 'x12-phi-element')).toEqual(expect.arrayContaining(['GARCIA', 'ROSA', '19470211']));
    const hl7 = scanText(BOM + HL7_ADT);
    expect(hl7.format).toBe('hl7v2');
    expect(spans(BOM + HL7_ADT, hl7, 'hl7v2-phi-field')).toContain('GARCIA^ROSA^M');
    expect(scanText(BOM + '{"memberId": "ZQ99120"}').format).toBe('json');
    const csv = BOM + 'SSN,plan\n536-22-1845,gold\n';
    expect(spans(csv, scanText(csv, { contentType: 'text/csv' }), 'csv-phi-column')).toEqual(['536-22-1845']);
  });
  it('reads an HL7 batch file (FHS / BHS before the messages)', () => {
    const batch = `FHS|^~\\&|CEDAR|RIVERBEND\rBHS|^~\\&|CEDAR|RIVERBEND\r${HL7_ADT}\rBTS|1\rFTS|1\r`;
    const r = scanText(batch);
    expect(r.format).toBe('hl7v2');
    expect(spans(batch, r, 'hl7v2-phi-field')).toEqual(expect.arrayContaining(['GARCIA^ROSA^M', '19470211', 'GARCIA^LUIS']));
  });
});

describe('messages inside strings', () => {
  const hl7Names = (input: string, r: ReturnType<typeof scanText>) => spans(input, r, 'hl7v2-phi-field');
  it('reads X12 wrapped in JSON (a clearinghouse API body), with offsets into the JSON', () => {
    // Before: format json, no PHI at all — the names and dates are only PHI by their X12 element.
    const body = JSON.stringify({ x12: X12_837.replace(/\n/g, ''), mode: 'production' });
    const r = scanText(body, { contentType: 'application/json' });
    expect(r.phi).toBe(true);
    expect(spans(body, r, 'x12-phi-element')).toEqual(expect.arrayContaining(['GARCIA', 'ROSA', 'XGH48291033', '19470211', '536221845']));
  });
  it('reads an HL7 message logged in a JSON line (escaped \\r, \\\\&), mapping spans back through the escapes', () => {
    const body = JSON.stringify({ level: 'info', msg: 'inbound ADT', payload: HL7_ADT }) + '\n';
    const r = scanText(body, { contentType: 'application/x-ndjson' });
    expect(hl7Names(body, r)).toEqual(expect.arrayContaining(['RB-0012345^^^RB^MR', 'GARCIA^ROSA^M', '19470211', '(217)555-0188', 'GARCIA^LUIS']));
  });
  it('reads HL7 in a plain log line, X12 in a form field and in an XML element', () => {
    const log = `2026-11-22T08:30:00Z INFO engine: received ${HL7_ADT.replace(/\r/g, '\\r')} (ack AA)\n2026-11-22T08:30:01Z INFO next\n`;
    expect(hl7Names(log, scanText(log, { contentType: 'text/plain' }))).toEqual(expect.arrayContaining(['GARCIA^ROSA^M', '19470211']));
    const form = `claim=${encodeURIComponent(X12_837)}&submitter=riverbend`;
    const f = scanText(form, { contentType: 'application/x-www-form-urlencoded' });
    expect(spans(form, f, 'x12-phi-element')).toEqual(expect.arrayContaining(['GARCIA', 'ROSA', '19470211']));
    const xml = `<Envelope><Body><Payload>${X12_837}</Payload></Body></Envelope>`;
    expect(spans(xml, scanText(xml, { contentType: 'application/xml' }), 'x12-phi-element')).toEqual(expect.arrayContaining(['GARCIA', '19470211']));
  });
  it('reads JSON stringified inside JSON (a queue or webhook envelope)', () => {
    const body = JSON.stringify({ Type: 'Notification', Message: JSON.stringify({ patient: { firstName: 'Xiomara', lastName: 'Quackenbush', memberId: 'ZQ99120' } }) });
    const r = scanText(body, { contentType: 'application/json' });
    expect(spans(body, r, 'json-phi-field')).toEqual(expect.arrayContaining(['Xiomara', 'Quackenbush', 'ZQ99120']));
  });
  it('reads at most MAX_EMBEDDED of them; past that the payload is unscannable, not half-read', () => {
    const ack = (i: number) => `MSH|^~\\&|LAB|LAKESIDE|CEDAR|RIVERBEND|20261122083001||ACK^A01|ACK${i}|P|2.5.1\rMSA|AA|MSG${i}\r`;
    const body = (n: number) => JSON.stringify(Array.from({ length: n }, (_, i) => ack(i)));
    expect(scanText(body(MAX_EMBEDDED), { contentType: 'application/json' })).toMatchObject({ phi: false, unscannable: null });
    expect(scanText(body(MAX_EMBEDDED + 1), { contentType: 'application/json' })).toMatchObject({ phi: false, unscannable: 'too_large' });
  });
  it('keeps quiet on look-alikes and PHI-free wrapped content', () => {
    for (const body of [
      JSON.stringify({ card: 'VISA*01 ending 4242', note: 'PREMSH|x' }),
      JSON.stringify({ Message: JSON.stringify({ event: 'order.created', sku: 'A-100', qty: 2 }) }),
      JSON.stringify({ ack: 'MSH|^~\\&|LAB|LAKESIDE|CEDAR|RIVERBEND|20261122083001||ACK^A01|ACK00042|P|2.5.1\rMSA|AA|MSG00042\r' }),
    ]) {
      expect(scanText(body, { contentType: 'application/json' }).phi).toBe(false);
    }
  });
});

describe('JSON objects named by something other than their keys', () => {
  const found = (body: string) => {
    const r = scanText(body, { contentType: 'application/json' });
    return r.findings.filter((f) => f.detector === 'json-phi-field').map((f) => `${f.identifier}:${body.slice(f.start, f.end)}`);
  };
  it('name / value (HubSpot forms), name / answer with a nested answer (JotForm), a number value', () => {
    // Before: none of these values was found by structure; the JotForm one was clean.
    expect(found(JSON.stringify({ fields: [{ objectTypeId: '0-1', name: 'firstname', value: 'Xiomara' }, { name: 'date_of_birth', value: '1947-02-11' }, { name: 'reason', value: 'knee pain' }] }))).toEqual(['names:Xiomara', 'dates:1947-02-11']);
    expect(found(JSON.stringify({ answers: { '3': { name: 'patientName', answer: { first: 'Xiomara', last: 'Quackenbush' } } } }))).toEqual(['names:Xiomara', 'names:Quackenbush']);
    expect(found(JSON.stringify([{ Label: 'SSN', Value: 536221845 }, { Label: 'Plan', Value: 'Gold' }]))).toEqual(['ssn:536221845']);
  });
  it('the field name one level down, beside the value (Typeform)', () => {
    const body = JSON.stringify({ answers: [{ type: 'text', text: 'Xiomara Quackenbush', field: { ref: 'full_name' } }, { type: 'text', text: 'blue', field: { ref: 'fav_color' } }] });
    expect(found(body)).toEqual(['names:Xiomara Quackenbush']);
  });
  it('members of an object named for a person, as if prefixed ("patient": {"last": ...} as patientLast)', () => {
    // Before: clean — "last", "first" and "name" alone are no PHI field names.
    expect(found(JSON.stringify({ patient: { last: 'Quackenbush', first: 'Xiomara', id: 'P-4471' }, visit: { reason: 'knee' } }))).toEqual(['names:Quackenbush', 'names:Xiomara', 'mrn:P-4471']);
    expect(found(JSON.stringify({ claim: { subscriber: { name: { first: 'Xiomara', last: 'Quackenbush' } }, emergencyContact: { name: 'Ana Ruiz' } } }))).toEqual(['names:Xiomara', 'names:Quackenbush', 'names:Ana Ruiz']);
    // A name as an object of its parts, with no person around it (a CRM contact): as first_name and last_name are.
    expect(found(JSON.stringify({ contact: { name: { first: 'Xiomara', last: 'Quackenbush' }, tags: ['new'] } }))).toEqual(['names:Xiomara', 'names:Quackenbush']);
    expect(found(JSON.stringify({ name: { given: 'Xiomara', family: 'Quackenbush' } }))).toEqual(['names:Xiomara', 'names:Quackenbush']);
    // Generic names that are person prefixes in flat keys are not taken for persons as objects.
    for (const body of [{ parent: { name: 'Category A', id: 7 } }, { member: { name: 'Team Alpha' } }, { pt: { name: 'Português' } }]) {
      expect(scanText(JSON.stringify(body), { contentType: 'application/json' }).phi, JSON.stringify(body)).toBe(false);
    }
  });
  it('field names as EHR exports and integrations abbreviate them (pat_name, birthDt, ssn_last_4, addr1, dos)', () => {
    // Before: none of these was a PHI field name.
    expect(found(JSON.stringify({ nok: 'Ana Ruiz', nextOfKin: 'Ana Ruiz', recipientName: 'Xiomara Quackenbush', mbr_id: 'XGH48291033' }))).toEqual(['names:Ana Ruiz', 'names:Ana Ruiz', 'names:Xiomara Quackenbush', 'health-plan:XGH48291033']);
    expect(found(JSON.stringify({ pat_name: 'Xiomara Quackenbush', birthDt: '1947-02-11', ssn_last_4: '1845', addr1: '1420 Maple Ave', zip5: '62704', mobile: '3125550142', mrnNumber: 'RB-0012345', dos: '2026-11-20', nameLast: 'Okafor' }))).toEqual([
      'names:Xiomara Quackenbush', 'dates:1947-02-11', 'ssn:1845', 'geographic:1420 Maple Ave', 'geographic:62704', 'phone:3125550142', 'mrn:RB-0012345', 'dates:2026-11-20', 'names:Okafor',
    ]);
    // The same names holding no such value: a device flag, a memory or network address, a token's id, paths and patterns.
    expect(scanText(JSON.stringify({ device: { mobile: true, addr: '10.0.0.5' }, frame: { addr: '0x00007ff6a1b2c3d4' }, pat_id: 12345, path: '/x', pattern: 'a*', patch: '1.2.3' }), { contentType: 'application/json' }).findings).toEqual([]);
  });
  it("a tree's parentId is no parent's identifier; a parent's name and phone still are", () => {
    // Before: "parentId": 11 was an identifier (the prefix "parent" + "id"): every session
    // replay mutation, comment thread and trace span with a parent node was PHI.
    for (const body of [{ adds: [{ parentId: 11, nextId: null, node: { type: 2, tagName: 'div', id: 30 } }] }, { parent_id: 4471, name: 'Billing' }, { parentIdentifier: 'cat-7' }]) {
      expect(scanText(JSON.stringify(body), { contentType: 'application/json' }).findings, JSON.stringify(body)).toEqual([]);
    }
    expect(found(JSON.stringify({ parent_name: 'Ana Ruiz', parentPhone: '312-555-0142', parent_ssn: '536-22-1845' }))).toEqual(['names:Ana Ruiz', 'phone:312-555-0142', 'ssn:536-22-1845']);
    expect(scanner().keys.identify('patientId')).toBe('mrn');
    expect(scanner().keys.identify('guardian_id')).toBe('other-id');
  });
  it("a user's name in an analytics library's traits (Segment identify, Amplitude user_properties), not a group's", () => {
    // Before: clean — "name" alone is no PHI field name.
    expect(found(JSON.stringify({ type: 'identify', userId: 'u-4471', traits: { name: 'Rosa Garcia', plan: 'diabetes-coaching' } }))).toEqual(['names:Rosa Garcia']);
    expect(found(JSON.stringify({ events: [{ user_id: 'u-4471', event_type: 'Viewed Results', user_properties: { displayName: 'Linda Martinez' } }] }))).toEqual(['names:Linda Martinez']);
    for (const body of [{ type: 'group', groupId: 'g1', traits: { name: 'Grace Community Clinic', plan: 'pro' } }, { type: 'identify', userId: 'staff-12', traits: { name: 'Front Desk 2', role: 'scheduler' } }, { traits: { name: 'Rosa' } }]) {
      expect(scanText(JSON.stringify(body), { contentType: 'application/json' }).findings, JSON.stringify(body)).toEqual([]);
    }
  });
  it('key=value pairs inside a JSON logger\'s message', () => {
    // Before: clean — pairs were read only in logfmt lines (level=, msg=), not in a JSON log's "msg".
    const log = JSON.stringify({ level: 30, time: 1, message: 'saved chart for first_name=Rosa last_name=Garcia' });
    expect(spans(log, scanText(log, { contentType: 'application/json' }), 'form-phi-field')).toEqual(['Rosa', 'Garcia']);
    expect(scanText(JSON.stringify({ level: 30, message: 'retry count=3 backoff=200ms' }), { contentType: 'application/json' }).phi).toBe(false);
  });
  it("a user's profile as Mixpanel and GA4 take it ($set, $first_name, a user property's {value})", () => {
    // Before: clean — "$set" was no user description, "$first_name" no field name, and a value under {"value": ...} not read.
    expect(found(JSON.stringify({ $token: 'abc', $distinct_id: 'u-4471', $set: { $name: 'Rosa Garcia', plan: 'diabetes' } }))).toEqual(['names:Rosa Garcia']);
    expect(found(JSON.stringify({ $set_once: { $first_name: 'Rosa', $email: 'rosa.g@mail.example' } }))).toEqual(['names:Rosa', 'email:rosa.g@mail.example']);
    expect(found(JSON.stringify({ client_id: '1.2', user_properties: { full_name: { value: 'Luna Kihn' }, dob: { value: '1947-02-11' } }, events: [{ name: 'booked' }] }))).toEqual(['names:Luna Kihn', 'dates:1947-02-11']);
    for (const clean of [{ $set: { $name: 'Grace Community Clinic', plan: 'pro' } }, { user_properties: { plan: { value: 'pro' } } }, { set: { name: 'Widget Pro' } }]) {
      expect(scanText(JSON.stringify(clean), { contentType: 'application/json' }).phi, JSON.stringify(clean)).toBe(false);
    }
  });
  it('tables: an array of rows whose first names PHI fields (a spreadsheet API body)', () => {
    // Before: the names were not found (the dates only by their pattern, beside "Birth").
    const body = JSON.stringify({ range: 'Sheet1!A1', values: [['Patient', 'Date of Birth', 'Notes'], ['Quackenbush, Xiomara', '1947-02-11', 'new'], ['Okafor, Chidi', '1958-09-30', '']] });
    expect(found(body)).toEqual(['names:Quackenbush, Xiomara', 'dates:1947-02-11', 'names:Okafor, Chidi', 'dates:1958-09-30']);
    expect(scanText(JSON.stringify({ values: [['SKU', 'Qty'], ['KB-100', 2]] }), { contentType: 'application/json' }).phi).toBe(false);
  });
  it('tables: rows appended without their header, and a column headed just "Name"', () => {
    // Before: all clean — a spreadsheet append carries rows under a header already in the sheet.
    const append = JSON.stringify({ range: 'Sheet1!A2', majorDimension: 'ROWS', values: [['Rosa Garcia', '1947-02-11', 'Type 2 diabetes'], ['Luna Kihn', '2002-09-04', 'CHF'], ['Trycia Jacobi', '1958-09-30', 'COPD']] });
    // Luna Kihn: a known given name; Trycia Jacobi: neither name known, found as a cell of the column of names.
    expect(found(append)).toEqual(['names:Rosa Garcia', 'dates:1947-02-11', 'names:Luna Kihn', 'dates:2002-09-04', 'names:Trycia Jacobi', 'dates:1958-09-30']);
    const apart = JSON.stringify({ values: [['Jerry', 'McDermott', '07/30/1952', 'CHF'], ['Xiomara', 'Quackenbush', '09/30/1958', '']] });
    expect(found(apart)).toEqual(['names:Jerry', 'names:McDermott', 'dates:07/30/1952', 'names:Xiomara', 'names:Quackenbush', 'dates:09/30/1958']);
    const named = JSON.stringify({ values: [['Name', 'Diagnosis'], ['Rosa Garcia', 'CHF'], ['Jerry McDermott', 'COPD'], ['Xiomara Quackenbush', 'asthma']] });
    expect(found(named).filter((f) => f.startsWith('names:'))).toEqual(expect.arrayContaining(['names:Rosa Garcia', 'names:Jerry McDermott', 'names:Xiomara Quackenbush']));
    for (const clean of [
      { values: [['Name', 'Price'], ['Widget Pro', '12'], ['Gadget', '3']] },
      { values: [['Staff meeting', '2026-11-24'], ['Rosa Garcia', 'x']] },
      { values: [['Rosa Garcia', '19470211']] },
      { values: [['Rosa Garcia', 'Type 2 diabetes']] },
      { values: [['Handmade Rubber Sausages', '2026-11-21', '21'], ['Recycled Ceramic Ball', '11/23/2026', '3']] },
      { values: [['Trycia Jacobi', '1958-09-30'], ['Wilber Schamberger', '1947-02-11']] },
    ]) expect(scanText(JSON.stringify(clean), { contentType: 'application/json' }).phi, JSON.stringify(clean)).toBe(false);
  });
  it('keeps quiet on a form definition (empty values), placeholders, and members that hold no value', () => {
    const schema = JSON.stringify({ fields: [{ name: 'date_of_birth', label: 'Date of birth', type: 'date', value: '', placeholder: 'MM/DD/1990' }, { name: 'ssn', value: null, help: 'Needed for billing 123' }] });
    expect(scanText(schema, { contentType: 'application/json' }).phi).toBe(false);
    expect(found(JSON.stringify({ name: 'phone', value: 'iPhone', id: 12 }))).toEqual([]);
    // A form's definition: the field's name beside its label text (JotForm) is no answer.
    expect(scanText(JSON.stringify({ questions: [{ name: 'first_name', text: 'First Name', type: 'control_textbox' }, { name: 'patientName', text: 'Patient name', type: 'control_fullname' }] }), { contentType: 'application/json' }).phi).toBe(false);
  });
});

describe('CSV and TSV', () => {
  it('a name field holding a kind of patient or a yes/no is no name (scheduling forms, analytics events)', () => {
    // Without this, "patient" as a field name (b: names) flagged every "new patient" event.
    for (const [body, contentType] of [
      ['{"event":"form_submit","patient":"new","first_name":"yes"}', 'application/json'],
      ['patient=returning&page=book-online', 'application/x-www-form-urlencoded'],
      ['Patient,Visit type\nnew,annual\nestablished,follow-up\n', 'text/csv'],
    ]) {
      expect(scanText(body!, { contentType }).phi, body).toBe(false);
    }
    expect(scanText('patient=Rosa+Garcia&page=book', { contentType: 'application/x-www-form-urlencoded' }).phi).toBe(true);
  });
  it('reads a column named just "Patient" (an EHR appointment export, "Last, First")', () => {
    // Before: clean — "Patient" alone was no PHI field name.
    const csv = 'Patient,Visit Date,Provider,Reason\n"Quackenbush, Xiomara",11/20/2026,Dr. Lee,Follow-up\n';
    expect(spans(csv, scanText(csv, { contentType: 'text/csv' }), 'csv-phi-column')).toEqual(['Quackenbush, Xiomara']);
  });
  const csv = 'patient_first_name,Patient Last Name,DOB,visit_reason,copay\r\nAna,"Ruiz, Jr.",1980-05-17,follow-up,25\r\nBen,Okoye,1975-12-02,"flu, mild",0\r\n';
  it('reads a column under a generic header ("Name", "Member") when its cells are people\'s names', () => {
    // Before: clean — "Name" is too generic a header to name PHI by itself.
    const list = 'Name,Appointment,Provider\nRosa Garcia,2026-12-01 09:00,Dr. Patel\nNaomie Wehner,2026-12-01 09:30,Dr. Patel\nJames Smith,2026-12-01 10:00,Dr. Lee\n';
    expect(spans(list, scanText(list, { contentType: 'text/csv' }), 'csv-phi-column')).toEqual(['Rosa Garcia', 'Naomie Wehner', 'James Smith']);
    const members = 'Member\tPlan\nGarcia, Rosa\tGold\nOkafor, Chidi\tSilver\n';
    expect(spans(members, scanText(members, { contentType: 'text/tab-separated-values' }), 'csv-phi-column')).toEqual(['Garcia, Rosa', 'Okafor, Chidi']);
    const upper = 'ID, NAME \n1,Rosa Garcia\n2,James Smith\n';
    expect(spans(upper, scanText(upper, { contentType: 'text/csv' }), 'csv-phi-column')).toEqual(['Rosa Garcia', 'James Smith']);
    // Products, teams and companies under the same headers are no names.
    for (const csv of ['Name,SKU,Qty\nKnee brace,KB-100,2\nWrist splint,WS-200,1\nGrace Pediatric Kit,GP-1,3\n', 'Name,Lead\nRadiology,Dr. Lee\nFront Desk,Maria\n', 'Customer,Balance\nAcme Health,1200\nMercy Clinic,300\n']) {
      expect(scanText(csv, { contentType: 'text/csv' }).findings, csv).toEqual([]);
    }
  });

  it('reports every cell under a PHI-named header', () => {
    const r = scanText(csv, { contentType: 'text/csv' });
    expect(r.format).toBe('csv');
    expect(spans(csv, r, 'csv-phi-column')).toEqual(['Ana', 'Ruiz, Jr.', '1980-05-17', 'Ben', 'Okoye', '1975-12-02']);
  });
  it('reads TSV by its header without a content type', () => {
    const tsv = 'MRN\tvisit\n4471920\tnew\n';
    expect(spans(tsv, scanText(tsv), 'csv-phi-column')).toEqual(['4471920']);
  });
  it('keeps quiet on a CSV without PHI columns', () => {
    expect(scanText('sku,qty,price\nA-100,3,12.50\nB-7,1,3.00\n', { contentType: 'text/csv' }).phi).toBe(false);
  });

  it('sniffs CSV from bytes exactly as splitting the decoded first lines does', () => {
    /** The reading by strings: the first five lines of the first 8 KiB, blank ones dropped, equal column counts. */
    const reference = (buf: Buffer): boolean => {
      const delimiter = csvDelimiter(buf);
      if (delimiter === null) return false;
      const lines = buf.toString('utf8', 0, Math.min(buf.length, 8192)).split('\n').slice(0, 5).filter((l) => l.trim() !== '');
      if (lines.length < 2) return false;
      const counts = lines.map((l) => l.split(String.fromCharCode(delimiter)).length);
      return counts[0]! >= 2 && counts.every((c) => c === counts[0]);
    };
    let seed = 3;
    const random = (): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const pieces = ['a', 'b', ',', ',', ';', '\t', '|', '\n', '\n', '\r\n', ' ', '\u00a0', '\u3000', 'é', '\ufeff', '"'];
    const cases: Buffer[] = [];
    for (let k = 0; k < 3000; k++) {
      const parts: string[] = [];
      for (let len = Math.floor(random() * 40); len > 0; len--) parts.push(pieces[Math.floor(random() * pieces.length)]!);
      cases.push(Buffer.from(parts.join('')));
    }
    // Around the 8 KiB cut: a line end just before, at and after it, and a character split by it.
    for (const at of [8190, 8191, 8192, 8193]) cases.push(Buffer.concat([Buffer.from('a,b\nc,d\n'), Buffer.alloc(at - 8, 0x78), Buffer.from('\ne,f,g\n')]));
    cases.push(Buffer.concat([Buffer.from('a,b\n'), Buffer.alloc(8187, 0x78), Buffer.from('é,\nx,y\n')]));
    for (const { body } of generateCorpus(5, 20)) cases.push(body);
    let csv = 0;
    for (const buf of cases) {
      expect(looksLikeCsv(buf), JSON.stringify(buf.toString().slice(0, 80))).toBe(reference(buf));
      if (reference(buf)) csv++;
    }
    // Both answers occur often enough for the comparison to mean something.
    expect(csv).toBeGreaterThan(100);
    expect(cases.length - csv).toBeGreaterThan(100);
  });
});

describe("ad platforms' customer matching: hashed identifiers", () => {
  const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
  const identifiers = (body: string, contentType: string) => scanText(body, { contentType }).findings.map((f) => f.identifier);
  it('Meta Pixel advanced matching (ud[em]=, also percent-encoded) and its Conversions API (user_data)', () => {
    // Before: the pixel's query and the Conversions API body were clean.
    const pixel = `id=1234&ev=Schedule&dl=https%3A%2F%2Fportal.example%2Fbook&ud[em]=${sha256('rosa@mail.example')}&ud[ph]=${sha256('15035550142')}&ud[ge]=f`;
    expect(identifiers(pixel, 'application/x-www-form-urlencoded')).toEqual(['email', 'phone']);
    expect(identifiers(`id=1&ud%5Bfn%5D=${sha256('rosa')}`, 'application/x-www-form-urlencoded')).toEqual(['names']);
    const capi = JSON.stringify({ data: [{ event_name: 'Schedule', user_data: { em: [sha256('rosa@mail.example')], ph: [sha256('15035550142')], fbp: 'fb.1.1700000000.123' } }] });
    expect(identifiers(capi, 'application/json')).toEqual(['email', 'phone']);
  });
  it('a hashed value under an e-mail or phone key (TikTok Events API, Google enhanced conversions)', () => {
    const body = JSON.stringify({ context: { user: { email: sha256('rosa@mail.example'), phone_number: sha256('+15035550142') } }, user_data: { sha256_email_address: sha256('rosa@mail.example') } });
    expect(identifiers(body, 'application/json')).toEqual(['email', 'phone', 'email']);
  });
  it('TikTok sha256_email and LinkedIn Conversions API userIds ({idType: SHA256_EMAIL, idValue})', () => {
    // Before: clean — sha256_email was no key, and the id's type names the field of its value.
    const tiktok = JSON.stringify({ context: { user: { sha256_email: sha256('rosa@mail.example') } } });
    expect(identifiers(tiktok, 'application/json')).toEqual(['email']);
    const linkedin = JSON.stringify({ conversion: 'urn:lla:llaPartnerConversion:1', user: { userIds: [{ idType: 'SHA256_EMAIL', idValue: sha256('rosa@mail.example') }] } });
    expect(identifiers(linkedin, 'application/json')).toEqual(['email']);
    expect(scanText(JSON.stringify({ userIds: [{ idType: 'ACXIOM_ID', idValue: 'abc123' }] }), { contentType: 'application/json' }).phi).toBe(false);
  });

  it('keeps quiet on hashes under other names and on user_data without identifiers', () => {
    const body = JSON.stringify({ etag: sha256('x'), sha256: sha256('file'), commit: { id: 'a'.repeat(40) }, user_data: { theme: 'dark', fbp: 'fb.1.2' } });
    expect(scanText(body, { contentType: 'application/json' }).phi).toBe(false);
  });
});

describe('forms, query strings, XML and multipart', () => {
  it('reads form parameters that name a field for another one (fields[0][name]=last_name&fields[0][value]=...)', () => {
    // Before: clean (the date only by its pattern).
    const indexed = 'fields%5B0%5D%5Bname%5D=last_name&fields%5B0%5D%5Bvalue%5D=Quackenbush&fields%5B1%5D%5Bname%5D=color&fields%5B1%5D%5Bvalue%5D=blue';
    expect(spans(indexed, scanText(indexed, { contentType: 'application/x-www-form-urlencoded' }), 'form-phi-field')).toEqual(['Quackenbush']);
    // jQuery-style arrays without indexes, a value before its name.
    const unindexed = 'fields[][value]=Quackenbush&fields[][name]=lastname&fields[][name]=ssn&fields[][value]=536221845';
    expect(spans(unindexed, scanText(unindexed, { contentType: 'application/x-www-form-urlencoded' }), 'form-phi-field')).toEqual(['Quackenbush', '536221845']);
    expect(scanText('fields[0][name]=color&fields[0][value]=blue', { contentType: 'application/x-www-form-urlencoded' }).phi).toBe(false);
  });
  it('reads nested form field names as Rails and PHP write them (patient[last_name]=, user[patient_attributes][dob]=)', () => {
    // Before: only the date was found (by its pattern); the names' fields were not read.
    const form = 'patient[last_name]=Quackenbush&patient[first]=Xiomara&user[patient_attributes][dob]=1947-02-11&visit[reason]=knee&q[items][0][name]=widget';
    const r = scanText(form, { contentType: 'application/x-www-form-urlencoded' });
    expect(spans(form, r, 'form-phi-field')).toEqual(['Quackenbush', 'Xiomara', '1947-02-11']);
    const encoded = 'patient%5Blast_name%5D=Quackenbush';
    expect(spans(encoded, scanText(encoded, { contentType: 'application/x-www-form-urlencoded' }), 'form-phi-field')).toEqual(['Quackenbush']);
  });
  it("reads a Google Analytics 4 hit's own parameters (ep. and epn. for an event's, up. and upn. for a user's)", () => {
    // Before: clean (the date only by its pattern) — 'ep.patient_name' was no field name.
    const hit = 'v=2&tid=G-ABC123&en=form_submit&ep.patient_name=Xiomara&ep.form_id=intake&up.dob=1947-02-11&upn.zip=62704';
    expect(spans(hit, scanText(hit, { contentType: 'application/x-www-form-urlencoded' }), 'form-phi-field')).toEqual(['Xiomara', '1947-02-11', '62704']);
    expect(scanText('v=2&tid=G-ABC123&en=page_view&ep.page_type=services&epn.value=12', { contentType: 'application/x-www-form-urlencoded' }).phi).toBe(false);
  });
  it('reads a query string inside a JSON string or an XML element (a request URL sent to an APM or log vendor)', () => {
    // Before: clean. Form pairs were read only in a form body.
    const apm = JSON.stringify({ http: { method: 'GET', url: 'https://ehr.clinic.example/api/patients?last_name=Garcia&first_name=Rosa&dob=1947-02-11' }, status: 200 });
    expect(spans(apm, scanText(apm, { contentType: 'application/json' }), 'form-phi-field')).toEqual(['Garcia', 'Rosa', '1947-02-11']);
    const xml = '<event><url>/search?ssn=536221845&amp;x=1</url></event>';
    expect(spans(xml, scanText(xml, { contentType: 'application/xml' }), 'form-phi-field')).toEqual(['536221845']);
    expect(scanText(JSON.stringify({ url: 'https://shop.example/cart?sku=KB-100&qty=2' }), { contentType: 'application/json' }).phi).toBe(false);
  });

  it('reads logfmt lines (level=, msg=): bare and quoted values; a network address is no street address', () => {
    // Before: first_name=Rosa in a log line was clean.
    const line = 'ts=2026-11-22T10:00:00Z level=info msg="checkin" first_name=Rosa patient_name="Rosa Garcia" member_id=XGH48291033 room=3\n';
    expect(spans(line, scanText(line, { contentType: 'text/plain' }), 'form-phi-field')).toEqual(['Rosa', 'Rosa Garcia', 'XGH48291033']);
    const server = 'level=info msg="listening" address=0.0.0.0:8080 upstream_address=[::1]:5432 phone=none name=worker-3\n';
    expect(scanText(server, { contentType: 'text/plain' }).findings).toEqual([]);
    // Outside a logfmt line, a pair after a space is not read as one.
    expect(spans('note member_id=XGH48291033', scanText('note member_id=XGH48291033', { contentType: 'text/plain' }), 'form-phi-field')).toEqual([]);
  });

  it('reads a name labelled in an XML attribute, a GraphQL argument, YAML, INI or TOML', () => {
    // Before: clean wherever the name was the only PHI (dates and MRNs so labelled were found by their patterns).
    const cases: [string, string, string[]][] = [
      ['application/xml', '<Appt Type="Follow-up"><Person FirstName="Rosa" LastName="Garcia"/></Appt>', ['Rosa', 'Garcia']],
      ['application/json', JSON.stringify({ query: 'mutation { createContact(input: { firstName: "Rosa", lastName: "McDermott" }) { id } }' }), ['Rosa', 'McDermott']],
      ['application/yaml', 'contact:\n  first_name: Rosa\n  last_name: Garcia\nreason: knee pain\n', ['Rosa', 'Garcia']],
      ['text/plain', '[patient]\nfirst_name = "Rosa"\nlast_name = "Garcia"\n', ['Rosa', 'Garcia']],
      // Lines without indentation (a bare value's match takes its line end), names with diacritics.
      ['application/yaml', 'first_name: Ángel\nlast_name: Peña\n', ['Ángel', 'Peña']],
      ['application/xml', '<Person FirstName="José" LastName="Muñoz"/>', ['José', 'Muñoz']],
    ];
    for (const [contentType, body, names] of cases) expect(spans(body, scanText(body, { contentType }), 'form-phi-field'), body).toEqual(names);
  });

  it('keeps quiet on labelled names that hold no name: types, translations, templates, code', () => {
    for (const body of [
      'interface Patient {\n  firstName: string;\n  lastName: String;\n}',
      JSON.stringify({ query: 'type Contact { firstName: String! lastName: String }' }),
      'en:\n  form:\n    first_name: First name\n    last_name: "Last Name"\n',
      'first_name: "{{ patient.first_name }}"\nlast_name: ${LAST}',
      'user.first_name = form.cleaned_data["first_name"]\nlast_name = Patient.objects.get(pk=1)',
      '<Provider FirstName="" LastName="N/A" Role="RN"/>',
    ]) expect(scanText(body).findings, body).toEqual([]);
  });

  it('reads url-encoded form fields by name', () => {
    const form = 'first_name=Ana&last_name=Ruiz&dob=05%2F17%2F1980&plan=gold';
    const r = scanText(form, { contentType: 'application/x-www-form-urlencoded' });
    expect(r.format).toBe('form');
    expect(spans(form, r, 'form-phi-field')).toEqual(['Ana', 'Ruiz', '05%2F17%2F1980']);
  });

  it('reads XML elements by name', () => {
    const xml = '<ClinicalDocument><recordTarget><PatientName>Rosa Garcia</PatientName><BirthDate>1947-02-11</BirthDate></recordTarget></ClinicalDocument>';
    expect(spans(xml, scanText(xml), 'xml-phi-element')).toEqual(['Rosa Garcia', '1947-02-11']);
  });

  it('scans the text parts of a multipart upload in place, and calls a binary part unscannable', () => {
    const body = Buffer.concat([
      Buffer.from('--XyZ\r\nContent-Disposition: form-data; name="member_id"\r\n\r\nXGH48291033\r\n'),
      Buffer.from('--XyZ\r\nContent-Disposition: form-data; name="notes"\r\n\r\nPatient: Maria Gonzalez, SSN 536-22-1845\r\n'),
      Buffer.from('--XyZ\r\nContent-Disposition: form-data; name="scan"; filename="card.png"\r\nContent-Type: image/png\r\n\r\n'),
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
      Buffer.from('\r\n--XyZ--\r\n'),
    ]);
    const r = scanText(body, { contentType: 'multipart/form-data; boundary=XyZ' });
    expect(r.format).toBe('multipart');
    expect(spans(body, r)).toEqual(expect.arrayContaining(['XGH48291033', 'Maria Gonzalez', '536-22-1845']));
    expect(r.unscannable).toBe('binary');
  });

  /** One file part named `filename`, holding `content` of `type`. */
  const upload = (filename: string, content: Buffer, type: string): Buffer =>
    Buffer.concat([Buffer.from(`--b1\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`), content, Buffer.from('\r\n--b1--\r\n')]);

  it.each([
    ['Garcia_Rosa_DOB_1947-02-11_labs.txt', 'text/plain', '1947-02-11'],
    ['patient_536-22-1845.txt', 'text/plain', '536-22-1845'],
    ['MRN_00482913_referral.pdf', 'application/pdf', '00482913'],
  ])('reads the file name of a part as text, underscores as spaces: %s', (filename, type, value) => {
    const body = upload(filename, type === 'application/pdf' ? Buffer.from('%PDF-1.7\n\u0000\u0001') : Buffer.from('hello'), type);
    const r = scanText(body, { contentType: 'multipart/form-data; boundary=b1' });
    expect(r.phi).toBe(true);
    // Offsets point into the input: the value as it stands in the file name.
    expect(spans(body, r)).toContain(value);
  });

  it.each([
    ['a JSON value', '{"file":"Garcia_Rosa_DOB_1947-02-11.pdf","size":48213}', '1947-02-11'],
    ['a storage path', '{"key":"uploads/patient_536-22-1845.txt"}', '536-22-1845'],
    ['a percent-encoded query', 'file=chart%2FMRN_00482913_referral.pdf', '00482913'],
  ])('a file name glued by underscores in %s: found, offsets into the input', (_name, input, value) => {
    const r = scanText(input, { contentType: input.startsWith('{') ? 'application/json' : 'application/x-www-form-urlencoded' });
    expect(spans(input, r)).toContain(value);
  });

  it('underscores that touch no three digits add no reading: version strings, snake_case keys', () => {
    const body = '{"ua":"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) x86_64","first_name_1":"x","IMG":"IMG_20261122_101500.jpg"}';
    expect(scanText(body, { contentType: 'application/json' }).findings).toEqual([]);
  });

  it.each(['IMG_20261122_101500.jpg', 'invoice_2026_11.pdf', 'Q3_report_final_v2.docx', 'scan0001.txt'])('a file name without PHI adds nothing: %s', (filename) => {
    const r = scanText(upload(filename, Buffer.from('hello'), 'text/plain'), { contentType: 'multipart/form-data; boundary=b1' });
    expect(r.findings).toEqual([]);
  });

  it('a multipart body that does not follow its boundary is unscannable', () => {
    const r = scanText('garbage without boundaries', { contentType: 'multipart/form-data; boundary=abc' });
    expect(r.unscannable).toBe('decode_error');
  });
});

describe('session replay: a page DOM serialized as JSON (rrweb)', () => {
  const text = (id: number, t: string) => ({ type: 3, textContent: t, id });
  const el = (id: number, tag: string, kids: object[]) => ({ type: 2, tagName: tag, attributes: { class: `c${id}` }, childNodes: kids, id });
  const json = (o: unknown) => ({ contentType: 'application/json', body: JSON.stringify(o) });
  const findings = ({ body, contentType }: { body: string; contentType: string }) => {
    const r = scanText(body, { contentType });
    // One value may be found by more than one detector: each value once.
    return [...new Set(r.findings.map((f) => `${f.identifier}:${body.slice(f.start, f.end)}`))];
  };

  it('reads text nodes as the page reads them: a label and its value, a greeting and a name, in nodes of their own', () => {
    // Before: only the phone number was found; the name, date of birth and MRN were a
    // hundred bytes of JSON from their labels, and the greeting a string of its own.
    const snapshot = json([{ type: 2, data: { node: { type: 0, id: 1, childNodes: [el(2, 'body', [
      el(3, 'h1', [text(4, 'Welcome back, ')]), el(5, 'span', [text(6, 'Rosa Garcia')]),
      el(7, 'dl', [el(8, 'dt', [text(9, 'Date of birth')]), el(10, 'dd', [text(11, '02/11/1947')]), el(12, 'dt', [text(13, 'Medical record number')]), el(14, 'dd', [text(15, '4837261')])]),
    ])] } }, timestamp: 1795000000100 }]);
    expect(findings(snapshot)).toEqual(['names:Rosa Garcia', 'dates:02/11/1947', 'mrn:4837261']);
    // Before: clean. A mutation adding the greeting, the name and the notice as three nodes.
    const adds = json([{ type: 3, data: { source: 0, texts: [], attributes: [], removes: [], adds: [
      { parentId: 21, nextId: null, node: text(30, 'Hi ') }, { parentId: 22, nextId: null, node: text(31, 'Naomie Wehner') }, { parentId: 23, nextId: null, node: text(32, ', your lab results are ready.') },
    ] }, timestamp: 1795000000200 }]);
    expect(findings(adds)).toEqual(['names:Naomie Wehner']);
    // A mutation changing the banner's texts.
    const texts = json([{ type: 3, data: { source: 0, texts: [{ id: 41, value: 'Patient' }, { id: 42, value: 'McDermott, Jerry' }, { id: 43, value: 'DOB' }, { id: 44, value: '09/30/1958' }], attributes: [], removes: [], adds: [] } }]);
    expect(findings(texts)).toEqual(['names:McDermott, Jerry', 'dates:09/30/1958']);
    // A node that is a label alone reads as "Label: value": a name no list knows, under "Patient".
    const banner = json([{ type: 3, data: { source: 0, texts: [{ id: 41, value: 'Patient' }, { id: 42, value: 'Weimann, Anjali' }, { id: 43, value: 'Room 4' }] } }]);
    expect(findings(banner)).toEqual(['names:Weimann, Anjali']);
  });

  it("maps spans back through the JSON escapes of the nodes' text", () => {
    const body = JSON.stringify([{ type: 3, data: { source: 0, adds: [{ parentId: 1, node: text(2, '\n  Welcome back,\n') }, { parentId: 1, node: text(3, '\n  Zoë "Zo" Okafor\t') }, { parentId: 1, node: text(4, 'Date of birth \u2014 \n09/30/1958') }] } }]);
    const r = scanText(body, { contentType: 'application/json' });
    expect(spans(body, r)).toEqual(['09/30/1958']);
    const unescaped = JSON.stringify([{ type: 3, data: { source: 0, adds: [{ parentId: 1, node: text(2, 'Welcome back,') }, { parentId: 1, node: text(3, 'Rosa\\nGarcia') }, { parentId: 1, node: text(4, 'Hi\nLinda Martinez') }] } }]);
    expect(spans(unescaped, scanText(unescaped, { contentType: 'application/json' }))).toEqual(['Linda Martinez']);
  });

  it('keeps quiet on the clinic’s public pages and a sign-in page', () => {
    const page = json([{ type: 2, data: { node: { type: 0, id: 1, childNodes: [el(2, 'body', [
      el(3, 'h1', [text(4, 'Welcome back! Sign in to your patient portal')]), el(5, 'label', [text(6, 'Date of birth')]), el(7, 'label', [text(8, 'Password')]),
      el(9, 'p', [text(10, 'Flu shots are available Monday through Friday.')]), el(11, 'p', [text(12, 'Dear Valued Patient, your lab results are available in the portal.')]),
    ])] } } }, { type: 3, data: { source: 0, texts: [{ id: 12, value: 'Hi Front Desk, your statement is ready' }], adds: [{ parentId: 9, nextId: null, node: text(40, 'Welcome Jessica Smith to our team') }], removes: [{ parentId: 9, id: 31 }] } }]);
    expect(findings(page)).toEqual([]);
  });
});

describe('names with diacritics, and Spanish labels', () => {
  it('reads José Muñoz, María Peña, GARCÍA, ROSA whole (the lists are matched without diacritics)', () => {
    // Before: "Patient: José Muñoz" and "Dear María Peña" were clean; "Rosa García" was found as "Rosa Garc".
    for (const [line, name] of [['Patient: José Muñoz, seen today', 'José Muñoz'], ['Dear María Peña, your lab results are ready', 'María Peña'], ['Patient: Rosa García', 'Rosa García'], ['PATIENT: GARCÍA, ROSA', 'GARCÍA, ROSA'], ['Mr. Nuñez called', 'Nuñez'], ['Referral: please see Zoë Ångström for cardiology', 'Zoë Ångström']] as const) {
      expect(spans(line, scanText(line)), line).toContain(name);
    }
  });
  it('reads Spanish intake labels and field names (paciente, fecha de nacimiento, teléfono)', () => {
    const line = 'Paciente: Rosa García, fecha de nacimiento 02/11/1947';
    expect(spans(line, scanText(line))).toEqual(expect.arrayContaining(['Rosa García', '02/11/1947']));
    const form = JSON.stringify({ nombre_del_paciente: 'Rosa García', fecha_de_nacimiento: '11/02/1947', teléfono: '312-555-0142', dirección: '1420 Maple Ave', apellidos: 'García Peña' });
    expect(spans(form, scanText(form, { contentType: 'application/json' }), 'json-phi-field')).toEqual(['Rosa García', '11/02/1947', '312-555-0142', '1420 Maple Ave', 'García Peña']);
    expect(scanText(JSON.stringify({ nombre: 'Producto A', precio: 12 }), { contentType: 'application/json' }).findings).toEqual([]);
  });
});

describe('surnames with a particle (de la Cruz, van Dijk, da Silva)', () => {
  it('are read whole by the name patterns', () => {
    // Before: "Patient: Maria de la Cruz", "Dear Maria de la Cruz" and "Pt. Robert J. van Dijk" were clean;
    // "Patient: Jacobo Campos de Kanea" was found as "Jacobo Campos".
    for (const [line, name] of [
      ['Patient: Maria de la Cruz', 'Maria de la Cruz'],
      ['Dear Maria de la Cruz, your lab results are ready', 'Maria de la Cruz'],
      ['Pt. Robert J. van Dijk reports pain', 'Robert J. van Dijk'],
      ['Referral: please see Ana da Silva for cardiology', 'Ana da Silva'],
      ['Welcome back, Juan del Rio', 'Juan del Rio'],
      ['Patient: Jacobo Campos de Kanea DOB: 05/08/1984', 'Jacobo Campos de Kanea'],
      ['Mrs. de la Cruz called about her refill', 'de la Cruz'],
    ] as const) {
      const r = scanText(line);
      expect(r.findings.filter((f) => f.identifier === 'names').map((f) => line.slice(f.start, f.end)), line).toContain(name);
    }
    for (const clean of ['Patient: Maria de', 'Grace del Mar resort opens in May', 'Hi Sam, the Port de la Paz file is attached']) expect(scanText(clean).phi, clean).toBe(false);
  });
});

describe('ages spelled out, and names beside telehealth words', () => {
  it('finds "a ninety-three-year-old" and "aged ninety-one" as it finds "a 93-year-old"', () => {
    // Before: clean — only ages in digits were read.
    for (const [line, age] of [['HPI: A ninety-three-year-old woman presents with chest pain.', 'ninety-three-year-old'], ['Lives alone, aged ninety-one.', 'ninety-one'], ['a one hundred and two year old man', 'one hundred and two year old']] as const) {
      expect(spans(line, scanText(line)), line).toContain(age);
    }
    for (const clean of ['a seventy-three-year-old woman', 'Refills are a ninety-day supply', 'our hundred-year-old building']) expect(scanText(clean).phi, clean).toBe(false);
  });
  it('takes a date after a visit or appointment label as a date of service', () => {
    // Before: "Visit: 11/20/2026" and "Encounter date 2026-11-20" were bare dates (weak).
    for (const [line, date] of [['PCP: Dr. Robert Chen  Visit: 11/20/2026', '11/20/2026'], ['Appt: 12/01/2026 9:00', '12/01/2026'], ['Encounter date 2026-11-20', '2026-11-20']] as const) {
      expect(spans(line, scanText(line)), line).toContain(date);
    }
    expect(scanText(JSON.stringify({ resourceType: 'ValueSet', name: 'VisitTypes', status: 'active', date: '2026-07-04' }), { contentType: 'application/fhir+json' }).phi).toBe(false);
  });
  it('takes a name beside telehealth and video-visit words', () => {
    // Before: clean — "telehealth" was no care word, so a meeting titled with the patient's name passed.
    const meeting = JSON.stringify({ topic: 'Telehealth - Rosa Garcia', type: 2, start_time: '2026-11-24T09:00:00Z', duration: 30 });
    expect(spans(meeting, scanText(meeting, { contentType: 'application/json' }))).toContain('Rosa Garcia');
    expect(scanText(JSON.stringify({ topic: 'Telehealth - staff training', type: 2 }), { contentType: 'application/json' }).phi).toBe(false);
    // A name of any origin in a video visit's title (person-name-visit); an event's title words are none.
    for (const [line, name] of [['Telehealth - Trycia Jacobi', 'Trycia Jacobi'], ['Telemedicine follow-up - Jamir Greenholt', 'Jamir Greenholt'], ['Virtual visit with Pietro Feil', 'Pietro Feil']] as const) {
      expect(spans(line, scanText(line)), line).toContain(name);
    }
    for (const clean of ['Telehealth - Staff Training', 'Telehealth: Getting Started', 'Video visit - Front Desk Huddle', 'Virtual visit with Dr. Patel']) expect(scanText(clean).phi, clean).toBe(false);
  });
});

describe('telephone numbers as messaging APIs take them', () => {
  it('finds a number with its country code and no plus (WhatsApp, Vonage)', () => {
    // Before: clean — only E.164 with a plus ("+13125550142") or a formatted number was read.
    const whatsapp = JSON.stringify({ messaging_product: 'whatsapp', to: '13125550142', type: 'template', template: { name: 'appt_reminder', language: { code: 'en_US' } } });
    expect(spans(whatsapp, scanText(whatsapp, { contentType: 'application/json' }))).toEqual(['13125550142']);
    const vonage = 'api_key=abc&api_secret=def&to=13125550142&from=Clinic&text=Your%20appointment%20is%20tomorrow';
    expect(spans(vonage, scanText(vonage, { contentType: 'application/x-www-form-urlencoded' }))).toEqual(['13125550142']);
    expect(scanText('order 13125550142 shipped').phi).toBe(false);
  });
});

describe('CSV files without their header row, and references to a patient in FHIR resources', () => {
  it('reads a header-less CSV file as the header-less JSON table is read', () => {
    // Before: clean — a first row naming no PHI column stopped the CSV reader.
    const list = 'Luna Kihn,1988-02-11,CHF\nTrycia Jacobi,1958-09-30,COPD\nWilber Schamberger,1947-02-11,HTN\n';
    expect(spans(list, scanText(list, { contentType: 'text/csv' }), 'csv-phi-column')).toEqual(['Luna Kihn', '1988-02-11', 'Trycia Jacobi', '1958-09-30', 'Wilber Schamberger', '1947-02-11']);
    const lastFirst = '"Kihn, Luna",1988-02-11\n"Jacobi, Trycia",1958-09-30\n';
    expect(spans(lastFirst, scanText(lastFirst, { contentType: 'text/csv' }), 'csv-phi-column')).toEqual(['Kihn, Luna', '1988-02-11', 'Jacobi, Trycia', '1958-09-30']);
    const apart = 'Luna;Kihn;02/11/1988\nTrycia;Jacobi;09/30/1958\n';
    expect(spans(apart, scanText(apart, { contentType: 'text/csv' }), 'csv-phi-column')).toEqual(['Luna', 'Kihn', '02/11/1988', 'Trycia', 'Jacobi', '09/30/1958']);
    for (const clean of ['Nitrile gloves,2026-11-21,12\nGauze pads,11/23/2026,3\n', 'SKU,Description,Unit Price,Updated\nKB-100,Keyboard,12.00,2026-11-22\nMS-200,Mouse,8.00,2026-11-22\n']) {
      expect(scanText(clean, { contentType: 'text/csv' }).phi, clean).toBe(false);
    }
  });
  it("takes a reference's display as the name of the patient it points to", () => {
    // Before: clean — only Patient, RelatedPerson and Person resources themselves were read.
    const encounter = JSON.stringify({ resourceType: 'Encounter', status: 'finished', subject: { reference: 'Patient/77', display: 'Trycia Jacobi' }, period: { start: '2026-11-20' } });
    expect(spans(encounter, scanText(encounter, { contentType: 'application/fhir+json' }), 'fhir-person-resource')).toEqual(['Trycia Jacobi']);
    const claim = JSON.stringify({ resourceType: 'Claim', patient: { display: 'Wilber Schamberger' }, total: { value: 120 } });
    expect(spans(claim, scanText(claim, { contentType: 'application/fhir+json' }), 'fhir-person-resource')).toEqual(['Wilber Schamberger']);
    const appointment = JSON.stringify({ resourceType: 'Appointment', participant: [{ actor: { reference: 'https://ehr.example/fhir/Patient/77', display: 'Trycia Jacobi' } }] });
    expect(spans(appointment, scanText(appointment, { contentType: 'application/fhir+json' }), 'fhir-person-resource')).toEqual(['Trycia Jacobi']);
    const observation = JSON.stringify({ resourceType: 'Observation', subject: { display: 'Rosa Garcia' }, valueQuantity: { value: 7.2 } });
    expect(spans(observation, scanText(observation, { contentType: 'application/fhir+json' }), 'fhir-person-resource')).toEqual(['Rosa Garcia']);
    expect(scanText(JSON.stringify({ resourceType: 'Observation', subject: { display: 'Diabetes Cohort' } }), { contentType: 'application/fhir+json' }).phi).toBe(false);
    const cohort = JSON.stringify({ resourceType: 'Observation', performer: [{ reference: 'Practitioner/9', display: 'Anil Patel' }], subject: { reference: 'Group/3', display: 'Diabetes Cohort' } });
    expect(scanText(cohort, { contentType: 'application/fhir+json' }).phi).toBe(false);
  });
});

describe('web forms with numbered questions (Jotform, Google Forms)', () => {
  it('reads Jotform fields without their question number, and dates asked in parts', () => {
    // Before: clean — "q3_name[first]" began with the question number, which no field name does.
    const jot = 'formID=2131&q3_name%5Bfirst%5D=Luna&q3_name%5Blast%5D=Kihn&q4_dob%5Bmonth%5D=02&q4_dob%5Bday%5D=11&q4_dob%5Byear%5D=1988&q5_reason=knee+pain';
    expect(spans(jot, scanText(jot, { contentType: 'application/x-www-form-urlencoded' }), 'form-phi-field')).toEqual(['Luna', 'Kihn', '02', '11', '1988']);
    const flat = 'formID=2131&q3_firstName=Luna&q3_lastName=Kihn&q6_email=luna.k%40mail.example';
    expect(spans(flat, scanText(flat, { contentType: 'application/x-www-form-urlencoded' }), 'form-phi-field')).toEqual(['Luna', 'Kihn', 'luna.k%40mail.example']);
    expect(scanText('formID=2131&q1_total=5&q2_address%5Bcountry%5D=US', { contentType: 'application/x-www-form-urlencoded' }).phi).toBe(false);
  });
  it('judges Google Forms answers by themselves: a name and a date in one submission', () => {
    // Before: clean — the questions are numbers (entry.1234567), so no field name said what an answer was.
    const parts = 'entry.1234567=Luna+Kihn&entry.7654321_year=1988&entry.7654321_month=2&entry.7654321_day=11&fvv=1&pageHistory=0';
    expect(spans(parts, scanText(parts, { contentType: 'application/x-www-form-urlencoded' }), 'form-phi-field')).toEqual(['Luna+Kihn', '1988', '2', '11']);
    const whole = 'entry.1=Luna&entry.2=Kihn&entry.3=02%2F11%2F1988&fvv=1';
    expect(spans(whole, scanText(whole, { contentType: 'application/x-www-form-urlencoded' }), 'form-phi-field')).toEqual(['Luna', 'Kihn', '02%2F11%2F1988']);
    // Beside a date of birth, a name of any origin (Trycia: no known given name); beside a recent date, not.
    const birth = 'entry.1=Trycia+Jacobi&entry.2_year=1958&entry.2_month=9&entry.2_day=30&fvv=1';
    expect(spans(birth, scanText(birth, { contentType: 'application/x-www-form-urlencoded' }), 'form-phi-field')).toEqual(['Trycia+Jacobi', '1958', '9', '30']);
    for (const clean of ['entry.1234567=Staff+meeting&entry.7654321=2026-11-24&fvv=1', 'entry.1234567=Luna+Kihn&entry.2=Knee+pain&fvv=1', 'entry.1=Great+Service&entry.2_year=2026&entry.2_month=11&entry.2_day=20', 'entry.1=Trycia+Jacobi&entry.2=2026-11-20']) {
      expect(scanText(clean, { contentType: 'application/x-www-form-urlencoded' }).phi, clean).toBe(false);
    }
  });
});

describe('providers are no patients', () => {
  it('a name after a provider title or before a credential is no finding; a patient beside them still is', () => {
    // Before: PHI — a newsletter naming its doctor beside care words read as a patient's name.
    for (const clean of [
      "I'll follow up with Jennifer Walsh about the schedule",
      'Jennifer Walsh from Springfield Urgent Care called about the invoice',
      'Meet Dr. Jennifer Walsh, now offering colonoscopy screenings at our Main Street office.',
      'Jennifer Walsh, MD, joins our team and will see patients for follow-up care.',
      'Our nurse practitioner Jennifer Walsh runs the prenatal class on Tuesdays.',
      'Linda Martinez, FNP-C, sees patients for check-ups on Mondays.',
    ]) expect(scanText(clean).phi, clean).toBe(false);
    const note = 'Seen by Dr. Robert Chen today for follow-up; patient Linda Martinez doing well.';
    expect(new Set(spans(note, scanText(note)))).toEqual(new Set(['Linda Martinez']));
    expect(spans('Linda Martinez, do you have your appointment card?', scanText('Linda Martinez, do you have your appointment card?'))).toContain('Linda Martinez');
  });

  it('a place named after a person is no patient beside care words (Jackson Heights, Wesley Chapel, Lincoln Center)', () => {
    // Before: PHI — a known given name and a capitalized word beside "patient" read as a name.
    for (const clean of ['Jackson Heights - new patient special', 'Wesley Chapel - new patient forms', 'Lincoln Center patient parking is on Level 2']) expect(scanText(clean).phi, clean).toBe(false);
    expect(spans('Patient: Rosa Chapel', scanText('Patient: Rosa Chapel'))).toEqual(['Rosa Chapel']);
  });

  it('a name the same payload titles as a provider is a provider where it stands untitled too', () => {
    // Before: PHI — the second, untitled mention beside "patients" read as a patient's name.
    for (const clean of [
      "Dr. Ben Aufderhar's patients can now book online. Ben Aufderhar's new book on nutrition is in the lobby.",
      'Ben Aufderhar, MD, joins us in January. Ben Aufderhar sees patients on Mondays.',
      'Welcome Dr. Megan Dickinson! Patients of Megan Dickinson can book a visit online.',
    ]) expect(scanText(clean).phi, clean).toBe(false);
    // Another person beside a titled provider is still a patient.
    const note = "Dr. Ben Aufderhar saw Linda Martinez today. Linda Martinez's A1c was 8.2.";
    expect(new Set(spans(note, scanText(note)))).toEqual(new Set(['Linda Martinez']));
  });
});

describe('names with a second capital (McDermott, O’Brien, VonRueden)', () => {
  it('are read whole by the name patterns', () => {
    // Before: "Referral: please see Jerry McDermott" was clean, "Patient: Jerry McDermott" found as "Jerry Mc".
    for (const [line, name] of [['Referral: please see Jerry McDermott for cardiology', 'Jerry McDermott'], ['Patient: Mary MacArthur, seen today', 'Mary MacArthur'], ['Dr. Patel saw Mr. Sean O\'Brien today', "Sean O'Brien"], ['Voicemail from Ebony VonRueden asking to reschedule', 'Ebony VonRueden']] as const) {
      const r = scanText(line);
      expect(spans(line, r), line).toContain(name);
      expect(spans(line, r).every((s) => name.includes(s)), line).toBe(true);
    }
    expect(scanText('Build it with JavaScript and PowerPoint').phi).toBe(false);
  });
});

describe('DICOM JSON (DICOMweb)', () => {
  // A QIDO-RS answer: one study, the patient's attributes by tag (PS3.18 F.2).
  const STUDY = JSON.stringify([
    {
      '00080020': { vr: 'DA', Value: ['20261120'] },
      '00080050': { vr: 'SH', Value: ['ACC-778812'] },
      '00080060': { vr: 'CS', Value: ['MR'] },
      '00081030': { vr: 'LO', Value: ['MRI KNEE W/O CONTRAST'] },
      '00100010': { vr: 'PN', Value: [{ Alphabetic: 'GARCIA^ROSA^M', Ideographic: 'ガルシア^ロサ' }] },
      '00100020': { vr: 'LO', Value: ['RB-0012345'] },
      '00100030': { vr: 'DA', Value: ['19470211'] },
      '00101002': { vr: 'SQ', Value: [{ '00100020': { vr: 'LO', Value: ['4471920'] } }] },
      '0020000D': { vr: 'UI', Value: ['1.2.840.113619.2.55.3.604688119.969.1268071029.320'] },
      '00201208': { vr: 'IS', Value: [24] },
    },
  ]);

  it("finds the patient's attributes by tag, in sequences too, with their identifiers and exact offsets", () => {
    // Before: clean — no member name says "name" or "birth date".
    const r = scanText(STUDY, { contentType: 'application/dicom+json' });
    expect(r.phi).toBe(true);
    // Byte offsets: the Ideographic name is UTF-8, so the spans are bytes, not characters.
    const buf = Buffer.from(STUDY);
    const found = r.findings.filter((f) => f.detector === 'dicom-phi-attribute').map((f) => [buf.toString('utf8', f.start, f.end), f.identifier]);
    expect(found).toEqual([
      ['20261120', 'dates'],
      ['ACC-778812', 'account'],
      ['GARCIA^ROSA^M', 'names'],
      ['ガルシア^ロサ', 'names'],
      ['RB-0012345', 'mrn'],
      ['19470211', 'dates'],
      ['4471920', 'mrn'],
    ]);
  });

  it('a de-identified data set (UIDs, modality, description, empty or caret-only names) is clean', () => {
    const clean = JSON.stringify([
      {
        '00080060': { vr: 'CS', Value: ['CT'] },
        '00081030': { vr: 'LO', Value: ['CT CHEST'] },
        '00100010': { vr: 'PN', Value: [{ Alphabetic: '^' }] },
        '00100020': { vr: 'LO' },
        '00100030': { vr: 'DA', Value: [''] },
        '0020000D': { vr: 'UI', Value: ['2.25.3316498718281245023671093247'] },
      },
    ]);
    expect(scanText(clean, { contentType: 'application/dicom+json' }).phi).toBe(false);
    // Tags as keys of anything else are no DICOM attributes: a value must sit in their Value array.
    expect(scanText(JSON.stringify({ '00100010': { count: 3, label: 'Rosa' } })).phi).toBe(false);
  });
});

describe('a name owning a health matter', () => {
  it("reads \"Rosa Garcia's A1c\" as a patient's name; a provider's, a company's, a hospital's or a book's as none", () => {
    // Before: clean — a known full name beside a lab value, a scan or a condition, without care words.
    for (const [text, name] of [
      ["Rosa Garcia's A1c was 8.2 on 11/20/2026. Please call her.", 'Rosa Garcia'],
      ["Summarize Rosa Garcia's chart for the referral.", 'Rosa Garcia'],
      ['Rosa Garcia’s latest MRI shows a tear.', 'Rosa Garcia'],
      ["Maria de la Cruz's blood pressure was 150/90", 'Maria de la Cruz'],
      ["Is Sean O'Brien's insulin refilled?", "Sean O'Brien"],
      ["Rosa Garcia's diabetes is worse; her oncologist called.", 'Rosa Garcia'],
    ] as const) {
      const r = scanText(text);
      expect(spans(text, r), text).toContain(name);
    }
    const graph = JSON.stringify({ message: { subject: 'Lab results', body: { contentType: 'HTML', content: "<p>Rosa Garcia's A1c was 8.2 on 11/20/2026.</p>" } } });
    expect(spans(graph, scanText(graph))).toContain('Rosa Garcia');
    for (const clean of ["Dr. Rosa Garcia's patients love her.", "Rosa Garcia's new book is out.", "Grant Thornton's medical clients", "Springfield Urgent Care's blood drive is on Monday.", "We referred her to Johns Hopkins' cancer center.", "Dana Farber's cancer institute opens a clinic", "Lance Armstrong's cancer foundation"]) expect(scanText(clean).phi, clean).toBe(false);
  });
});

describe("calendars, task boards and alerts", () => {
  it('an event or a task titled with a patient and the kind of visit', () => {
    // Before: clean — the titles have no label, and the names are of any origin.
    for (const [title, name] of [
      ['New patient - Mraz, Aracely', 'Mraz, Aracely'],
      ['Mraz, Aracely - Annual physical', 'Mraz, Aracely'],
      ['Flu shot - MacGyver-Kihn, Alan', 'MacGyver-Kihn, Alan'],
      ['Imelda Cremin - Sick visit', 'Imelda Cremin'],
      ['Annual physical - Imelda Cremin', 'Imelda Cremin'],
      ['Imelda Cremin (new patient)', 'Imelda Cremin'],
      ['Amely Hessel - prior auth', 'Amely Hessel'],
    ] as const) {
      const event = JSON.stringify({ summary: title, start: { dateTime: '2026-12-01T15:00:00-06:00' } });
      expect(spans(event, scanText(event)), title).toContain(name);
    }
    // A place is titled the same way: not a patient. (A known given name and surname beside
    // "visit" are still read by person-name-list, as before: "Lincoln Park - sick visit".)
    for (const clean of ['Main Street - flu shot clinic', 'Flu shot: Oak Park', 'Flu shot: Lincoln Park', 'Lincoln Park - sick visit', 'Maple Grove - New patient', 'New patient - Welcome Packet', 'Town Hall: telehealth']) {
      const event = JSON.stringify({ summary: clean, description: 'Walk-ins welcome.' });
      expect(scanText(event).findings.filter((f) => f.detector === 'person-name-appointment' || f.detector === 'person-name-visit'), clean).toEqual([]);
    }
  });

  it("an alert naming the patient by chart number", () => {
    // Before: clean — no MRN label, only the word patient.
    const alert = JSON.stringify({ channel: '#clinic-alerts', text: 'New lab result for patient 4482913: A1c 8.2' });
    expect(spans(alert, scanText(alert))).toEqual(['4482913']);
    expect(spans('Pt #4482913 called back', scanText('Pt #4482913 called back'))).toEqual(['4482913']);
    for (const clean of ['We have served 12000 patients since 1990', 'patient 1 of 3', '{"name":"1*IL*1*PTV313090311"}']) expect(scanText(clean).findings.filter((f) => f.detector === 'patient-number'), clean).toEqual([]);
  });
});

describe('dates as exports write them, and telephone numbers abroad', () => {
  it('12-Apr-1961, 12-APR-61 and 04.12.1961 are dates of birth beside their label; a release date or a version is no date of birth', () => {
    // Before: clean — only slashes, ISO dates and month names with spaces were read.
    for (const [text, value] of [['date of birth 12-Apr-1961', '12-Apr-1961'], ['PATIENT DOB: 12-APR-61', '12-APR-61'], ['D.O.B. 04.12.1961', '04.12.1961'], ['Fecha de nacimiento: 24.12.1961', '24.12.1961']] as const) {
      expect(spans(text, scanText(text)), text).toEqual([value]);
    }
    for (const clean of ['released 14-Mar-2024, version 4.12.2024', 'DOB: 31-Apr-1961']) expect(scanText(clean).phi, clean).toBe(false);
  });

  it('a number with a country code other than +1: alone when written as E.164, in groups beside a telephone word', () => {
    // Before: clean — only North American numbers were read.
    const sms = JSON.stringify({ To: '+525512345678', From: '+13125550100', Body: 'Su cita es mañana a las 10' });
    expect(spans(sms, scanText(sms, { contentType: 'application/json' }))).toEqual(expect.arrayContaining(['+525512345678']));
    expect(spans('Tel. celular: +52 55 1234 5678', scanText('Tel. celular: +52 55 1234 5678'))).toEqual(['+52 55 1234 5678']);
    for (const clean of ['totals +5 10 15 20 25', 'timezone +0530', 'build v2.3.4+20261122']) expect(scanText(clean).phi, clean).toBe(false);
  });
});

describe('someone naming themselves in a message', () => {
  it('a name of any origin after "my name is", or after "this is" and "I\'m" beside their care; a business naming itself is none', () => {
    // Before: clean — neither part of the name is on the shipped lists.
    for (const text of ['hi, my name is Aracely Mraz, can someone call me back', 'Hi, this is Aracely Mraz, I need to reschedule my appointment', "I'm Aracely Mraz and I need a refill of my metformin", 'Hola, me llamo Aracely Mraz y necesito una cita']) {
      expect(spans(text, scanText(text)), text).toEqual(['Aracely Mraz']);
    }
    for (const clean of ['This is Springfield Urgent Care calling about your appointment', 'Hi, this is Medline Industries calling about the supply order', 'This is Grace Community Clinic, how can we help?', 'Hi, this is Main Street calling about the refill']) {
      expect(scanText(clean).phi, clean).toBe(false);
    }
  });
});

describe('a table split in two members (pandas orient="split", a query API)', () => {
  it('reads the rows under the column names before them', () => {
    // Before: clean — the rows' first row is data of unknown names, and the names are in another member.
    const split = JSON.stringify({ columns: ['patient', 'dob', 'dx'], index: [0, 1], data: [['Aracely Mraz', '1961-04-12', 'E11.9'], ['Imelda Cremin', '1958-09-30', 'I10']] });
    const found = scanText(split, { contentType: 'application/json' }).findings.filter((f) => f.detector === 'json-phi-field').map((f) => [split.slice(f.start, f.end), f.identifier]);
    expect(found).toEqual([['Aracely Mraz', 'names'], ['1961-04-12', 'dates'], ['Imelda Cremin', 'names'], ['1958-09-30', 'dates']]);
    const rows = JSON.stringify({ headers: ['name', 'birth_date'], rows: [['Aracely Mraz', '1961-04-12']] });
    expect(spans(rows, scanText(rows, { contentType: 'application/json' }))).toContain('1961-04-12');
    for (const clean of [{ headers: ['sku', 'qty'], rows: [['A12', '3']] }, { columns: ['Name', 'Visits'], data: [['Flu shots', '12'], ['Physicals', '8']] }]) {
      expect(scanText(JSON.stringify(clean), { contentType: 'application/json' }).phi).toBe(false);
    }
  });
});

describe('FHIR QuestionnaireResponse', () => {
  it("each answer is a finding of its question's field, by linkId or by the question's text", () => {
    // Before: the name passed (its field named by linkId, or by the text beside a numbered linkId).
    const response = JSON.stringify({
      resourceType: 'QuestionnaireResponse',
      status: 'completed',
      item: [
        { linkId: 'patient-name', text: 'Your name', answer: [{ valueString: 'Aracely Mraz' }] },
        { linkId: '1.2', text: 'Date of birth', answer: [{ valueDate: '1961-04-12' }] },
        { linkId: '1.4', text: 'Pain (0-10)', answer: [{ valueInteger: 7 }] },
      ],
    });
    const found = scanText(response, { contentType: 'application/fhir+json' }).findings.filter((f) => f.detector === 'json-phi-field').map((f) => [response.slice(f.start, f.end), f.identifier]);
    expect(found).toEqual([['Aracely Mraz', 'names'], ['1961-04-12', 'dates']]);
    // The questionnaire itself (questions without answers) is clean.
    const questionnaire = JSON.stringify({ resourceType: 'Questionnaire', item: [{ linkId: '1.1', text: 'Full name', type: 'string' }, { linkId: '1.2', text: 'Date of birth', type: 'date' }] });
    expect(scanText(questionnaire, { contentType: 'application/fhir+json' }).phi).toBe(false);
  });
});

describe('a name right before a date of birth, without a label', () => {
  it('counts when both parts of the name are known and the year is before 2010', () => {
    // Before: the name was clean and the date a weak bare date ("John Carter 04/12/1961 HTN").
    for (const [text, name] of [['John Carter 04/12/1961 HTN, DM2', 'John Carter'], ['Carter, John - 1961-04-12', 'Carter, John'], ['f/u list: Linda Martinez 3/14/1958', 'Linda Martinez']] as const) {
      expect(spans(text, scanText(text)), text).toContain(name);
    }
    for (const clean of ['Invoice from Grant Thornton 04/12/2026', 'Main Street 04/12/1961', 'Release 2.4 shipped 04/12/2026']) expect(scanText(clean).phi, clean).toBe(false);
  });
});

describe("a form's free text, its spaces written as +", () => {
  it('is read as the vendor reads it; its pairs, a plus typed before a number and its base64 values as sent', () => {
    // Before: clean — "Hi+this+is+Rosa+Garcia" has no spaces for the name patterns to read.
    const form = (body: string) => scanText(body, { contentType: 'application/x-www-form-urlencoded' });
    const contact = 'name=&message=Hi+this+is+Rosa+Garcia%2C+I+need+to+reschedule+my+appointment&submit=Send';
    expect(spans(contact, form(contact))).toContain('Rosa+Garcia');
    const ticket = 'subject=Question&body=Aracely+Mraz%27s+A1c+was+8.2';
    expect(spans(ticket, form(ticket))).toContain('Aracely+Mraz');
    // A pair's value runs to the next &, + and all; a "+1..." value is a telephone number.
    expect(spans('phone=(911)+578-8988', form('phone=(911)+578-8988'))).toEqual(['(911)+578-8988']);
    expect(spans('To=+13125550142&Body=hello', form('To=+13125550142&Body=hello'))).toEqual(['+13125550142']);
    for (const clean of ['q=flu+shots+near+me&page=2', 'utm_source=news&utm_campaign=Fall+Newsletter+2026', 'message=Please+send+the+supply+order+by+Friday']) expect(form(clean).phi, clean).toBe(false);
  });
});

describe('free text', () => {
  it('finds identifiers in a clinical note', () => {
    const note =
      'Patient: Rosa Garcia (DOB 02/11/1947), MRN: 00482913. 79F seen for follow-up of type 2 diabetes. ' +
      'Lives at 1420 Maple Avenue, Springfield, IL 62704. Call back at (217) 555-0188 or rosa.g@homemail.example. ' +
      "Medicare MBI 1EG4-TE5-MK73. Husband, a 93-year-old, drives; VIN 1HGCM82633A004352.";
    const r = scanText(note);
    const ids = new Set(r.findings.map((f) => f.identifier));
    for (const id of ['names', 'dates', 'mrn', 'geographic', 'phone', 'email', 'health-plan', 'vehicle']) expect(ids).toContain(id);
    expect(spans(note, r)).toEqual(expect.arrayContaining(['Rosa Garcia', '02/11/1947', '00482913', '1420 Maple Avenue', '62704', '(217) 555-0188', 'rosa.g@homemail.example', '1EG4-TE5-MK73', '93-year-old', '1HGCM82633A004352']));
  });
});

describe('PHI-free traffic', () => {
  it.each([
    ['an analytics event', JSON.stringify({ event: 'page_view', page: '/services/flu-shots', session: 'c1a9f0e2', ts: '2026-11-22T10:00:00Z', screen: { w: 1280, h: 720 }, ua: 'Mozilla/5.0' })],
    ['an API response', JSON.stringify({ id: 48213, status: 'ok', items: [{ sku: 'GLV-100', qty: 3 }], next: 'https://api.vendor.example/v1/items?page=2' })],
    ['software telemetry', 'version=4.2.1&build=20261101&os=windows&arch=x64&crash=0'],
    ['prose', 'Our clinic will be closed on Thanksgiving. Flu shots are available Monday through Friday, 9 to 5.'],
    ['a log line', '2026-11-22T10:00:00.123Z INFO worker-3 processed 128 jobs in 2.4s (queue depth 0)'],
    // Before: PHI (an e-mail address): the DSN's key sits where a URL's user name goes.
    // Before: PHI twice — a group mailbox, and an e-mail address under "address" taken for a street address.
    ['a calendar event with a group mailbox (Microsoft Graph)', JSON.stringify({ subject: 'Staff meeting', location: { displayName: 'Conference Room B' }, attendees: [{ emailAddress: { address: 'team@clinic.example', name: 'Clinic Team' }, type: 'required' }] })],
    ['an error tracker envelope (its DSN has a key, not a mailbox)', '{"event_id":"9ec79c33ec9942ab8353589fcb2e04dc","dsn":"https://e12d836b15bb49d7bbf99e64295d995b@o4504.ingest.sentry.io/42"}\n{"type":"session"}\n{"sid":"abc","status":"ok","errors":0}\n'],
  ])('%s', (_name, payload) => {
    const r = scanText(payload);
    expect(r.findings).toEqual([]);
    expect(r.phi).toBe(false);
  });
});

describe("a field's own label is no data", () => {
  it.each([
    ['a translation file', '{"firstName":"First name","lastName":"Last name","dateOfBirth":"Date of birth"}', 'application/json'],
    ['a form definition whose labels say they are required', '{"your_name":"Your name (required)","patient_name":"Patient name:"}', 'application/json'],
    ['a placeholder asking for the value', '{"dob":"Enter your date of birth","first_name":"Please enter the first name"}', 'application/json'],
    ['a form posted with its labels as values', 'your-name=Your+name&first_name=First+Name', 'application/x-www-form-urlencoded'],
    ['template variables where the values will go', '{"firstName":"{{first_name}}","lastName":"${lastName}","fname":"*|FNAME|*","dob":"%DOB%","phone":"{patient.phone}","ssn":"[[ssn]]","email":"{{{email}}}","last":"{!Contact.LastName}"}', 'application/json'],
    ['merge tags in a form', 'FNAME=*%7CFNAME%7C*&dob=%7B%7Bdob%7D%7D', 'application/x-www-form-urlencoded'],
    ['a form definition whose person object holds its labels', '{"patient":{"first":"First name","last":"Last name:"},"name":{"first":"{{first_name}}"}}', 'application/json'],
    ['a form builder\'s field whose value is its label', '{"name":"first_name","value":"Your first name"}', 'application/json'],
  ])('%s', (_name, text, contentType) => {
    expect(scanText(text, { contentType }).findings).toEqual([]);
  });

  it('a value that only looks like a label is still data: a one-word name, another field kind, a person of two names', () => {
    const text = '{"first_name":"Nok","last_name":"Street","middle_name":"Rosa Maria"}';
    expect(spans(text, scanText(text, { contentType: 'application/json' }), 'json-phi-field')).toEqual(['Nok', 'Street', 'Rosa Maria']);
  });

  it('a name in braces is a value, not a variable', () => {
    const text = '{"first_name":"{{Rosa}}","last_name":"{Garcia}"}';
    expect(spans(text, scanText(text, { contentType: 'application/json' }), 'json-phi-field')).toEqual(['{{Rosa}}', '{Garcia}']);
  });
});
