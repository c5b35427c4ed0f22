/**
 * A labelled corpus, generated deterministically from a seed: realistic payloads that carry
 * PHI (FHIR, HL7 v2, X12, CSV, forms, clinical notes, encoded variants of them, SMS reminders,
 * messages wrapped in JSON, web intake forms, ad platforms' hashed customer matching, FHIR XML,
 * C-CDA and vCards, session replays of a patient portal, an application's traced requests and
 * log lines, clinical notes with Spanish names), each
 * with the byte spans of every identifier it contains, and PHI-free payloads of the kinds a
 * clinic sends to vendors without a BAA (analytics events, API calls, FHIR terminology,
 * telemetry, logs, prose). Used by `npm run eval`, the scan benchmark and a test.
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { Faker, base, en, es_MX } from '@faker-js/faker';
import { DocBuilder, type Span } from './locate.js';

export interface LabelledDoc {
  readonly id: string;
  /** The generator that made it, e.g. "fhir-patient" or "clean-analytics". */
  readonly kind: string;
  readonly contentType?: string;
  readonly contentEncoding?: string;
  readonly body: Buffer;
  /** Ground truth; empty for PHI-free documents and for encoded ones (judged per document). */
  readonly spans: readonly Span[];
  readonly phi: boolean;
  /** True when spans sit in structured fields (FHIR, HL7, X12, CSV, forms). */
  readonly structured: boolean;
}

type Gen = (f: Faker, n: number) => LabelledDoc;

const pad = (n: number, w: number): string => String(n).padStart(w, '0');

/** No patient's number is toll-free (800, 833, ... 888: a business's line, which the scanner does not count): the same draw, moved to the 700s. */
const notTollFree = (area: number): number => ([800, 833, 844, 855, 866, 877, 888].includes(area) ? area - 100 : area);

function person(f: Faker) {
  const sex = f.helpers.arrayElement(['female', 'male'] as const);
  const birth = f.date.birthdate({ min: 1930, max: 2020, mode: 'year' });
  const iso = birth.toISOString().slice(0, 10);
  return {
    first: f.person.firstName(sex),
    last: f.person.lastName(),
    middle: f.string.alpha({ length: 1, casing: 'upper' }),
    sex,
    iso,
    us: `${pad(birth.getUTCMonth() + 1, 2)}/${pad(birth.getUTCDate(), 2)}/${birth.getUTCFullYear()}`,
    hl7: iso.replace(/-/g, ''),
    street: `${f.number.int({ min: 1, max: 9999 })} ${f.location.street()} ${f.helpers.arrayElement(['Street', 'Avenue', 'Road', 'Lane', 'Drive', 'Court', 'Way', 'Boulevard', 'Place', 'Terrace'])}`,
    city: f.location.city(),
    state: f.location.state({ abbreviated: true }),
    zip: f.location.zipCode('#####'),
    phone: `(${notTollFree(f.number.int({ min: 201, max: 989 }))}) ${f.number.int({ min: 201, max: 989 })}-${pad(f.number.int({ min: 0, max: 9999 }), 4)}`,
    email: f.internet.email().toLowerCase(),
    mrn: `${f.helpers.arrayElement(['', 'RB-', 'MR', 'E'])}${f.string.numeric(f.number.int({ min: 6, max: 9 }))}`,
    ssn: `${f.number.int({ min: 100, max: 665 })}-${pad(f.number.int({ min: 1, max: 99 }), 2)}-${pad(f.number.int({ min: 1, max: 9999 }), 4)}`,
    member: `${f.string.alpha({ length: 3, casing: 'upper' })}${f.string.numeric(9)}`,
    account: f.string.numeric(f.number.int({ min: 7, max: 10 })),
  };
}

const fhirPatient: Gen = (f, n) => {
  const p = person(f);
  const d = new DocBuilder();
  const bundle = f.datatype.boolean();
  if (bundle) d.text('{"resourceType":"Bundle","type":"transaction","entry":[{"fullUrl":"urn:uuid:').text(f.string.uuid()).text('","resource":');
  d.text('{"resourceType":"Patient","id":"').text(f.string.alphanumeric(12)).text('","meta":{"lastUpdated":"2026-11-20T10:11:12Z"},');
  d.text('"identifier":[{"system":"urn:oid:2.16.840.1.113883.3.4471","value":"').phi(p.mrn, 'mrn').text('"}],');
  d.text('"active":true,"name":[{"use":"official","family":"').phi(p.last, 'names').text('","given":["').phi(p.first, 'names').text('","').phi(p.middle + '.', 'names').text('"]}],');
  d.text('"telecom":[{"system":"phone","value":"').phi(p.phone, 'phone').text('","use":"home"},{"system":"email","value":"').phi(p.email, 'email').text('"}],');
  d.text('"gender":"').text(p.sex).text('","birthDate":"').phi(p.iso, 'dates').text('",');
  d.text('"address":[{"use":"home","line":["').phi(p.street, 'geographic').text('"],"city":"').phi(p.city, 'geographic').text('","state":"').text(p.state).text('","postalCode":"').phi(p.zip, 'geographic').text('"}]}');
  if (bundle) d.text('},{"resource":{"resourceType":"Observation","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"4548-4","display":"Hemoglobin A1c"}]},"valueQuantity":{"value":').text(String(f.number.float({ min: 4, max: 12, fractionDigits: 1 }))).text(',"unit":"%"}}}]}');
  return { id: `fhir-${n}`, kind: 'fhir-patient', contentType: 'application/fhir+json', body: d.build(), spans: d.spans, phi: true, structured: true };
};

const hl7Adt: Gen = (f, n) => {
  const p = person(f);
  const k = person(f);
  const d = new DocBuilder();
  const ts = `2026${pad(f.number.int({ min: 1, max: 12 }), 2)}${pad(f.number.int({ min: 1, max: 28 }), 2)}0830`;
  d.text(`MSH|^~\\&|CEDAR|RIVERBEND|LAB|LAKESIDE|${ts}||ADT^A0${f.number.int({ min: 1, max: 8 })}|MSG${f.string.numeric(6)}|P|2.5.1\r`);
  d.text(`EVN|A01|${ts}\r`);
  d.text('PID|1||').phi(`${p.mrn}^^^RB^MR`, 'mrn').text('||').phi(`${p.last.toUpperCase()}^${p.first.toUpperCase()}^${p.middle}`, 'names').text('||').phi(p.hl7, 'dates');
  d.text(`|${p.sex === 'female' ? 'F' : 'M'}|||`).phi(`${p.street}^^${p.city}^${p.state}^${p.zip}`, 'geographic').text('||').phi(p.phone, 'phone').text('|||||').phi(p.account, 'account').text('|').phi(p.ssn, 'ssn').text('\r');
  d.text('NK1|1|').phi(`${k.last.toUpperCase()}^${k.first.toUpperCase()}`, 'names').text('|SPO||').phi(k.phone, 'phone').text('\r');
  d.text(`PV1|1|O|CLINIC^${f.number.int({ min: 1, max: 40 })}||||1234567893^NGUYEN^TAM\r`);
  d.text('IN1|1|BCBS01|60054|BLUE CROSS IL||||||||||||').phi(`${p.last.toUpperCase()}^${p.first.toUpperCase()}`, 'names').text('|SEL|').phi(p.hl7, 'dates');
  d.text('|'.repeat(18)).phi(p.member, 'health-plan').text('\r');
  return { id: `hl7-${n}`, kind: 'hl7-adt', contentType: 'text/plain', body: d.build(), spans: d.spans, phi: true, structured: true };
};

const x12Claim: Gen = (f, n) => {
  const p = person(f);
  const d = new DocBuilder();
  const [el, seg] = f.helpers.arrayElement([['*', '~'], ['|', '\n'], ['^', '~']] as const);
  const s = (...parts: string[]) => parts.join(el);
  d.text(s('ISA', '00', '          ', '00', '          ', 'ZZ', 'RIVERBEND      ', 'ZZ', 'ACMEBILLING    ', '261122', '0830', 'U', '00501', `00000${f.string.numeric(4)}`, '0', 'P', ':') + seg);
  d.text(s('GS', 'HC', 'RIVERBEND', 'ACMEBILLING', '20261122', '0830', '1', 'X', '005010X222A1') + seg + s('ST', '837', '0001') + seg);
  d.text(s('NM1', '85', '2', 'RIVERBEND FAMILY MEDICINE', '', '', '', '', 'XX', '1234567893') + seg + s('N3', '100 CLINIC WAY') + seg);
  d.text(s('NM1', 'IL', '1', '')).phi(p.last.toUpperCase(), 'names').text(el).phi(p.first.toUpperCase(), 'names').text(el + el + el + el + 'MI' + el).phi(p.member, 'health-plan').text(seg);
  d.text('N3' + el).phi(p.street.toUpperCase(), 'geographic').text(seg);
  d.text('N4' + el).phi(p.city.toUpperCase(), 'geographic').text(el + p.state + el).phi(p.zip, 'geographic').text(seg);
  d.text('DMG' + el + 'D8' + el).phi(p.hl7, 'dates').text(el + (p.sex === 'female' ? 'F' : 'M') + seg);
  d.text('REF' + el + 'SY' + el).phi(p.ssn.replace(/-/g, ''), 'ssn').text(seg);
  d.text('CLM' + el).phi(`PCN${f.string.numeric(8)}`, 'account').text(el + f.number.int({ min: 50, max: 900 }) + el + el + el + '11:B:1' + el + 'Y' + seg);
  d.text('DTP' + el + '472' + el + 'D8' + el).phi(`2026${pad(f.number.int({ min: 1, max: 11 }), 2)}${pad(f.number.int({ min: 10, max: 28 }), 2)}`, 'dates').text(seg);
  d.text(s('SE', '12', '0001') + seg);
  return { id: `x12-${n}`, kind: 'x12-837', contentType: 'application/edi-x12', body: d.build(), spans: d.spans, phi: true, structured: true };
};

const csvExport: Gen = (f, n) => {
  const d = new DocBuilder();
  const tab = f.datatype.boolean({ probability: 0.3 });
  const sep = tab ? '\t' : ',';
  d.text(['patient_id', 'first_name', 'last_name', 'dob', 'phone', 'visit_type', 'copay'].join(sep) + '\n');
  for (let i = 0; i < f.number.int({ min: 1, max: 12 }); i++) {
    const p = person(f);
    d.phi(p.mrn, 'mrn').text(sep).phi(p.first, 'names').text(sep).phi(p.last, 'names').text(sep).phi(p.iso, 'dates').text(sep).phi(p.phone, 'phone');
    d.text(sep + f.helpers.arrayElement(['new', 'follow-up', 'annual']) + sep + f.number.int({ min: 0, max: 60 }) + '\n');
  }
  return { id: `csv-${n}`, kind: 'csv-export', contentType: tab ? 'text/tab-separated-values' : 'text/csv', body: d.build(), spans: d.spans, phi: true, structured: true };
};

const intakeForm: Gen = (f, n) => {
  const p = person(f);
  const d = new DocBuilder();
  const enc = (s: string) => encodeURIComponent(s).replace(/%20/g, '+');
  d.text('first_name=').phi(enc(p.first), 'names').text('&last_name=').phi(enc(p.last), 'names').text('&dob=').phi(enc(p.us), 'dates');
  d.text('&phone=').phi(enc(p.phone), 'phone').text('&email=').phi(enc(p.email), 'email').text('&reason=').text(enc(f.helpers.arrayElement(['new patient', 'refill', 'billing question'])));
  return { id: `form-${n}`, kind: 'intake-form', contentType: 'application/x-www-form-urlencoded', body: d.build(), spans: d.spans, phi: true, structured: true };
};

const NOTE_TEMPLATES: ((d: DocBuilder, p: ReturnType<typeof person>, f: Faker) => void)[] = [
  (d, p) => d.text('Patient: ').phi(`${p.first} ${p.last}`, 'names').text(' DOB: ').phi(p.us, 'dates').text(' MRN: ').phi(p.mrn, 'mrn').text('\nSubjective: follow-up for hypertension, reports good adherence. BP 132/84.\nPlan: continue lisinopril 10 mg daily, recheck in 3 months.'),
  (d, p) => d.text('Dear Mr. ').phi(p.last, 'names').text(',\nYour lab results from your visit are ready. Please call us at ').phi(p.phone, 'phone').text(' to review them.\nRiverbend Family Medicine'),
  (d, p) => d.text('Pt ').phi(`${p.first} ${p.last}`, 'names').text(', born ').phi(p.iso, 'dates').text(', lives at ').phi(p.street, 'geographic').text(', ').text(p.city).text(', ').text(p.state).text(' ').phi(p.zip, 'geographic').text('. SSN ').phi(p.ssn, 'ssn').text(' on file for billing.'),
  (d, p) => d.text('Referral: please see ').phi(`${p.first} ${p.last}`, 'names').text(' (member ID ').phi(p.member, 'health-plan').text(') for cardiology consult. Contact: ').phi(p.email, 'email').text('.'),
  (d, p, f) => d.text('Admitted on ').phi(f.helpers.arrayElement(['March 3, 2026', 'Apr 14, 2026', '06/02/2026', '2026-07-19']), 'dates').text(' with chest pain. Patient name: ').phi(`${p.first} ${p.last}`, 'names').text('. Account #: ').phi(p.account, 'account').text('.'),
  (d, p) => d.text('Voicemail from ').phi(`${p.first} ${p.last}`, 'names').text(' asking to reschedule; callback ').phi(p.phone, 'phone').text(', DOB ').phi(p.us, 'dates').text('.'),
];

const clinicalNote: Gen = (f, n) => {
  const p = person(f);
  const d = new DocBuilder();
  f.helpers.arrayElement(NOTE_TEMPLATES)(d, p, f);
  return { id: `note-${n}`, kind: 'clinical-note', contentType: 'text/plain', body: d.build(), spans: d.spans, phi: true, structured: false };
};

/** PHI hidden by transport encodings: judged per document. */
const encodedNote: Gen = (f, n) => {
  const note = clinicalNote(f, n);
  const variant = n % 4;
  if (variant === 0) return { ...note, id: `gzip-${n}`, kind: 'encoded-gzip', contentEncoding: 'gzip', body: gzipSync(note.body), spans: [] };
  if (variant === 1) {
    const escaped = JSON.stringify({ note: note.body.toString() }).replace(/[0-9]/g, (c) => `\\u00${c.charCodeAt(0).toString(16)}`);
    return { ...note, id: `jsonesc-${n}`, kind: 'encoded-json-escapes', contentType: 'application/json', body: Buffer.from(escaped), spans: [] };
  }
  if (variant === 2) {
    const b64 = note.body.toString('base64');
    return { ...note, id: `b64-${n}`, kind: 'encoded-base64', contentType: 'application/json', body: Buffer.from(JSON.stringify({ type: 'note', data: b64 })), spans: [] };
  }
  return { ...note, id: `pct-${n}`, kind: 'encoded-query', contentType: 'application/x-www-form-urlencoded', body: Buffer.from(`msg=${encodeURIComponent(note.body.toString())}&src=portal`), spans: [] };
};

/**
 * Appointment reminders as messaging APIs take them: the patient's number in E.164, in a
 * form (Twilio-style) or JSON body. The sender is a messaging-service id, not a number.
 */
const reminder: Gen = (f, n) => {
  const p = person(f);
  const d = new DocBuilder();
  // person() may draw an N11 area code or exchange (211, 911), which no real number has.
  const real = (three: string): string => three.replace(/^(\d)11$/, '$121');
  const digits = p.phone.replace(/\D/g, '');
  const e164 = `+1${real(digits.slice(0, 3))}${real(digits.slice(3, 6))}${digits.slice(6)}`;
  const when = `${f.helpers.arrayElement(['Mon', 'Tue', 'Wed', 'Thu', 'Fri'])} at ${f.number.int({ min: 8, max: 16 })}:${f.helpers.arrayElement(['00', '15', '30', '45'])}`;
  const text = `Riverbend Family Medicine: reminder of your appointment ${when}. Reply C to confirm or call the office to reschedule.`;
  const service = `MG${f.string.hexadecimal({ length: 32, casing: 'lower', prefix: '' })}`;
  if (n % 2 === 0) {
    d.text('To=').phi(encodeURIComponent(e164), 'phone').text(`&MessagingServiceSid=${service}&Body=`).text(encodeURIComponent(text).replace(/%20/g, '+'));
    return { id: `sms-form-${n}`, kind: 'sms-reminder', contentType: 'application/x-www-form-urlencoded', body: d.build(), spans: d.spans, phi: true, structured: false };
  }
  d.text('{"to":"').phi(e164, 'phone').text(`","messaging_service_id":"${service}","text":${JSON.stringify(text)}}`);
  return { id: `sms-json-${n}`, kind: 'sms-reminder', contentType: 'application/json', body: d.build(), spans: d.spans, phi: true, structured: false };
};

/**
 * A message inside a string: an X12 claim in a clearinghouse API's JSON body, or an HL7 v2
 * message in an integration engine's JSON log line (judged per document).
 */
const wrappedMessage: Gen = (f, n) => {
  if (n % 2 === 0) {
    const claim = x12Claim(f, n);
    const body = JSON.stringify({ x12: claim.body.toString(), mode: 'production', submitter: 'RIVERBEND' });
    return { ...claim, id: `wrapped-x12-${n}`, kind: 'wrapped-message', contentType: 'application/json', body: Buffer.from(body), spans: [], structured: false };
  }
  const adt = hl7Adt(f, n);
  const line = JSON.stringify({ time: '2026-11-22T08:30:00Z', level: 'info', msg: 'inbound message', channel: 'ADT', payload: adt.body.toString() });
  return { ...adt, id: `wrapped-hl7-${n}`, kind: 'wrapped-message', contentType: 'application/x-ndjson', body: Buffer.from(line + '\n'), spans: [], structured: false };
};

/**
 * A web intake or contact form as form builders, CRMs and web frameworks send it: field names
 * written as values (HubSpot-style name/value), a person object (`"patient": {"last": ...}`),
 * nested form names (`patient[last_name]=`), and a survey answer whose field is named one
 * level down (Typeform-style). Names and a reason only: no dates or numbers to find by pattern.
 */
const webIntake: Gen = (f, n) => {
  const p = person(f);
  const d = new DocBuilder();
  const reason = f.helpers.arrayElement(['knee pain', 'new patient visit', 'medication refill', 'billing question']);
  switch (n % 4) {
    case 0:
      d.text('{"fields":[{"objectTypeId":"0-1","name":"firstname","value":"').phi(p.first, 'names').text('"},{"objectTypeId":"0-1","name":"lastname","value":"').phi(p.last, 'names');
      d.text(`"},{"objectTypeId":"0-1","name":"reason_for_visit","value":"${reason}"}],"context":{"pageUri":"https://clinic.example/contact","pageName":"Contact us"}}`);
      return { id: `intake-hubspot-${n}`, kind: 'web-intake', contentType: 'application/json', body: d.build(), spans: d.spans, phi: true, structured: true };
    case 1:
      d.text('{"appointment":{"type":"new","reason":"').text(reason).text('"},"patient":{"first":"').phi(p.first, 'names').text('","last":"').phi(p.last, 'names').text('"}}');
      return { id: `intake-nested-${n}`, kind: 'web-intake', contentType: 'application/json', body: d.build(), spans: d.spans, phi: true, structured: true };
    case 2: {
      const enc = (v: string) => encodeURIComponent(v).replace(/%20/g, '+');
      d.text('utf8=%E2%9C%93&patient[first_name]=').phi(enc(p.first), 'names').text('&patient[last_name]=').phi(enc(p.last), 'names').text(`&visit[reason]=${enc(reason)}&commit=Send`);
      return { id: `intake-rails-${n}`, kind: 'web-intake', contentType: 'application/x-www-form-urlencoded', body: d.build(), spans: d.spans, phi: true, structured: true };
    }
    default:
      d.text('{"event_type":"form_response","form_response":{"answers":[{"type":"text","text":"').phi(`${p.first} ${p.last}`, 'names').text('","field":{"id":"x1","type":"short_text","ref":"full_name"}},');
      d.text(`{"type":"text","text":"${reason}","field":{"id":"x2","type":"long_text","ref":"reason"}}]}}`);
      return { id: `intake-survey-${n}`, kind: 'web-intake', contentType: 'application/json', body: d.build(), spans: d.spans, phi: true, structured: true };
  }
};

// ---- PHI-free traffic ----------------------------------------------------------------

const clean = (kind: string, contentType: string, body: string, n: number): LabelledDoc => ({
  id: `${kind}-${n}`, kind, contentType, body: Buffer.from(body), spans: [], phi: false, structured: false,
});

const analyticsEvent: Gen = (f, n) =>
  clean('clean-analytics', 'application/json', JSON.stringify({
    event: f.helpers.arrayElement(['page_view', 'click', 'scroll', 'form_start']),
    page: f.helpers.arrayElement(['/', '/services', '/services/flu-shots', '/about/team', '/locations', '/careers', '/billing/faq']),
    referrer: f.helpers.arrayElement(['', 'https://search.example/', 'https://social.example/post/' + f.string.numeric(8)]),
    session_id: f.string.alphanumeric(20),
    client_ts: f.date.recent().toISOString(),
    screen: { w: f.helpers.arrayElement([1280, 1366, 1920, 390]), h: f.helpers.arrayElement([720, 768, 1080, 844]) },
    lang: 'en-US',
    ua: f.internet.userAgent(),
    v: `${f.number.int(5)}.${f.number.int(20)}.${f.number.int(99)}`,
  }), n);

const apiCall: Gen = (f, n) =>
  clean('clean-api', 'application/json', JSON.stringify({
    id: f.number.int({ min: 1000, max: 9_999_999 }),
    object: 'order',
    created: f.date.recent().toISOString(),
    status: f.helpers.arrayElement(['pending', 'shipped', 'delivered']),
    items: Array.from({ length: f.number.int({ min: 1, max: 5 }) }, () => ({ sku: `${f.string.alpha({ length: 3, casing: 'upper' })}-${f.string.numeric(4)}`, description: f.commerce.productName(), qty: f.number.int({ min: 1, max: 20 }), unit_price: f.commerce.price() })),
    warehouse: f.helpers.arrayElement(['CHI-2', 'DAL-1', 'ATL-4']),
    links: { self: `https://api.supplies.example/v2/orders/${f.string.numeric(7)}` },
  }), n);

const terminology: Gen = (f, n) =>
  clean('clean-fhir-terminology', 'application/fhir+json', JSON.stringify({
    resourceType: f.helpers.arrayElement(['ValueSet', 'CodeSystem', 'ConceptMap']),
    id: f.string.alphanumeric(10).toLowerCase(),
    url: `http://terminology.example/fhir/ValueSet/${f.string.alpha(8)}`,
    version: `${f.number.int(9)}.${f.number.int(9)}.0`,
    name: f.helpers.arrayElement(['DiabetesConditions', 'ImmunizationCodes', 'LabPanels', 'VisitTypes']),
    status: 'active',
    date: f.date.past().toISOString().slice(0, 10),
    publisher: f.company.name(),
    compose: { include: [{ system: 'http://snomed.info/sct', concept: Array.from({ length: f.number.int({ min: 1, max: 6 }) }, () => ({ code: f.string.numeric(8), display: f.helpers.arrayElement(['Diabetes mellitus type 2', 'Essential hypertension', 'Asthma', 'Influenza vaccination', 'Hemoglobin A1c measurement']) })) }] },
  }), n);

const telemetry: Gen = (f, n) =>
  clean('clean-telemetry', 'application/x-www-form-urlencoded',
    `app=scribe-desktop&version=${f.system.semver()}&build=${f.string.numeric(8)}&os=${f.helpers.arrayElement(['windows', 'macos'])}&arch=x64&uptime_s=${f.number.int(99999)}&crashes=${f.number.int(3)}&locale=en-US`, n);

const logLine: Gen = (f, n) =>
  clean('clean-log', 'text/plain', Array.from({ length: f.number.int({ min: 1, max: 8 }) }, () =>
    `${f.date.recent().toISOString()} ${f.helpers.arrayElement(['INFO', 'WARN', 'DEBUG'])} ${f.hacker.noun()}-${f.number.int(9)} ${f.hacker.verb()} ${f.number.int(500)} ${f.hacker.noun()}s in ${f.number.float({ max: 9, fractionDigits: 2 })}s (host ${f.internet.domainWord()}-${f.number.int(20)}, req ${f.string.uuid()})`).join('\n'), n);

const prose: Gen = (f, n) =>
  clean('clean-prose', 'text/plain', [
    f.company.catchPhrase() + '.',
    'Our clinic offers ' + f.helpers.arrayElement(['flu shots', 'sports physicals', 'telehealth visits', 'lab draws']) + ' ' + f.helpers.arrayElement(['Monday through Friday', 'on weekends', 'every day']) + '.',
    f.lorem.paragraph(),
    'Parking is available at the ' + f.helpers.arrayElement(['north', 'south']) + ' entrance; the pharmacy closes at ' + f.number.int({ min: 5, max: 9 }) + ' pm.',
  ].join(' '), n);

const inventoryCsv: Gen = (f, n) =>
  clean('clean-csv', 'text/csv', 'sku,description,qty,unit_price,updated\n' + Array.from({ length: f.number.int({ min: 2, max: 15 }) }, () =>
    `${f.string.alpha({ length: 3, casing: 'upper' })}-${f.string.numeric(4)},"${f.commerce.productName()}",${f.number.int(500)},${f.commerce.price()},${f.date.recent().toISOString().slice(0, 10)}`).join('\n') + '\n', n);

const hl7Ack: Gen = (f, n) =>
  clean('clean-hl7-ack', 'text/plain', `MSH|^~\\&|LAB|LAKESIDE|CEDAR|RIVERBEND|2026112208${f.string.numeric(4)}||ACK^A01|ACK${f.string.numeric(6)}|P|2.5.1\rMSA|AA|MSG${f.string.numeric(6)}\r`, n);

export const PHI_GENERATORS: Record<string, Gen> = { fhirPatient, hl7Adt, x12Claim, csvExport, intakeForm, clinicalNote, encodedNote };
export const CLEAN_GENERATORS: Record<string, Gen> = { analyticsEvent, apiCall, terminology, telemetry, logLine, prose, inventoryCsv, hl7Ack };

/**
 * Kinds added after the corpus was first recorded: generated after all the others, so that
 * every earlier kind keeps its documents for a seed (benchmark corpora stay comparable).
 */
/**
 * An ad platform's customer matching from a patient portal page: Meta Pixel advanced matching
 * (`ud[em]=` in the pixel's query) or its Conversions API (`"user_data": {"em": [...]}`), with
 * the patient's e-mail address and phone number hashed (SHA-256), as the platforms require.
 */
const pixelMatching: Gen = (f, n) => {
  const p = person(f);
  const d = new DocBuilder();
  const hash = (v: string) => createHash('sha256').update(v.trim().toLowerCase()).digest('hex');
  const phone = `1${p.phone.replace(/\D/g, '')}`;
  const page = f.helpers.arrayElement(['book-appointment', 'bill-pay', 'patient-portal/messages', 'find-a-doctor']);
  if (n % 2 === 0) {
    d.text(`id=${f.string.numeric(15)}&ev=PageView&dl=https%3A%2F%2Fportal.clinic.example%2F${encodeURIComponent(page)}&rl=&if=false&ts=${1763800000000 + n}`);
    d.text('&ud[em]=').phi(hash(p.email), 'email').text('&ud[ph]=').phi(hash(phone), 'phone').text('&v=2.9.176&r=stable');
    return { id: `pixel-${n}`, kind: 'pixel-matching', contentType: 'application/x-www-form-urlencoded', body: d.build(), spans: d.spans, phi: true, structured: true };
  }
  d.text(`{"data":[{"event_name":"Schedule","event_time":${1763800000 + n},"action_source":"website","event_source_url":"https://portal.clinic.example/${page}","user_data":{"em":["`);
  d.phi(hash(p.email), 'email').text('"],"ph":["').phi(hash(phone), 'phone').text(`"],"fbp":"fb.1.1763800000.${f.string.numeric(9)}"}}]}`);
  return { id: `capi-${n}`, kind: 'pixel-matching', contentType: 'application/json', body: d.build(), spans: d.spans, phi: true, structured: true };
};

/**
 * Clinical XML and contact cards: a FHIR Patient in XML, a C-CDA document's recordTarget, a
 * vCard (a patient list exported to a CRM). Names and identifiers only, so the structure must
 * be read: no dates or formatted numbers for the patterns.
 */
const documentsAndCards: Gen = (f, n) => {
  const p = person(f);
  const d = new DocBuilder();
  switch (n % 3) {
    case 0:
      d.text(`<Patient xmlns="http://hl7.org/fhir"><id value="${f.string.alphanumeric(8).toLowerCase()}"/><identifier><system value="urn:oid:2.16.840.1.113883.19.5"/><value value="`).phi(p.mrn, 'mrn');
      d.text('"/></identifier><name><family value="').phi(p.last, 'names').text('"/><given value="').phi(p.first, 'names').text('"/></name><gender value="').text(p.sex).text('"/></Patient>');
      return { id: `fhir-xml-${n}`, kind: 'xml-and-vcard', contentType: 'application/fhir+xml', body: d.build(), spans: d.spans, phi: true, structured: true };
    case 1:
      d.text('<ClinicalDocument xmlns="urn:hl7-org:v3"><recordTarget><patientRole><id extension="').phi(p.mrn, 'mrn').text('" root="2.16.840.1.113883.19.5"/><patient><name><given>');
      d.phi(p.first, 'names').text('</given><family>').phi(p.last, 'names').text('</family></name></patient></patientRole></recordTarget><title>Continuity of Care Document</title></ClinicalDocument>');
      return { id: `ccda-${n}`, kind: 'xml-and-vcard', contentType: 'application/xml', body: d.build(), spans: d.spans, phi: true, structured: true };
    default:
      d.text('BEGIN:VCARD\r\nVERSION:4.0\r\nN:').phi(`${p.last};${p.first};;;`, 'names').text('\r\nFN:').phi(`${p.first} ${p.last}`, 'names').text('\r\nCATEGORIES:patients\r\nEND:VCARD\r\n');
      return { id: `vcard-${n}`, kind: 'xml-and-vcard', contentType: 'text/vcard', body: d.build(), spans: d.spans, phi: true, structured: true };
  }
};

/** PHI-free counterparts: FHIR XML terminology, a CDA header with only its author, the clinic's own contact card. */
const cleanDocuments: Gen = (f, n) => {
  const bodies: [string, string][] = [
    ['application/fhir+xml', `<ValueSet xmlns="http://hl7.org/fhir"><name value="${f.helpers.arrayElement(['VisitTypes', 'LabPanels'])}"/><status value="active"/><compose><include><system value="http://snomed.info/sct"/></include></compose></ValueSet>`],
    ['application/xml', `<ClinicalDocument xmlns="urn:hl7-org:v3"><title>Care plan template ${f.string.numeric(3)}</title><author><assignedAuthor><assignedPerson><name><given>Tam</given><family>Nguyen</family></name></assignedPerson></assignedAuthor></author></ClinicalDocument>`],
    ['text/vcard', `BEGIN:VCARD\r\nVERSION:4.0\r\nORG:Riverbend Family Medicine\r\nURL:https://clinic.example\r\nNOTE:Front desk ${f.string.numeric(2)}\r\nEND:VCARD\r\n`],
  ];
  const [contentType, body] = bodies[n % bodies.length]!;
  return clean('clean-xml-and-vcard', contentType, body, n);
};

/** PHI-free forms in the same shapes as webIntake: a newsletter signup, a product tree, a shop order, a survey answer, a form's definition. */
const cleanForms: Gen = (f, n) => {
  const product = f.helpers.arrayElement(['Knee brace', 'Wrist splint', 'Blood pressure cuff', 'Pulse oximeter']);
  const sku = `${f.string.alpha({ length: 2, casing: 'upper' })}-${f.string.numeric(3)}`;
  const bodies: [string, string][] = [
    ['application/json', JSON.stringify({ fields: [{ objectTypeId: '0-2', name: 'company', value: f.company.name() }, { objectTypeId: '0-2', name: 'interest', value: f.helpers.arrayElement(['webinars', 'pricing', 'newsletter']) }], context: { pageUri: 'https://clinic.example/newsletter' } })],
    ['application/json', JSON.stringify({ category: { name: product, id: f.number.int({ min: 1, max: 999 }), parent: { name: 'Orthopedics', id: 12 } }, member: { name: 'Supplies team', role: 'buyer' } })],
    ['application/x-www-form-urlencoded', `product[name]=${encodeURIComponent(product).replace(/%20/g, '+')}&product[sku]=${sku}&order[qty]=${f.number.int({ min: 1, max: 9 })}&commit=Order`],
    ['application/json', JSON.stringify({ event_type: 'form_response', form_response: { answers: [{ type: 'choice', choice: { label: f.helpers.arrayElement(['Very satisfied', 'Satisfied', 'Neutral']) }, field: { ref: 'satisfaction' } }] } })],
    ['application/json', JSON.stringify({ form: 'intake-v3', fields: [{ name: 'date_of_birth', label: 'Date of birth', type: 'date', value: '', required: true }, { name: 'last_name', label: 'Last name', type: 'text', value: null }] })],
  ];
  const [contentType, body] = bodies[n % bodies.length]!;
  return clean('clean-forms', contentType, body, n);
};

/**
 * A session-replay script on a patient portal page (rrweb's events, as PostHog and Sentry send
 * them): the page's text nodes, each a JSON string of its own, between the markup's JSON. A full
 * snapshot of the visit summary (greeting, date of birth, MRN), a mutation adding a greeting and
 * a result notice, or a mutation updating the banner's texts. The patient's values never sit
 * beside their labels in the bytes.
 */
const sessionReplay: Gen = (f, n) => {
  const p = person(f);
  const d = new DocBuilder();
  const t = (id: number, text: string) => `{"type":3,"textContent":${JSON.stringify(text)},"id":${id}}`;
  const el = (id: number, tag: string, cls: string) => `{"type":2,"tagName":"${tag}","attributes":{"class":"${cls}"},"childNodes":[`;
  const ts = 1795000000000 + n * 1000;
  const mrn = f.string.numeric(f.number.int({ min: 7, max: 9 }));
  switch (n % 3) {
    case 0:
      d.text(`[{"type":4,"data":{"href":"https://portal.clinic.example/visits/${f.string.numeric(6)}","width":1280,"height":720},"timestamp":${ts}},`);
      d.text(`{"type":2,"data":{"node":{"type":0,"childNodes":[${el(2, 'body', 'portal')}${el(3, 'h1', 'greeting')}${t(4, 'Welcome back, ')}]},${el(5, 'span', 'user-name')}{"type":3,"textContent":"`);
      d.phi(`${p.first} ${p.last}`, 'names').text(`","id":6}]},${el(7, 'dl', 'demographics')}${el(8, 'dt', 'label')}${t(9, 'Date of birth')}]},${el(10, 'dd', 'value')}{"type":3,"textContent":"`);
      d.phi(p.us, 'dates').text(`","id":11}]},${el(12, 'dt', 'label')}${t(13, 'Medical record number')}]},${el(14, 'dd', 'value')}{"type":3,"textContent":"`);
      d.phi(mrn, 'mrn').text(`","id":15}]}]}]}],"id":1},"initialOffset":{"left":0,"top":0}},"timestamp":${ts + 40}}]`);
      break;
    case 1:
      d.text(`[{"type":3,"data":{"source":0,"texts":[],"attributes":[],"removes":[],"adds":[{"parentId":${20 + (n % 7)},"nextId":null,"node":${t(30, 'Hi ')}},{"parentId":${21 + (n % 7)},"nextId":null,"node":{"type":3,"textContent":"`);
      d.phi(`${p.first} ${p.last}`, 'names').text(`","id":31}},{"parentId":${22 + (n % 7)},"nextId":null,"node":${t(32, ', your lab results from your last visit are ready.')}}]},"timestamp":${ts}}]`);
      break;
    default:
      d.text(`[{"type":3,"data":{"source":0,"texts":[{"id":41,"value":"Patient"},{"id":42,"value":"`).phi(`${p.last}, ${p.first}`, 'names');
      d.text(`"},{"id":43,"value":"DOB"},{"id":44,"value":"`).phi(p.us, 'dates').text(`"}],"attributes":[],"removes":[],"adds":[]},"timestamp":${ts}}]`);
  }
  return { id: `replay-${n}`, kind: 'session-replay', contentType: 'application/json', body: d.build(), spans: d.spans, phi: true, structured: false };
};

/**
 * PHI-free counterparts: session replays of the clinic's public site and of a portal's sign-in
 * page (services, hours, a greeting without a name, a shop), snapshots and mutations with the
 * same parent and text-node structure.
 */
const cleanSessionReplay: Gen = (f, n) => {
  const t = (id: number, text: string) => `{"type":3,"textContent":${JSON.stringify(text)},"id":${id}}`;
  const ts = 1795000000000 + n * 1000;
  const texts = [
    f.helpers.arrayElement(['Welcome to Riverbend Family Medicine', 'Welcome back! Sign in to your patient portal', 'Welcome, new patients']),
    f.helpers.arrayElement(['Flu shots', 'Sports physicals', 'Telehealth visits', 'Lab draws']) + ' are available ' + f.helpers.arrayElement(['Monday through Friday', 'on weekends', 'every day']) + '.',
    f.company.catchPhrase() + '.',
    'Parking is available at the ' + f.helpers.arrayElement(['north', 'south']) + ' entrance; the pharmacy closes at ' + f.number.int({ min: 5, max: 9 }) + ' pm.',
    f.helpers.arrayElement(['Date of birth', 'Username', 'Password', 'Forgot your password?']),
    `${f.commerce.productName()} – $${f.commerce.price()}`,
  ];
  if (n % 2 === 0) {
    const nodes = texts.map((x, i) => `{"type":2,"tagName":"p","attributes":{"class":"c${i}"},"childNodes":[${t(10 + 2 * i, x)}],"id":${9 + 2 * i}}`).join(',');
    return clean('clean-session-replay', 'application/json', `[{"type":4,"data":{"href":"https://clinic.example/${f.helpers.arrayElement(['', 'services', 'portal/sign-in', 'shop'])}","width":1280,"height":720},"timestamp":${ts}},{"type":2,"data":{"node":{"type":0,"childNodes":[{"type":2,"tagName":"body","attributes":{},"childNodes":[${nodes}],"id":2}],"id":1}},"timestamp":${ts + 40}}]`, n);
  }
  const adds = texts.map((x, i) => `{"parentId":${20 + i},"nextId":null,"node":${t(40 + i, x)}}`).join(',');
  return clean('clean-session-replay', 'application/json', `[{"type":3,"data":{"source":0,"texts":[{"id":12,"value":${JSON.stringify(texts[1])}}],"attributes":[],"removes":[{"parentId":9,"id":31}],"adds":[${adds}]},"timestamp":${ts}}]`, n);
};

/**
 * What an APM or log vendor receives from a clinic's own web application: a traced request
 * whose URL carries a patient search in its query string, or a logfmt line (`level=info
 * msg=... first_name=...`) with PHI-named pairs.
 */
const appTelemetry: Gen = (f, n) => {
  const p = person(f);
  const d = new DocBuilder();
  if (n % 2 === 0) {
    d.text(`{"trace_id":"${f.string.hexadecimal({ length: 32, casing: 'lower', prefix: '' })}","name":"GET /api/patients","http":{"method":"GET","url":"https://ehr.clinic.example/api/patients?last_name=`);
    d.phi(p.last.replace(/ /g, '+'), 'names').text('&first_name=').phi(p.first.replace(/ /g, '+'), 'names').text(`&limit=20","status_code":200},"duration_ms":${f.number.int({ min: 3, max: 900 })}}`);
    return { id: `apm-${n}`, kind: 'app-telemetry', contentType: 'application/json', body: d.build(), spans: d.spans, phi: true, structured: true };
  }
  d.text(`ts=2026-11-22T10:${pad(n % 60, 2)}:00Z level=info msg="patient checked in" first_name=`).phi(p.first.replace(/ /g, '_'), 'names');
  d.text(' member_id=').phi(p.member, 'health-plan').text(` room=${f.number.int({ min: 1, max: 12 })} duration_ms=${f.number.int(900)}\n`);
  return { id: `logfmt-${n}`, kind: 'app-telemetry', contentType: 'text/plain', body: d.build(), spans: d.spans, phi: true, structured: true };
};

/** PHI-free counterparts: traced requests with ordinary query strings, logfmt lines of a server (network addresses, ids, durations). */
const cleanAppTelemetry: Gen = (f, n) => {
  if (n % 2 === 0) {
    return clean('clean-app-telemetry', 'application/json', JSON.stringify({ trace_id: f.string.hexadecimal({ length: 32, casing: 'lower', prefix: '' }), name: 'GET /api/services', http: { method: 'GET', url: `https://clinic.example/api/services?page=${f.number.int(9)}&sort=${f.helpers.arrayElement(['asc', 'desc'])}&q=${f.helpers.arrayElement(['flu+shots', 'physicals', 'lab+hours'])}`, status_code: 200 }, duration_ms: f.number.int({ min: 3, max: 900 }) }), n);
  }
  return clean('clean-app-telemetry', 'text/plain', `ts=2026-11-22T10:${pad(n % 60, 2)}:00Z level=${f.helpers.arrayElement(['info', 'warn', 'debug'])} msg="request served" address=0.0.0.0:${f.number.int({ min: 3000, max: 9000 })} upstream_address=10.0.${f.number.int(255)}.${f.number.int(255)}:5432 user_id=${f.number.int(999)} request_id=${f.string.uuid()} duration_ms=${f.number.int(900)}\n`, n);
};

/** Names as a Mexican-American patient population has them (diacritics, two surnames now and then), seeded from the corpus's own generator. */
const spanishNames = new Faker({ locale: [es_MX, base] });

/** The clinical notes' templates with names from es_MX: José Hernández, María Muñoz Peña. */
const notesSpanishNames: Gen = (f, n) => {
  spanishNames.seed(f.number.int({ min: 1, max: 2 ** 31 - 1 }));
  const last = spanishNames.datatype.boolean(0.3) ? `${spanishNames.person.lastName()} ${spanishNames.person.lastName()}` : spanishNames.person.lastName();
  const p = { ...person(f), first: spanishNames.person.firstName(), last };
  const d = new DocBuilder();
  f.helpers.arrayElement(NOTE_TEMPLATES)(d, p, f);
  return { id: `note-es-${n}`, kind: 'notes-spanish-names', contentType: 'text/plain', body: d.build(), spans: d.spans, phi: true, structured: false };
};

/** PHI-free counterparts: a clinic's announcements in Spanish, with its place and street names. */
const cleanSpanishProse: Gen = (f, n) =>
  clean('clean-prose-es', 'text/plain', [
    f.helpers.arrayElement(['La clínica estará cerrada el Día de Acción de Gracias.', 'Nuestra Clínica Familiar Riverbend abre de lunes a viernes.', 'Bienvenidos a la Clínica San José.']),
    'Ofrecemos ' + f.helpers.arrayElement(['vacunas contra la influenza', 'exámenes físicos deportivos', 'consultas por video', 'análisis de laboratorio']) + ' ' + f.helpers.arrayElement(['de lunes a viernes', 'los sábados', 'todos los días']) + ', de 9 a 5.',
    'El estacionamiento está en la entrada ' + f.helpers.arrayElement(['norte', 'sur']) + ' de la Avenida ' + f.helpers.arrayElement(['Juárez', 'Hidalgo', 'Morelos']) + '; la farmacia cierra a las ' + f.number.int({ min: 5, max: 9 }) + ' p. m.',
    f.helpers.arrayElement(['Llámenos para más información.', 'Traiga su tarjeta del seguro y una identificación.', 'Se habla español e inglés.']),
  ].join(' '), n);

/**
 * What a clinic's scripts and staff send to vendors that sign no BAA: rows appended to a
 * spreadsheet (the header is already in the sheet, so the request carries rows alone), a
 * WhatsApp reminder (the number with its country code and no plus, the name a template
 * parameter), a video-visit meeting titled with the patient's name, and a dictated note with
 * a surname particle and an age spelled out.
 */
const vendorApis: Gen = (f, n) => {
  const p = person(f);
  const d = new DocBuilder();
  switch (n % 4) {
    case 0: {
      // Three rows, one layout: "First Last" in one cell, or first and last in two.
      const together = n % 8 === 0;
      d.text('{"range":"Patients!A2","majorDimension":"ROWS","values":[');
      [p, person(f), person(f)].forEach((q, i) => {
        d.text(i === 0 ? '["' : ',["');
        if (together) d.phi(`${q.first} ${q.last}`, 'names');
        else d.phi(q.first, 'names').text('","').phi(q.last, 'names');
        d.text('","').phi(together ? q.iso : q.us, 'dates').text(`","${f.helpers.arrayElement(['Type 2 diabetes', 'CHF', 'COPD', 'Hypertension', 'follow-up'])}"]`);
      });
      d.text(']}');
      return { id: `sheet-append-${n}`, kind: 'vendor-apis', contentType: 'application/json', body: d.build(), spans: d.spans, phi: true, structured: true };
    }
    case 1: {
      const digits = p.phone.replace(/\D/g, '').replace(/^(\d)11/, '$121').replace(/^(\d{3})(\d)11/, '$1$221');
      d.text('{"messaging_product":"whatsapp","to":"').phi(`1${digits}`, 'phone').text('","type":"template","template":{"name":"appointment_reminder","language":{"code":"en_US"},"components":[{"type":"body","parameters":[{"type":"text","text":"');
      d.text(p.first).text(`"},{"type":"text","text":"${f.helpers.arrayElement(['Mon', 'Tue', 'Wed', 'Thu', 'Fri'])} ${f.number.int({ min: 8, max: 16 })}:00"}]}]}}`);
      return { id: `whatsapp-${n}`, kind: 'vendor-apis', contentType: 'application/json', body: d.build(), spans: d.spans, phi: true, structured: false };
    }
    case 2:
      d.text(`{"topic":"${f.helpers.arrayElement(['Telehealth', 'Video visit', 'Telemedicine follow-up', 'Virtual visit'])} - `).phi(`${p.first} ${p.last}`, 'names');
      d.text(`","type":2,"start_time":"2026-12-0${f.number.int({ min: 1, max: 9 })}T1${f.number.int(6)}:00:00Z","duration":30,"settings":{"waiting_room":true}}`);
      return { id: `meeting-${n}`, kind: 'vendor-apis', contentType: 'application/json', body: d.build(), spans: d.spans, phi: true, structured: false };
    default: {
      const particle = f.helpers.arrayElement(['de la', 'del', 'da', 'van', 'de', 'dos']);
      const age = f.helpers.arrayElement(['ninety-one', 'ninety-three', 'ninety-six', 'ninety-eight']);
      d.text('Patient: ').phi(`${p.first} ${particle} ${p.last}`, 'names').text('\nHPI: A ').phi(`${age}-year-old`, 'dates');
      d.text(` ${p.sex === 'female' ? 'woman' : 'man'} seen for ${f.helpers.arrayElement(['a fall at home', 'shortness of breath', 'medication review'])}.`);
      return { id: `dictated-${n}`, kind: 'vendor-apis', contentType: 'text/plain', body: d.build(), spans: d.spans, phi: true, structured: false };
    }
  }
};

/** PHI-free counterparts: a supply sheet's rows, a staff meeting, a template message's definition, an operations note, a newsletter introducing a provider. */
const cleanVendorApis: Gen = (f, n) => {
  if (n % 5 === 4) {
    const p = person(f);
    const provider = f.helpers.arrayElement([`Dr. ${p.first} ${p.last}`, `${p.first} ${p.last}, MD`, `nurse practitioner ${p.first} ${p.last}`, `${p.first} ${p.last}, FNP-C`]);
    return clean('clean-vendor-apis', 'application/json', JSON.stringify({ type: 'regular', settings: { subject_line: 'News from Riverbend Family Medicine' }, content: { plain_text: `Meet ${provider}, now seeing patients for ${f.helpers.arrayElement(['follow-up visits', 'prenatal care', 'colonoscopy screenings', 'check-ups'])} at our Main Street office. Appointments: call the front desk.` } }), n);
  }
  switch (n % 4) {
    case 0:
      return clean('clean-vendor-apis', 'application/json', JSON.stringify({ range: 'Supplies!A2', majorDimension: 'ROWS', values: [[f.commerce.productName(), `2026-11-${pad(f.number.int({ min: 1, max: 30 }), 2)}`, String(f.number.int(40))], [f.commerce.productName(), `11/${pad(f.number.int({ min: 1, max: 30 }), 2)}/2026`, String(f.number.int(40))]] }), n);
    case 1:
      return clean('clean-vendor-apis', 'application/json', JSON.stringify({ name: 'appointment_reminder', language: 'en_US', category: 'UTILITY', components: [{ type: 'BODY', text: 'Hi {{1}}, this is a reminder of your appointment on {{2}}. Reply C to confirm.' }] }), n);
    case 2:
      return clean('clean-vendor-apis', 'application/json', JSON.stringify({ topic: f.helpers.arrayElement(['Telehealth platform training', 'Staff meeting', 'Video visit workflow review', 'Front desk huddle']), type: 2, start_time: `2026-12-0${f.number.int({ min: 1, max: 9 })}T15:00:00Z`, duration: 45 }), n);
    default:
      return clean('clean-vendor-apis', 'text/plain', `${f.helpers.arrayElement(['Our telehealth hours are', 'Video visits run', 'The front desk is open'])} ${f.helpers.arrayElement(['Monday to Friday', 'weekdays', 'every day'])}, 9 to 5. We have served Springfield for ninety years; our hundred-year-old building is on Main Street.`, n);
  }
};

/**
 * Forms and exports whose fields are numbered or unnamed: a Jotform submission (q3_name[first],
 * a date of birth asked in parts), a Google Forms submission (entry.<number>: answers judged by
 * themselves, a name and a date of birth), a CSV list uploaded without its header row, and a
 * FHIR Encounter naming its patient in the subject reference's display.
 */
const formsAndExports: Gen = (f, n) => {
  const p = person(f);
  const d = new DocBuilder();
  const form = (s: string): string => encodeURIComponent(s).replace(/%20/g, '+');
  const [year, month, day] = p.iso.split('-').map(Number) as [number, number, number];
  switch (n % 4) {
    case 0:
      d.text('formID=2131&q3_name%5Bfirst%5D=').phi(form(p.first), 'names').text('&q3_name%5Blast%5D=').phi(form(p.last), 'names');
      d.text('&q4_dob%5Bmonth%5D=').phi(pad(month, 2), 'dates').text('&q4_dob%5Bday%5D=').phi(pad(day, 2), 'dates').text('&q4_dob%5Byear%5D=').phi(String(year), 'dates');
      d.text(`&q5_reason=${form(f.helpers.arrayElement(['knee pain', 'new patient visit', 'medication refill']))}&website=&simple_spc=2131`);
      return { id: `jotform-${n}`, kind: 'forms-and-exports', contentType: 'application/x-www-form-urlencoded', body: d.build(), spans: d.spans, phi: true, structured: true };
    case 1: {
      d.text(`entry.${f.string.numeric(9)}=`).phi(form(`${p.first} ${p.last}`), 'names');
      const q = f.string.numeric(9);
      d.text(`&entry.${q}_year=`).phi(String(year), 'dates').text(`&entry.${q}_month=`).phi(String(month), 'dates').text(`&entry.${q}_day=`).phi(String(day), 'dates');
      d.text(`&entry.${f.string.numeric(9)}=${form(f.helpers.arrayElement(['Annual physical', 'Flu shot', 'Sick visit']))}&fvv=1&pageHistory=0&fbzx=${f.string.numeric(19)}`);
      return { id: `google-form-${n}`, kind: 'forms-and-exports', contentType: 'application/x-www-form-urlencoded', body: d.build(), spans: d.spans, phi: true, structured: true };
    }
    case 2:
      [p, person(f), person(f)].forEach((r) => d.phi(`${r.first} ${r.last}`, 'names').text(',').phi(r.iso, 'dates').text(`,${f.helpers.arrayElement(['CHF', 'COPD', 'HTN', 'DM2'])}\n`));
      return { id: `csv-no-header-${n}`, kind: 'forms-and-exports', contentType: 'text/csv', body: d.build(), spans: d.spans, phi: true, structured: true };
    default:
      d.text(`{"resourceType":"Encounter","id":"${f.string.alphanumeric(8)}","status":"finished","class":{"code":"AMB"},"subject":{"reference":"Patient/${f.string.numeric(6)}","display":"`).phi(`${p.first} ${p.last}`, 'names');
      d.text(`"},"period":{"start":"2026-11-${pad(f.number.int({ min: 1, max: 21 }), 2)}T09:00:00Z"}}`);
      return { id: `encounter-${n}`, kind: 'forms-and-exports', contentType: 'application/fhir+json', body: d.build(), spans: d.spans, phi: true, structured: true };
  }
};

/** PHI-free counterparts: a Jotform order, a Google Forms feedback survey with a date, a supply list without its header, an Observation about a group. */
const cleanFormsAndExports: Gen = (f, n) => {
  const form = (s: string): string => encodeURIComponent(s).replace(/%20/g, '+');
  switch (n % 4) {
    case 0:
      return clean('clean-forms-and-exports', 'application/x-www-form-urlencoded', `formID=2131&q3_product=${form(f.commerce.productName())}&q4_quantity=${f.number.int({ min: 1, max: 9 })}&q5_address%5Bcountry%5D=US&simple_spc=2131`, n);
    case 1:
      return clean('clean-forms-and-exports', 'application/x-www-form-urlencoded', `entry.${f.string.numeric(9)}=${form(f.helpers.arrayElement(['Great Service', 'Short Wait', 'Friendly Staff']))}&entry.${f.string.numeric(9)}=${f.number.int({ min: 1, max: 5 })}&entry.555_year=2026&entry.555_month=11&entry.555_day=${f.number.int({ min: 1, max: 21 })}&fvv=1&pageHistory=0`, n);
    case 2:
      return clean('clean-forms-and-exports', 'text/csv', Array.from({ length: 3 }, () => `${f.commerce.productName()},2026-11-${pad(f.number.int({ min: 1, max: 21 }), 2)},${f.number.int(40)}\n`).join(''), n);
    default:
      return clean('clean-forms-and-exports', 'application/fhir+json', JSON.stringify({ resourceType: 'Observation', status: 'final', code: { text: 'Hemoglobin A1c' }, subject: { reference: `Group/${f.string.numeric(3)}`, display: 'Diabetes Cohort' }, performer: [{ reference: `Practitioner/${f.string.numeric(4)}`, display: 'Anil Patel' }], valueQuantity: { value: 7.1, unit: '%' } }), n);
  }
};

/**
 * Imaging and mail: a DICOMweb study list (QIDO-RS) and a STOW-RS upload's metadata, the
 * patient's attributes named by tag; mail and chat-assistant prompts that write of a patient
 * in the possessive ("Rosa Garcia's A1c").
 */
const imagingAndMail: Gen = (f, n) => {
  const p = person(f);
  const d = new DocBuilder();
  const pn = `${p.last.toUpperCase()}^${p.first.toUpperCase()}`;
  const studyDate = `202611${pad(f.number.int({ min: 1, max: 21 }), 2)}`;
  switch (n % 4) {
    case 0:
      d.text('[{"00080020":{"vr":"DA","Value":["').phi(studyDate, 'dates').text('"]},"00080050":{"vr":"SH","Value":["').phi(`ACC${f.string.numeric(7)}`, 'account');
      d.text(`"]},"00080061":{"vr":"CS","Value":["${f.helpers.arrayElement(['MR', 'CT', 'US', 'DX'])}"]},"00100010":{"vr":"PN","Value":[{"Alphabetic":"`).phi(pn, 'names');
      d.text('"}]},"00100020":{"vr":"LO","Value":["').phi(p.mrn, 'mrn').text('"]},"00100030":{"vr":"DA","Value":["').phi(p.hl7, 'dates');
      d.text(`"]},"0020000D":{"vr":"UI","Value":["1.2.840.113619.2.55.3.${f.string.numeric(10)}"]},"00201206":{"vr":"IS","Value":[${f.number.int({ min: 1, max: 9 })}]}}]`);
      return { id: `qido-${n}`, kind: 'imaging-and-mail', contentType: 'application/dicom+json', body: d.build(), spans: d.spans, phi: true, structured: true };
    case 1:
      d.text('--stow\r\nContent-Type: application/dicom+json\r\n\r\n[{"00100010":{"vr":"PN","Value":[{"Alphabetic":"').phi(pn, 'names').text('"}]},"00100030":{"vr":"DA","Value":["').phi(p.hl7, 'dates');
      d.text(`"]},"00100040":{"vr":"CS","Value":["${p.sex === 'female' ? 'F' : 'M'}"]},"7FE00010":{"vr":"OB","BulkDataURI":"instance-1"}}]\r\n--stow--\r\n`);
      return { id: `stow-${n}`, kind: 'imaging-and-mail', contentType: 'multipart/related; type="application/dicom+json"; boundary=stow', body: d.build(), spans: d.spans, phi: true, structured: true };
    case 2:
      d.text(`{"message":{"subject":"${f.helpers.arrayElement(['Lab results', 'Follow-up', 'Question'])}","body":{"contentType":"HTML","content":"<p>`).phi(`${p.first} ${p.last}`, 'names');
      d.text(`'s ${f.helpers.arrayElement(['A1c was 8.2', 'latest MRI shows a small tear', 'blood pressure was 150/90', 'lab results are back'])}. Please call ${p.sex === 'female' ? 'her' : 'him'}.</p>"},"toRecipients":[{"emailAddress":{"address":"team@vendor.example"}}]}}`);
      return { id: `mail-${n}`, kind: 'imaging-and-mail', contentType: 'application/json', body: d.build(), spans: d.spans, phi: true, structured: false };
    default:
      d.text(`{"model":"assistant-1","messages":[{"role":"user","content":"${f.helpers.arrayElement(['Summarize', 'Draft a letter about', 'List the open items in'])} `).phi(`${p.first} ${p.last}`, 'names');
      d.text(`'s ${f.helpers.arrayElement(['chart', 'medications', 'lab results', 'medical history', 'care plan'])} for the referral."}]}`);
      return { id: `prompt-${n}`, kind: 'imaging-and-mail', contentType: 'application/json', body: d.build(), spans: d.spans, phi: true, structured: false };
  }
};

/** PHI-free counterparts: a de-identified study list, a newsletter naming a hospital's cancer center, a provider's patients, a prompt about a drug. */
const cleanImagingAndMail: Gen = (f, n) => {
  switch (n % 4) {
    case 0:
      return clean('clean-imaging-and-mail', 'application/dicom+json', JSON.stringify([{ '00080061': { vr: 'CS', Value: [f.helpers.arrayElement(['MR', 'CT', 'US'])] }, '00081030': { vr: 'LO', Value: ['MRI KNEE W/O CONTRAST'] }, '00100010': { vr: 'PN', Value: [{ Alphabetic: '^' }] }, '0020000D': { vr: 'UI', Value: [`2.25.${f.string.numeric(30)}`] }, '00201206': { vr: 'IS', Value: [f.number.int({ min: 1, max: 9 })] } }]), n);
    case 1:
      return clean('clean-imaging-and-mail', 'application/json', JSON.stringify({ message: { subject: 'News', body: { contentType: 'HTML', content: `<p>We now refer to ${f.helpers.arrayElement(["Johns Hopkins' cancer center", "Dana Farber's cancer institute", "Boston Children's surgery department"])} for second opinions.</p>` } } }), n);
    case 2: {
      const p = person(f);
      return clean('clean-imaging-and-mail', 'text/plain', `Dr. ${p.first} ${p.last}'s patients can now book online. ${p.first} ${p.last}'s new book on nutrition is in the lobby.`, n);
    }
    default:
      return clean('clean-imaging-and-mail', 'application/json', JSON.stringify({ model: 'assistant-1', messages: [{ role: 'user', content: `Summarize the label of ${f.helpers.arrayElement(['metformin', 'lisinopril', 'atorvastatin'])}: its dosing and its side effects.` }] }), n);
  }
};

/**
 * Calendars, task boards and alerts: an event titled with the kind of visit and the patient's
 * name written last name first, either way round; one titled "First Last - kind of visit" (a
 * known given name and surname needed: a place is titled that way too); an integration's alert
 * naming the patient by chart number; a task card about a prior authorization.
 */
const calendarsAndAlerts: Gen = (f, n) => {
  const p = person(f);
  const d = new DocBuilder();
  const kind = f.helpers.arrayElement(['New patient', 'Annual physical', 'Follow-up visit', 'Flu shot', 'Med check', 'Sick visit', 'Lab draw']);
  const start = `2026-12-${pad(f.number.int({ min: 1, max: 28 }), 2)}T${pad(f.number.int({ min: 8, max: 16 }), 2)}:00:00-06:00`;
  switch (n % 4) {
    case 0:
      d.text('{"summary":"');
      if (n % 8 === 0) d.text(`${kind} - `).phi(`${p.last}, ${p.first}`, 'names');
      else d.phi(`${p.last}, ${p.first}`, 'names').text(` - ${kind}`);
      d.text(`","start":{"dateTime":"${start}"},"end":{"dateTime":"${start}"},"location":"Exam room ${f.number.int({ min: 1, max: 9 })}"}`);
      return { id: `calendar-last-first-${n}`, kind: 'calendars-and-alerts', contentType: 'application/json', body: d.build(), spans: d.spans, phi: true, structured: false };
    case 1:
      d.text('{"summary":"').phi(`${p.first} ${p.last}`, 'names').text(` - ${kind}","start":{"dateTime":"${start}"},"end":{"dateTime":"${start}"}}`);
      return { id: `calendar-first-last-${n}`, kind: 'calendars-and-alerts', contentType: 'application/json', body: d.build(), spans: d.spans, phi: true, structured: false };
    case 2:
      d.text(`{"channel":"#clinic-alerts","text":"${f.helpers.arrayElement(['New lab result for patient', 'Critical value: patient', 'Fax received for Pt #'])} `).phi(p.mrn.replace(/^[A-Z]+-?/, ''), 'mrn').text(`: ${f.helpers.arrayElement(['A1c 8.2', 'potassium 6.1', 'see chart'])}"}`);
      return { id: `alert-${n}`, kind: 'calendars-and-alerts', contentType: 'application/json', body: d.build(), spans: d.spans, phi: true, structured: false };
    default:
      d.text('{"name":"').phi(`${p.first} ${p.last}`, 'names').text(` - prior auth","desc":"${f.helpers.arrayElement(['Knee MRI', 'Ozempic', 'Sleep study'])} needs prior authorization","idList":"${f.string.hexadecimal({ length: 24, prefix: '' })}"}`);
      return { id: `task-${n}`, kind: 'calendars-and-alerts', contentType: 'application/json', body: d.build(), spans: d.spans, phi: true, structured: false };
  }
};

/** PHI-free counterparts: a flu-shot clinic at a park, a new-patient special at an office, a staff task, an integration's health check. */
const cleanCalendarsAndAlerts: Gen = (f, n) => {
  const place = f.helpers.arrayElement(['Oak Park', 'Lincoln Park', 'Main Street', 'Town Hall', 'Maple Grove']);
  switch (n % 4) {
    case 0:
      return clean('clean-calendars-and-alerts', 'application/json', JSON.stringify({ summary: `${place} - flu shot clinic`, start: { dateTime: '2026-12-05T09:00:00-06:00' }, end: { dateTime: '2026-12-05T13:00:00-06:00' } }), n);
    case 1:
      return clean('clean-calendars-and-alerts', 'application/json', JSON.stringify({ summary: `Flu shot: ${place}`, description: 'Walk-ins welcome, bring your insurance card.' }), n);
    case 2:
      return clean('clean-calendars-and-alerts', 'application/json', JSON.stringify({ name: `Order ${f.commerce.productName()} - ${f.number.int({ min: 2, max: 12 })} boxes`, desc: 'Supplies for the lab draw station', idList: f.string.hexadecimal({ length: 24, prefix: '' }) }), n);
    default:
      return clean('clean-calendars-and-alerts', 'application/json', JSON.stringify({ channel: '#it-alerts', text: `Interface engine: ${f.number.int({ min: 1000, max: 99999 })} messages processed, queue ${f.number.int(20)}, patients table backup done` }), n);
  }
};

/**
 * Patients writing to a clinic's chat widget or text line, and voicemail transcripts: someone
 * naming themselves ("Hi, this is ...", "my name is ...", "me llamo ...", "I'm ..."), a name of
 * any origin, beside their care.
 */
const patientMessages: Gen = (f, n) => {
  const p = person(f);
  const d = new DocBuilder();
  const name = `${p.first} ${p.last}`;
  switch (n % 4) {
    case 0:
      d.text('{"conversation_id":"').text(f.string.alphanumeric(12)).text('","body":"Hi, this is ').phi(name, 'names').text(`, I need to reschedule my appointment on ${f.helpers.arrayElement(['Monday', 'Tuesday', 'Friday'])}."}`);
      break;
    case 1:
      d.text('{"transcript":"Hello, my name is ').phi(name, 'names').text(`, can someone call me back about my ${f.helpers.arrayElement(['lab results', 'prescription', 'bill'])}? Thank you."}`);
      break;
    case 2:
      d.text('{"message":"Hola, me llamo ').phi(name, 'names').text(` y necesito una cita para ${f.helpers.arrayElement(['mi hijo', 'mi esposa', 'mí'])}."}`);
      break;
    default:
      d.text('{"text":"I\'m ').phi(name, 'names').text(` and I need a refill of my ${f.helpers.arrayElement(['metformin', 'lisinopril', 'inhaler'])}."}`);
  }
  return { id: `message-${n}`, kind: 'patient-messages', contentType: 'application/json', body: d.build(), spans: d.spans, phi: true, structured: false };
};

/** PHI-free counterparts: a pharmacy, an urgent care and a supplier naming themselves, a week's observance. */
const cleanPatientMessages: Gen = (f, n) => {
  const who = f.helpers.arrayElement(['Springfield Urgent Care', 'Main Street Pharmacy', 'Grace Community Clinic', 'Medline Industries']);
  switch (n % 3) {
    case 0:
      return clean('clean-patient-messages', 'application/json', JSON.stringify({ body: `Hi, this is ${who} calling about the supply order: it ships ${f.helpers.arrayElement(['Monday', 'Tuesday'])}.` }), n);
    case 1:
      return clean('clean-patient-messages', 'application/json', JSON.stringify({ transcript: `Hello, this is ${who}. Please call us back about the invoice.` }), n);
    default:
      return clean('clean-patient-messages', 'application/json', JSON.stringify({ text: "It's National Nurses Week! Thank you to our nurses for all they do." }), n);
  }
};

/**
 * Registration and exports: a FHIR QuestionnaireResponse with numbered questions, a table
 * exported split in two members (pandas orient="split"), a registration form's people beside
 * the patient with a date of birth as EHR exports write it (12-APR-1961), and a text to a
 * number abroad.
 */
const registrationAndExports: Gen = (f, n) => {
  const p = person(f);
  const q = person(f);
  const d = new DocBuilder();
  const [year, month, day] = p.iso.split('-');
  const mon = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'][Number(month) - 1]!;
  switch (n % 4) {
    case 0:
      d.text('{"resourceType":"QuestionnaireResponse","status":"completed","item":[{"linkId":"1.1","text":"Full name","answer":[{"valueString":"').phi(`${p.first} ${p.last}`, 'names');
      d.text('"}]},{"linkId":"1.2","text":"Date of birth","answer":[{"valueDate":"').phi(p.iso, 'dates').text(`"}]},{"linkId":"1.3","text":"Pain (0-10)","answer":[{"valueInteger":${f.number.int(10)}}]}]}`);
      return { id: `questionnaire-${n}`, kind: 'registration-and-exports', contentType: 'application/fhir+json', body: d.build(), spans: d.spans, phi: true, structured: true };
    case 1:
      d.text('{"columns":["patient","dob","dx"],"index":[0,1],"data":[["').phi(`${p.first} ${p.last}`, 'names').text('","').phi(p.iso, 'dates');
      d.text('","E11.9"],["').phi(`${q.first} ${q.last}`, 'names').text('","').phi(q.iso, 'dates').text('","I10"]]}');
      return { id: `split-table-${n}`, kind: 'registration-and-exports', contentType: 'application/json', body: d.build(), spans: d.spans, phi: true, structured: true };
    case 2: {
      const role = f.helpers.arrayElement(['Parent/Guardian', 'Responsible party', 'Spouse', "Mother's name", 'Caregiver']);
      d.text('PATIENT DOB: ').phi(`${day}-${mon}-${year}`, 'dates').text(`\n${role}: `).phi(`${q.first} ${q.last}`, 'names').text('\nRelationship: ').text(f.helpers.arrayElement(['mother', 'spouse', 'son']));
      return { id: `registration-${n}`, kind: 'registration-and-exports', contentType: 'text/plain', body: d.build(), spans: d.spans, phi: true, structured: false };
    }
    default:
      d.text('{"To":"').phi(`+52${f.string.numeric({ length: 10, allowLeadingZeros: false })}`, 'phone').text(`","From":"+13125550100","Body":"Su cita es el ${f.helpers.arrayElement(['lunes', 'martes', 'viernes'])} a las ${f.number.int({ min: 8, max: 16 })}:00."}`);
      return { id: `sms-abroad-${n}`, kind: 'registration-and-exports', contentType: 'application/json', body: d.build(), spans: d.spans, phi: true, structured: false };
  }
};

/** PHI-free counterparts: a questionnaire's questions, a supply table split in two, a referral source, a release note with a version. */
const cleanRegistrationAndExports: Gen = (f, n) => {
  switch (n % 4) {
    case 0:
      return clean('clean-registration-and-exports', 'application/fhir+json', JSON.stringify({ resourceType: 'Questionnaire', status: 'active', item: [{ linkId: '1.1', text: 'Full name', type: 'string' }, { linkId: '1.2', text: 'Date of birth', type: 'date' }] }), n);
    case 1:
      return clean('clean-registration-and-exports', 'application/json', JSON.stringify({ columns: ['item', 'qty', 'received'], index: [0], data: [[f.commerce.productName(), f.number.int(40), `2026-11-${pad(f.number.int({ min: 1, max: 21 }), 2)}`]] }), n);
    case 2:
      return clean('clean-registration-and-exports', 'text/plain', `Referred by: Dr. ${f.person.firstName()} ${f.person.lastName()}\nReferral source: ${f.helpers.arrayElement(['web search', 'friend', 'insurance directory'])}`, n);
    default:
      return clean('clean-registration-and-exports', 'text/plain', `Portal release 14-Mar-2026, version ${f.number.int({ min: 1, max: 9 })}.${f.number.int({ min: 1, max: 12 })}.2026: totals +5 10 15 20 25 on the dashboard.`, n);
  }
};

/**
 * Applications' error reports and log lines, as they go to error trackers and log services that
 * hold no BAA: the patient's name (any origin) written into the message after the word
 * patient — a Sentry envelope, a batch of log events, a plain log line, a JSON log record.
 */
const errorReports: Gen = (f, n) => {
  const p = person(f);
  const d = new DocBuilder();
  switch (n % 4) {
    case 0:
      d.text(`{"event_id":"${f.string.hexadecimal({ length: 32, casing: 'lower', prefix: '' })}","sent_at":"2026-11-23T10:00:00Z"}\n{"type":"event"}\n`);
      d.text('{"exception":{"values":[{"type":"NotFoundError","value":"Could not find patient ').phi(`${p.first} ${p.last}`, 'names').text(`"}]},"level":"error","tags":{"route":"/charts"}}\n`);
      return { id: `sentry-${n}`, kind: 'error-reports', contentType: 'application/x-sentry-envelope', body: d.build(), spans: d.spans, phi: true, structured: false };
    case 1:
      d.text('[{"message":"Failed to sync appointment for patient ').phi(`${p.last}, ${p.first}`, 'names').text(` (id ${f.number.int({ min: 1000, max: 99999 })})","service":"scheduler","status":"error"}]`);
      return { id: `log-batch-${n}`, kind: 'error-reports', contentType: 'application/json', body: d.build(), spans: d.spans, phi: true, structured: false };
    case 2:
      d.text(`2026-11-23T10:${pad(n % 60, 2)}:00Z ERROR EligibilityWorker - Patient `).phi(`${p.first} ${p.last}`, 'names').text(' has no active coverage\n');
      return { id: `log-line-${n}`, kind: 'error-reports', contentType: 'text/plain', body: d.build(), spans: d.spans, phi: true, structured: false };
    default:
      d.text('{"level":"error","msg":"sync failed for patient \'').phi(`${p.first} ${p.last}`, 'names').text(`'","err":"${f.helpers.arrayElement(['ETIMEDOUT', 'ECONNRESET', 'HTTP 500'])}"}`);
      return { id: `log-json-${n}`, kind: 'error-reports', contentType: 'application/json', body: d.build(), spans: d.spans, phi: true, structured: false };
  }
};

/** PHI-free counterparts: the same reports about records, queues, titles and roles ("Patient Not Found", "Patient Safety Indicators", a font's size). */
const cleanErrorReports: Gen = (f, n) => {
  switch (n % 4) {
    case 0:
      return clean('clean-error-reports', 'application/x-sentry-envelope', `{"event_id":"${f.string.hexadecimal({ length: 32, casing: 'lower', prefix: '' })}"}\n{"type":"event"}\n${JSON.stringify({ exception: { values: [{ type: 'NotFoundError', value: f.helpers.arrayElement(['Patient Not Found', 'Could not find patient record', 'Patient Record Locked']) }] }, level: 'error' })}\n`, n);
    case 1:
      return clean('clean-error-reports', 'application/json', JSON.stringify([{ message: `Failed to sync appointment queue (${f.number.int(40)} pending)`, service: 'scheduler', status: 'warn' }, { message: `Patient Portal login took ${f.number.int({ min: 200, max: 4000 })} ms`, service: 'portal', status: 'info' }]), n);
    case 2:
      return clean('clean-error-reports', 'text/plain', `2026-11-23T10:${pad(n % 60, 2)}:00Z INFO ReportWorker - Patient ${f.helpers.arrayElement(['Safety Indicators', 'Experience Survey', 'Access Center'])} report generated in ${f.number.int(900)} ms\n`, n);
    default:
      return clean('clean-error-reports', 'application/json', JSON.stringify({ level: 'info', msg: `template updated: heading 12 pt ${f.helpers.arrayElement(['Courier New', 'Times New Roman', 'Open Sans'])}, role Patient Access Representative` }), n);
  }
};

/**
 * A note's history, a referral or consult letter and a prompt asking a chat assistant to draft
 * one, introducing the patient in set phrases ("... is a 61-year-old woman with", "Thank you for
 * seeing ...", "I am referring ...", "Last, First, a 61 y/o F"), a name of any origin.
 */
const caseLetters: Gen = (f, n) => {
  const p = person(f);
  const d = new DocBuilder();
  const age = f.number.int({ min: 18, max: 85 });
  const reason = f.helpers.arrayElement(['chest pain', 'worsening dyspnea', 'a thyroid nodule', 'knee pain', 'iron deficiency anemia']);
  switch (n % 4) {
    case 0:
      d.text('HPI: ').phi(`${p.first} ${p.last}`, 'names').text(` is a ${age}-year-old ${p.sex === 'female' ? 'woman' : 'man'} with ${f.helpers.arrayElement(['type 2 diabetes', 'hypertension', 'CKD stage 3'])} who presents with ${reason}.`);
      return { id: `hpi-${n}`, kind: 'case-letters', contentType: 'text/plain', body: d.build(), spans: d.spans, phi: true, structured: false };
    case 1:
      d.text('{"model":"gpt-4o","messages":[{"role":"user","content":"Draft a consult letter that begins: Thank you for seeing ').phi(`${p.first} ${p.last}`, 'names').text(` for ${reason}."}]}`);
      return { id: `letter-prompt-${n}`, kind: 'case-letters', contentType: 'application/json', body: d.build(), spans: d.spans, phi: true, structured: false };
    case 2:
      d.text(`Dear Dr. ${f.person.lastName()},\n\nI am referring `).phi(`${p.first} ${p.last}`, 'names').text(` for evaluation of ${reason}. Records are attached.`);
      return { id: `referral-letter-${n}`, kind: 'case-letters', contentType: 'text/plain', body: d.build(), spans: d.spans, phi: true, structured: false };
    default:
      d.phi(`${p.last}, ${p.first}`, 'names').text(`, a ${age} y/o ${p.sex === 'female' ? 'F' : 'M'}, presents with ${reason}.`);
      return { id: `case-line-${n}`, kind: 'case-letters', contentType: 'text/plain', body: d.build(), spans: d.spans, phi: true, structured: false };
  }
};

/** PHI-free counterparts: a provider's biography, a thank-you for choosing the clinic, a building's age, a company's. */
const cleanCaseLetters: Gen = (f, n) => {
  switch (n % 4) {
    case 0:
      return clean('clean-case-letters', 'text/plain', `Dr. ${f.person.firstName()} ${f.person.lastName()} is a board-certified ${f.helpers.arrayElement(['internist', 'pediatrician', 'family physician'])} who joined the practice in ${f.number.int({ min: 2001, max: 2025 })}.`, n);
    case 1:
      return clean('clean-case-letters', 'text/plain', `Thank you for choosing Springfield Family Medicine. Thank you for referring Patients to our ${f.helpers.arrayElement(['sleep lab', 'imaging center', 'wound clinic'])}.`, n);
    case 2:
      return clean('clean-case-letters', 'text/plain', `The ${f.helpers.arrayElement(['Main Street', 'Oak Park', 'Lincoln Square'])} Building is a ${f.number.int({ min: 40, max: 120 })}-year-old landmark; parking is behind the clinic.`, n);
    default:
      return clean('clean-case-letters', 'application/json', JSON.stringify({ vendor: f.company.name(), note: `${f.company.name()}, a ${f.number.int({ min: 3, max: 60 })}-year-old supplier, ships gloves and gauze.` }), n);
  }
};

const DIGIT_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth', 'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'nineteenth', 'twentieth', 'twenty-first', 'twenty-second', 'twenty-third', 'twenty-fourth', 'twenty-fifth', 'twenty-sixth', 'twenty-seventh', 'twenty-eighth'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const TENS_WORDS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const TEENS_WORDS = ['ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
/** A year as it is said: "nineteen sixty-one", "nineteen oh five", "two thousand and three". */
function spokenYear(year: number, f: Faker): string {
  if (year >= 2000 && year < 2010) return `two thousand${f.datatype.boolean() ? ' and' : ''} ${DIGIT_WORDS[year - 2000]}`;
  const hi = Math.floor(year / 100);
  const lo = year % 100;
  const head = hi === 19 ? 'nineteen' : 'twenty';
  if (lo < 10) return `${head} oh ${DIGIT_WORDS[lo]}`;
  if (lo < 20) return `${head} ${TEENS_WORDS[lo - 10]}`;
  return `${head} ${TENS_WORDS[Math.floor(lo / 10)]}${lo % 10 === 0 ? '' : `${f.datatype.boolean() ? '-' : ' '}${DIGIT_WORDS[lo % 10]}`}`;
}

/**
 * Voicemail transcripts from a transcription service, as they reach a clinic's chat or mail
 * vendor: the caller's date of birth and call-back number read aloud, in words ("April twelfth,
 * nineteen sixty-one", "three one two, five five five, ..."), in part or in whole.
 */
const voicemailTranscripts: Gen = (f, n) => {
  const p = person(f);
  const d = new DocBuilder();
  const birth = new Date(`${p.iso}T00:00:00Z`);
  const month = MONTHS[birth.getUTCMonth()]!;
  const day = Math.min(birth.getUTCDate(), 28);
  const area = notTollFree(Number(`${f.number.int({ min: 2, max: 9 })}${f.number.int({ min: 2, max: 9 })}${f.number.int(9)}`));
  const digits = `${area}${f.number.int({ min: 2, max: 9 })}${f.number.int({ min: 2, max: 9 })}${f.number.int(9)}${f.string.numeric(4)}`;
  const said = (x: string) => [...x].map((c) => (c === '0' && f.datatype.boolean() ? 'oh' : DIGIT_WORDS[Number(c)])).join(' ');
  const phone = f.datatype.boolean() ? `${said(digits.slice(0, 3))}, ${said(digits.slice(3, 6))}, ${said(digits.slice(6))}` : `${digits.slice(0, 3)} ${said(digits.slice(3))}`;
  switch (n % 4) {
    case 0:
      d.text(`{"transcript":"Hi, this is ${p.first}, my date of birth is `).phi(`${month} ${ORDINALS[day - 1]}, ${spokenYear(birth.getUTCFullYear(), f)}`, 'dates').text('. Please call me back at ').phi(phone, 'phone').text('. Thanks."}');
      return { id: `voicemail-json-${n}`, kind: 'voicemail-transcripts', contentType: 'application/json', body: d.build(), spans: d.spans, phi: true, structured: false };
    case 1:
      d.text(`Voicemail from unknown caller (0:${pad(f.number.int({ min: 10, max: 59 }), 2)}): hi it's ${p.first} calling about my ${f.helpers.arrayElement(['refill', 'lab results', 'appointment'])}, my number is `).phi(phone, 'phone').text(', bye.\n');
      return { id: `voicemail-text-${n}`, kind: 'voicemail-transcripts', contentType: 'text/plain', body: d.build(), spans: d.spans, phi: true, structured: false };
    case 2:
      d.text(`{"channel":"#front-desk","text":"New voicemail: caller says she was born on `).phi(`the ${ORDINALS[day - 1]} of ${month}, ${birth.getUTCFullYear()}`, 'dates').text(' and needs a new referral."}');
      return { id: `voicemail-slack-${n}`, kind: 'voicemail-transcripts', contentType: 'application/json', body: d.build(), spans: d.spans, phi: true, structured: false };
    default:
      d.text('{"summary":"Caller asked to reschedule. Birthday ').phi(`${month.toLowerCase()} ${day}, ${spokenYear(birth.getUTCFullYear(), f)}`, 'dates').text('."}');
      return { id: `voicemail-summary-${n}`, kind: 'voicemail-transcripts', contentType: 'application/json', body: d.build(), spans: d.spans, phi: true, structured: false };
  }
};

/** PHI-free counterparts: callers asking about hours, a flu-shot date, a count, the clinic's own line read aloud in digits. */
const cleanVoicemailTranscripts: Gen = (f, n) => {
  switch (n % 4) {
    case 0:
      return clean('clean-voicemail-transcripts', 'application/json', JSON.stringify({ transcript: `Hi, do you open at ${f.helpers.arrayElement(['eight', 'nine', 'ten'])} on Saturday? I wanted to ask about flu shots. Thanks.` }), n);
    case 1:
      return clean('clean-voicemail-transcripts', 'text/plain', `Voicemail from unknown caller: hi, is the flu clinic still on ${f.helpers.arrayElement(MONTHS)} ${f.helpers.arrayElement(ORDINALS)}? We are bringing ${f.helpers.arrayElement(['two', 'three', 'four'])} kids.\n`, n);
    case 2:
      return clean('clean-voicemail-transcripts', 'application/json', JSON.stringify({ channel: '#front-desk', text: `Reminder: the office closes on the ${f.helpers.arrayElement(ORDINALS)} of ${f.helpers.arrayElement(MONTHS)} for training; phones forward to the main line.` }), n);
    default:
      return clean('clean-voicemail-transcripts', 'application/json', JSON.stringify({ summary: `Vendor called about order ${f.number.int({ min: 1000, max: 9999 })}: one, two, three boxes arrive in ${f.helpers.arrayElement(['two', 'five', 'ten'])} days.` }), n);
  }
};

/**
 * Dates of birth written in part or compactly beside their label, as exports, older systems and
 * people write them: 04121961, 12APR1961, 4.12.61, "born in April 1961", "DOB: April 12".
 */
const partialDates: Gen = (f, n) => {
  const p = person(f);
  const d = new DocBuilder();
  const birth = new Date(`${p.iso}T00:00:00Z`);
  const [y, m, day] = [birth.getUTCFullYear(), birth.getUTCMonth() + 1, birth.getUTCDate()];
  const mon = MONTHS[m - 1]!;
  switch (n % 4) {
    case 0:
      d.text(`REC|${f.string.numeric(6)}|DOB `).phi(`${pad(m, 2)}${pad(day, 2)}${y}`, 'dates').text(`|SEX ${p.sex === 'female' ? 'F' : 'M'}|PLAN GOLD\n`);
      return { id: `compact-dob-${n}`, kind: 'partial-dates', contentType: 'text/plain', body: d.build(), spans: d.spans, phi: true, structured: false };
    case 1:
      d.text('{"note":"DOB: ').phi(`${pad(day, 2)}${mon.slice(0, 3).toUpperCase()}${y}`, 'dates').text(`, allergies NKDA"}`);
      return { id: `mainframe-dob-${n}`, kind: 'partial-dates', contentType: 'application/json', body: d.build(), spans: d.spans, phi: true, structured: false };
    case 2:
      d.text(`{"message":"Caller says she was born in `).phi(`${mon} ${y}`, 'dates').text(` and needs her records."}`);
      return { id: `month-year-${n}`, kind: 'partial-dates', contentType: 'application/json', body: d.build(), spans: d.spans, phi: true, structured: false };
    default:
      d.text('Intake: DOB ').phi(`${mon} ${day}`, 'dates').text(`, no year given. Reason: ${f.helpers.arrayElement(['rash', 'cough', 'refill'])}.`);
      return { id: `month-day-${n}`, kind: 'partial-dates', contentType: 'text/plain', body: d.build(), spans: d.spans, phi: true, structured: false };
  }
};

/** PHI-free counterparts: order numbers of eight digits, versions with two-digit parts, a clinic's founding month, a flu clinic's day. */
const cleanPartialDates: Gen = (f, n) => {
  switch (n % 4) {
    case 0:
      return clean('clean-partial-dates', 'text/plain', `REC|${f.string.numeric(6)}|ORDER ${f.string.numeric(8)}|QTY ${f.number.int(40)}\n`, n);
    case 1:
      return clean('clean-partial-dates', 'application/json', JSON.stringify({ note: `Portal release ${f.number.int({ min: 1, max: 9 })}.${f.number.int({ min: 10, max: 28 })}.${f.number.int({ min: 10, max: 99 })}, shipped ${f.helpers.arrayElement(MONTHS)} 2026.` }), n);
    case 2:
      return clean('clean-partial-dates', 'application/json', JSON.stringify({ message: `We opened in ${f.helpers.arrayElement(MONTHS)} ${f.number.int({ min: 1950, max: 1999 })} and have served families since.` }), n);
    default:
      return clean('clean-partial-dates', 'text/plain', `Flu clinic: ${f.helpers.arrayElement(MONTHS)} ${f.number.int({ min: 1, max: 28 })}, walk-ins welcome.`, n);
  }
};

/**
 * Reports and pages that set a patient label and the name apart by their layout: a lab report
 * in capitals, a printout's dot leaders, an HTML table's next cell, a Markdown table's pipe.
 */
const reportLayouts: Gen = (f, n) => {
  const p = person(f);
  const d = new DocBuilder();
  switch (n % 4) {
    case 0:
      d.text('SPRINGFIELD REFERENCE LAB\nPATIENT: ').phi(`${p.last.toUpperCase()}, ${p.first.toUpperCase()}`, 'names').text(`\nTEST: ${f.helpers.arrayElement(['HBA1C', 'TSH', 'LIPID PANEL'])}   RESULT: ${f.number.float({ min: 1, max: 9, fractionDigits: 1 })}\n`);
      return { id: `lab-report-${n}`, kind: 'report-layouts', contentType: 'text/plain', body: d.build(), spans: d.spans, phi: true, structured: false };
    case 1:
      d.text('Patient Name .......... ').phi(`${p.first} ${p.last}`, 'names').text(`\nReason ................ ${f.helpers.arrayElement(['knee pain', 'follow-up', 'cough'])}\n`);
      return { id: `printout-${n}`, kind: 'report-layouts', contentType: 'text/plain', body: d.build(), spans: d.spans, phi: true, structured: false };
    case 2:
      d.text('<table><tr><td>Patient</td><td>').phi(`${p.first} ${p.last}`, 'names').text(`</td></tr><tr><td>Visit</td><td>${f.helpers.arrayElement(['Follow-up', 'New patient', 'Annual'])}</td></tr></table>`);
      return { id: `html-table-${n}`, kind: 'report-layouts', contentType: 'text/html', body: d.build(), spans: d.spans, phi: true, structured: false };
    default:
      d.text('| Patient | ').phi(`${p.first} ${p.last}`, 'names').text(` |\n|---|---|\n| Reason | ${f.helpers.arrayElement(['knee pain', 'rash', 'refill'])} |\n`);
      return { id: `markdown-table-${n}`, kind: 'report-layouts', contentType: 'text/markdown', body: d.build(), spans: d.spans, phi: true, structured: false };
  }
};

/** PHI-free counterparts: a report's blank or status fields, a table's header row, a heading before a paragraph. */
const cleanReportLayouts: Gen = (f, n) => {
  switch (n % 4) {
    case 0:
      return clean('clean-report-layouts', 'text/plain', `SPRINGFIELD REFERENCE LAB\nPATIENT: ${f.helpers.arrayElement(['SEE CHART', 'NOT FOUND', 'NEW ADMISSION'])}\nTEST: ${f.helpers.arrayElement(['HBA1C', 'TSH'])}\n`, n);
    case 1:
      return clean('clean-report-layouts', 'text/plain', 'Patient Name .......... ____________\nSignature ............. ____________\n', n);
    case 2:
      return clean('clean-report-layouts', 'text/html', `<table><tr><th>Patient</th><th>Visit Date</th><th>Status</th></tr><tr><td>${f.number.int(99)}</td><td></td><td>open</td></tr></table>`, n);
    default:
      return clean('clean-report-layouts', 'text/html', `<h2>Patient</h2><p>Education Materials for ${f.helpers.arrayElement(['diabetes', 'asthma', 'new parents'])}</p>`, n);
  }
};

/**
 * Who is coming in and what happened to them, as staff chat, task boards, e-mail and chat
 * assistants carry it: "First Last has an appointment tomorrow", "First Last's appointment was
 * moved", "is scheduled for a colonoscopy", "missed her appointment", "was admitted", "Hi First
 * Last, your appointment ...". No number, no date of birth: the name with the visit is the PHI.
 */
const schedulingMessages: Gen = (f, n) => {
  const p = person(f);
  const d = new DocBuilder();
  const her = p.sex === 'female' ? 'her' : 'his';
  const doctor = `Dr. ${f.person.lastName()}`;
  const time = `${f.number.int({ min: 8, max: 11 })}:${f.helpers.arrayElement(['00', '15', '30', '45'])}`;
  const name = `${p.first} ${p.last}`;
  switch (n % 7) {
    case 6:
      {
        const [before, after] = f.helpers.arrayElement([['Hola, necesito reprogramar la cita de ', ', gracias'], ['Buenos días, quisiera cancelar la cita de ', ' para el lunes'], ['Mi hijo ', ' tiene fiebre desde ayer, necesito una cita']]);
        d.text(`{"from":"whatsapp:+1555","text":"${before}`).phi(name, 'names').text(`${after}"}`);
      }
      return { id: `sched-es-${n}`, kind: 'scheduling-messages', contentType: 'application/json', body: d.build(), spans: d.spans, phi: true, structured: false };
    case 0:
      d.text('{"channel":"C04FRONTDESK","text":"Reminder: ').phi(name, 'names').text(` has an appointment ${f.helpers.arrayElement(['tomorrow', 'today', 'on Monday'])} at ${time} with ${doctor}"}`);
      return { id: `sched-slack-${n}`, kind: 'scheduling-messages', contentType: 'application/json', body: d.build(), spans: d.spans, phi: true, structured: false };
    case 1:
      d.phi(name, 'names').text(`'s ${f.helpers.arrayElement(['appointment', 'follow-up appointment', '2pm appointment'])} was ${f.helpers.arrayElement(['moved to Thursday', 'rescheduled for next week', 'cancelled'])}, please update the board.`);
      return { id: `sched-task-${n}`, kind: 'scheduling-messages', contentType: 'text/plain', body: d.build(), spans: d.spans, phi: true, structured: false };
    case 2:
      d.text('{"title":"Call back","description":"').phi(name, 'names').text(` ${f.helpers.arrayElement(['missed ' + her + ' appointment today', 'no-showed for the ' + time + ' visit', 'cancelled ' + her + ' follow-up visit'])}, please call to reschedule"}`);
      return { id: `sched-card-${n}`, kind: 'scheduling-messages', contentType: 'application/json', body: d.build(), spans: d.spans, phi: true, structured: false };
    case 3:
      d.text('{"model":"gpt-4o-mini","messages":[{"role":"user","content":"Write prep instructions: ').phi(name, 'names').text(` is scheduled for a ${f.helpers.arrayElement(['colonoscopy', 'screening colonoscopy', 'knee MRI', 'CT scan'])} on ${f.date.weekday()}."}]}`);
      return { id: `sched-prompt-${n}`, kind: 'scheduling-messages', contentType: 'application/json', body: d.build(), spans: d.spans, phi: true, structured: false };
    case 4:
      d.text(`Subject: Your upcoming visit\r\n\r\n${f.helpers.arrayElement(['Hi', 'Hello', 'Good morning'])} `).phi(name, 'names').text(`, your appointment with ${doctor} is on ${f.date.weekday()} at ${time} AM. Reply C to confirm.`);
      return { id: `sched-mail-${n}`, kind: 'scheduling-messages', contentType: 'text/plain', body: d.build(), spans: d.spans, phi: true, structured: false };
    default:
      d.text('{"text":"FYI ').phi(name, 'names').text(` ${f.helpers.arrayElement(['was admitted to the hospital last night', 'tested positive for flu', 'was seen in the ED over the weekend', 'needs a refill of ' + her + ' inhaler'])}"}`);
      return { id: `sched-event-${n}`, kind: 'scheduling-messages', contentType: 'application/json', body: d.build(), spans: d.spans, phi: true, structured: false };
  }
};

/** PHI-free counterparts: a provider's openings, a corporate appointment, a building's inspection, reminder templates, admissions to a bar. */
const cleanSchedulingMessages: Gen = (f, n) => {
  switch (n % 6) {
    case 0:
      return clean('clean-scheduling-messages', 'application/json', JSON.stringify({ text: `Dr. ${f.person.firstName()} ${f.person.lastName()} has an appointment opening tomorrow at ${f.number.int({ min: 8, max: 11 })}:30` }), n);
    case 1:
      return clean('clean-scheduling-messages', 'text/plain', `${f.person.firstName()} ${f.person.lastName()}'s appointment as ${f.helpers.arrayElement(['Chief Medical Officer', 'practice manager', 'board chair'])} was confirmed by the board on ${f.date.weekday()}.`, n);
    case 2:
      return clean('clean-scheduling-messages', 'text/plain', `The ${f.helpers.arrayElement(['Main Street', 'Riverside', 'North Campus'])} office is scheduled for a ${f.helpers.arrayElement(['fire inspection', 'network upgrade', 'deep clean'])} on ${f.date.weekday()}.`, n);
    case 3:
      return clean('clean-scheduling-messages', 'application/json', JSON.stringify({ name: 'visit_reminder', body: 'Hi {{first_name}} {{last_name}}, your appointment with {{provider}} is on {{date}}. Reply C to confirm.' }), n);
    case 4:
      return clean('clean-scheduling-messages', 'text/plain', `Hi Team, your appointment reminders now go out at ${f.number.int({ min: 7, max: 10 })}am. ${f.person.firstName()} ${f.person.lastName()} was admitted to the State Bar in ${f.number.int({ min: 1990, max: 2020 })}.`, n);
    default:
      return clean('clean-scheduling-messages', 'application/json', JSON.stringify({ text: `Front Desk has an appointment book at the window; Google Calendar has an appointment scheduling page. ${f.company.name()} is scheduled for a delivery on ${f.date.weekday()}.` }), n);
  }
};

/**
 * A chart's page or window title naming the patient, as analytics, session-replay and in-app
 * guidance tools on a web record system send it with every page view; and a relative named in
 * a patient's message about their care ("My son First Last was seen ...").
 */
const chartTitlesAndRelatives: Gen = (f, n) => {
  const p = person(f);
  const d = new DocBuilder();
  const view = f.helpers.arrayElement(['Patient Chart', 'Chart Review', 'Face Sheet', 'Patient Summary', 'Demographics', 'Problem List', 'Visit Summary']);
  const product = f.helpers.arrayElement(['athenaOne', 'eClinicalWorks', 'Practice Fusion', 'EHR']);
  switch (n % 4) {
    case 0:
      d.text('{"event":"$pageview","properties":{"$title":"').phi(`${p.first} ${p.last}`, 'names').text(` - ${view} - ${product}","$current_url":"https://ehr.example/charts/view"}}`);
      return { id: `title-json-${n}`, kind: 'chart-titles-and-relatives', contentType: 'application/json', body: d.build(), spans: d.spans, phi: true, structured: false };
    case 1:
      d.text(`v=2&tid=G-EHR123&en=page_view&dt=${encodeURIComponent(`${view}: `)}`).phi(encodeURIComponent(`${p.last}, ${p.first}`), 'names').text('&dl=https%3A%2F%2Fehr.example%2Fchart');
      return { id: `title-form-${n}`, kind: 'chart-titles-and-relatives', contentType: 'application/x-www-form-urlencoded', body: d.build(), spans: d.spans, phi: true, structured: false };
    case 2: {
      const relation = f.helpers.arrayElement(['son', 'daughter', 'husband', 'wife', 'mother', 'father']);
      d.text(`{"conversation":"c-${f.string.numeric(4)}","text":"Hello, my ${relation} `).phi(`${f.person.firstName()} ${p.last}`, 'names').text(` ${f.helpers.arrayElement(['was seen on Tuesday and we got a bill we do not understand', 'needs a refill of the inhaler', 'has a fever since yesterday, can we get an appointment'])}"}`);
      return { id: `relative-chat-${n}`, kind: 'chart-titles-and-relatives', contentType: 'application/json', body: d.build(), spans: d.spans, phi: true, structured: false };
    }
    default:
      d.text(`Call note: the patient's ${f.helpers.arrayElement(['wife', 'daughter', 'son', 'caregiver'])}, `).phi(`${f.person.firstName()} ${p.last}`, 'names').text(', called to ask about the discharge medications.\n');
      return { id: `relative-note-${n}`, kind: 'chart-titles-and-relatives', contentType: 'text/plain', body: d.build(), spans: d.spans, phi: true, structured: false };
  }
};

/** PHI-free counterparts: a dashboard's chart, a portal's page titles, a staff member's blog about their family. */
const cleanChartTitlesAndRelatives: Gen = (f, n) => {
  switch (n % 4) {
    case 0:
      return clean('clean-chart-titles-and-relatives', 'application/json', JSON.stringify({ event: '$pageview', properties: { $title: `${f.helpers.arrayElement(['Revenue Trends', 'Monthly Visits', 'Claims Aging'])} - Chart - ${f.helpers.arrayElement(['Looker', 'Metabase'])}` } }), n);
    case 1:
      return clean('clean-chart-titles-and-relatives', 'application/x-www-form-urlencoded', `v=2&tid=G-PORTAL1&en=page_view&dt=${encodeURIComponent(f.helpers.arrayElement(['Patient Portal - Visit Summary', 'Patient Chart - Help Center', 'Front Desk - Patient Dashboard']))}`, n);
    case 2:
      return clean('clean-chart-titles-and-relatives', 'text/plain', `Staff spotlight: "My ${f.helpers.arrayElement(['wife', 'husband', 'partner'])} ${f.person.firstName()} ${f.person.lastName()} and I moved here in ${f.number.int({ min: 1995, max: 2022 })}, and we love the farmers market."`, n);
    default:
      return clean('clean-chart-titles-and-relatives', 'application/json', JSON.stringify({ text: `Our partner ${f.company.name()} Corp handles billing; the clinic's appointment line opens at 8.` }), n);
  }
};

/**
 * Work lists and flattened documents: a name of any origin beside a date of birth and a word of
 * care ("First Last 04/12/1961 called re: refill", "Last, First - 4/12/61 - HTN f/u"), a form
 * whose label lost its colon in a PDF's text ("Patient Name First Last"), where someone is in the
 * clinic ("is in room 4"), a date of death.
 */
const workLists: Gen = (f, n) => {
  const p = person(f);
  const d = new DocBuilder();
  const [year, month, day] = p.iso.split('-');
  switch (n % 6) {
    case 5:
      // A surname alone, as staff shorthand writes it; drawn from the Census's most frequent (faker's are often not on it, most patients' are).
      d.text(`{"channel":"C04FRONTDESK","text":"${f.helpers.arrayElement(['pt', 'Pt', 'patient'])} `).phi(f.helpers.arrayElement(['Garcia', 'Nguyen', 'Johnson', 'Martinez', 'Williams', 'Patel', 'Kim', 'Robinson']), 'names').text(` ${f.helpers.arrayElement(['called re: labs', 'needs a refill', 'no-showed for the 2pm', 'is in room 3'])}"}`);
      return { id: `worklist-surname-${n}`, kind: 'work-lists', contentType: 'application/json', body: d.build(), spans: d.spans, phi: true, structured: false };
    case 0:
      d.text('{"channel":"C04FRONTDESK","text":"').phi(`${p.first} ${p.last}`, 'names').text(' ').phi(p.us, 'dates').text(` ${f.helpers.arrayElement(['called re: refill', 'called, wants a callback', 'no-show, please reschedule', 'needs labs before the appointment'])}"}`);
      return { id: `worklist-chat-${n}`, kind: 'work-lists', contentType: 'application/json', body: d.build(), spans: d.spans, phi: true, structured: false };
    case 1:
      d.text(`- [ ] `).phi(`${p.last}, ${p.first}`, 'names').text(' - ').phi(`${Number(month)}/${Number(day)}/${year!.slice(2)}`, 'dates').text(` - ${f.helpers.arrayElement(['HTN f/u', 'DM2 f/u', 'COPD f/u', 'new patient'])}\n`);
      return { id: `worklist-task-${n}`, kind: 'work-lists', contentType: 'text/plain', body: d.build(), spans: d.spans, phi: true, structured: false };
    case 2:
      d.text('REGISTRATION FORM\nPatient Name ').phi(`${p.first} ${p.last}`, 'names').text('\nDate of Birth ').phi(p.us, 'dates').text('\n');
      return { id: `worklist-pdftext-${n}`, kind: 'work-lists', contentType: 'text/plain', body: d.build(), spans: d.spans, phi: true, structured: false };
    case 3:
      d.text('{"text":"').phi(`${p.first} ${p.last}`, 'names').text(` is in ${f.helpers.arrayElement(['room ' + f.number.int({ min: 1, max: 14 }), 'the waiting room', 'exam room ' + f.number.int({ min: 1, max: 9 })])}, ready for ${f.helpers.arrayElement(['the provider', 'vitals', 'check-out'])}"}`);
      return { id: `worklist-room-${n}`, kind: 'work-lists', contentType: 'application/json', body: d.build(), spans: d.spans, phi: true, structured: false };
    default:
      d.text(`Condolence card list: Mr. ${p.last}'s ${f.helpers.arrayElement(['wife', 'mother', 'father'])} passed away on `).phi(`${pad(f.number.int({ min: 1, max: 12 }), 2)}/${pad(f.number.int({ min: 1, max: 28 }), 2)}/2026`, 'dates').text('.\n');
      return { id: `worklist-death-${n}`, kind: 'work-lists', contentType: 'text/plain', body: d.build(), spans: d.spans, phi: true, structured: false };
  }
};

/** PHI-free counterparts: a changelog's author and date, release notes, a form's error messages, staff rooms. */
const cleanWorkLists: Gen = (f, n) => {
  switch (n % 4) {
    case 0:
      return clean('clean-work-lists', 'text/plain', `version 1.${f.number.int({ min: 1, max: 40 })}.${f.number.int({ min: 0, max: 20 })} - ${f.helpers.arrayElement(['Paul Eggert', 'Sergey Poznyakoff', 'Jim Meyering'])}, ${f.number.int({ min: 1995, max: 2009 })}-0${f.number.int({ min: 1, max: 9 })}-1${f.number.int({ min: 0, max: 9 })}.\n\n* New translations ja, pt_BR.\n`, n);
    case 1:
      return clean('clean-work-lists', 'text/plain', `Release Notes ${pad(f.number.int({ min: 1, max: 12 }), 2)}/${pad(f.number.int({ min: 1, max: 28 }), 2)}/${f.number.int({ min: 1995, max: 2009 })}: see the results page for the new lab interface.`, n);
    case 2:
      return clean('clean-work-lists', 'application/json', JSON.stringify({ errors: ['Patient Name Is Required', 'Patient Name Mismatch Error', 'Date of Birth Is Required'], menu: 'Patient Login Patient Portal Patient Forms', note: 'patient Portal is down; pt Education was given' }), n);
    default:
      return clean('clean-work-lists', 'application/json', JSON.stringify({ text: `${f.person.firstName()} ${f.person.lastName()} is in the office on Mondays; room ${f.number.int({ min: 1, max: 14 })} is ready for the flu clinic.` }), n);
  }
};

/**
 * Staff requests about a patient, as task boards, team chat and chat assistants carry them: a
 * records request, a prior authorization, a referral, a call back, a relative who writes in, a
 * first name in a reminder, a calendar entry written last name first. No date, no label: the
 * name and what is asked for.
 */
const staffRequests: Gen = (f, n) => {
  const p = person(f);
  const d = new DocBuilder();
  const name = `${p.first} ${p.last}`;
  switch (n % 8) {
    case 0:
      d.text(`{"channel":"C04RECORDS","text":"${f.helpers.arrayElement(['Please fax records for ', 'Records request from ', 'Can you send the medical records for '])}`).phi(name, 'names').text(` ${f.helpers.arrayElement(['to Dr. Lee at Valley Ortho', 'before Friday', '(signed release on file)'])}"}`);
      return { id: `request-records-${n}`, kind: 'staff-requests', contentType: 'application/json', body: d.build(), spans: d.spans, phi: true, structured: false };
    case 1:
      d.text(`{"name":"${f.helpers.arrayElement(['Prior auth for ', 'PA approved for ', 'PA denied for ', 'Prior authorization submitted for '])}`).phi(name, 'names').text(` ${f.helpers.arrayElement(['(Ozempic 1mg)', '- MRI lumbar spine', '- needs appeal', '(Humira)'])}","idList":"5f1c${f.string.hexadecimal({ length: 8, prefix: '' })}"}`);
      return { id: `request-auth-${n}`, kind: 'staff-requests', contentType: 'application/json', body: d.build(), spans: d.spans, phi: true, structured: false };
    case 2:
      if (n % 16 === 2) d.text(`New referral from Dr. ${f.person.lastName()} for `).phi(name, 'names').text(`, needs ${f.helpers.arrayElement(['cardiology', 'GI', 'derm'])} consult ASAP\n`);
      else d.phi(name, 'names').text(` - ref to ${f.helpers.arrayElement(['cardiology', 'ortho', 'GI', 'neurology'])}, ${f.helpers.arrayElement(['urgent', 'routine', 'sent 11/20'])}\n`);
      return { id: `request-referral-${n}`, kind: 'staff-requests', contentType: 'text/plain', body: d.build(), spans: d.spans, phi: true, structured: false };
    case 3:
      d.text('{"text":"').phi(name, 'names').text(` ${f.helpers.arrayElement(['called re: billing', 'called re: her bill', 'left a voicemail about her bill', 'called, asking about lab results', 'called re: refill status', 'requested a copy of her records', 'would like to schedule a physical'])}, ${f.helpers.arrayElement(['please call back', 'cb requested', 'see msg'])}"}`);
      return { id: `request-callback-${n}`, kind: 'staff-requests', contentType: 'application/json', body: d.build(), spans: d.spans, phi: true, structured: false };
    case 4:
      d.text(`{"to":"+1555${f.string.numeric(7)}","body":"${f.helpers.arrayElement(['Hi ', 'Hello ', 'Hi ', 'Dear '])}`).phi(p.first, 'names').text(`, ${f.helpers.arrayElement(['your lab results are ready in the portal', 'your appointment with Dr. Patel is tomorrow at 10:30', 'your prescription is ready for pickup', 'your test results came back, please call us'])}."}`);
      return { id: `request-greeting-${n}`, kind: 'staff-requests', contentType: 'application/json', body: d.build(), spans: d.spans, phi: true, structured: false };
    case 5:
      d.text(`{"message":"${f.helpers.arrayElement(["I am ", "I'm ", 'This is '])}`).phi(name, 'names').text(`'s ${f.helpers.arrayElement(['daughter', 'son', 'wife', 'husband'])}, ${f.helpers.arrayElement(['she had surgery yesterday and the incision is red', 'he needs a refill of his blood pressure medication', 'we need to reschedule the appointment'])}"}`);
      return { id: `request-relative-${n}`, kind: 'staff-requests', contentType: 'application/json', body: d.build(), spans: d.spans, phi: true, structured: false };
    case 6:
      d.text('{"summary":"').phi(`${p.last}, ${p.first}`, 'names').text(` - ${f.helpers.arrayElement(['follow up', 'post-op follow up', 'f/u labs', 'recheck'])}","start":{"dateTime":"2026-11-24T15:00:00-05:00"}}`);
      return { id: `request-calendar-${n}`, kind: 'staff-requests', contentType: 'application/json', body: d.build(), spans: d.spans, phi: true, structured: false };
    default:
      d.text(`Please send `).phi(name, 'names').text(` ${f.helpers.arrayElement(['her records', 'his lab results', 'a copy of her chart', 'his referral paperwork'])} by mail.\n`);
      return { id: `request-send-${n}`, kind: 'staff-requests', contentType: 'text/plain', body: d.build(), spans: d.spans, phi: true, structured: false };
  }
};

/** PHI-free counterparts: the same phrases about companies, staff, drugs and meetings. */
const cleanStaffRequests: Gen = (f, n) => {
  switch (n % 8) {
    case 0:
      return clean('clean-staff-requests', 'application/json', JSON.stringify({ channel: 'C04RECORDS', text: `Records request from ${f.helpers.arrayElement(['Quest Diagnostics', 'Valley Orthopedics', 'Blue Cross', 'Social Security'])}: use the new release form.` }), n);
    case 1:
      return clean('clean-staff-requests', 'application/json', JSON.stringify({ name: `Prior auth for ${f.helpers.arrayElement(['Ozempic', 'Humira', 'Dupixent', 'Mounjaro'])} now needs the new form`, idList: '5f1c0a' }), n);
    case 2:
      return clean('clean-staff-requests', 'text/plain', `Referral for ${f.helpers.arrayElement(['Cardiology Associates', 'Valley Orthopedics', 'Physical Therapy'])} is now electronic; ${f.person.firstName()} ${f.person.lastName()} from IT will set it up.
`, n);
    case 3:
      return clean('clean-staff-requests', 'application/json', JSON.stringify({ text: `${f.person.firstName()} ${f.person.lastName()} called re: the copier lease; the quote is in the shared drive` }), n);
    case 4:
      return clean('clean-staff-requests', 'application/json', JSON.stringify({ body: `${f.helpers.arrayElement(['Hi Team', 'Hi All', 'Hello Everyone', 'Hi There'])}, your lab results dashboard is live.` }), n);
    case 5:
      return clean('clean-staff-requests', 'application/json', JSON.stringify({ message: `I am ${f.person.firstName()} ${f.person.lastName()}'s assistant, she is out of the office until Monday.` }), n);
    case 6:
      return clean('clean-staff-requests', 'application/json', JSON.stringify({ summary: `${f.helpers.arrayElement(['Budget Review', 'Staff Meeting', 'Q3 Planning'])} - follow up`, start: { dateTime: '2026-11-24T15:00:00-05:00' } }), n);
    default:
      return clean('clean-staff-requests', 'text/plain', `Please send ${f.helpers.arrayElement(['Billing', 'Front Desk', 'Accounts Payable'])} the records policy by Friday.
`, n);
  }
};

/**
 * Clinical facts stated about a patient by name in staff chat, chat-assistant prompts and a
 * practice's replies to online reviews: why they came in, what they take, what they are allergic
 * to, a case in shorthand, a reviewer thanked by first name for words about their surgery.
 */
const clinicalFacts: Gen = (f, n) => {
  const p = person(f);
  const d = new DocBuilder();
  const name = `${p.first} ${p.last}`;
  switch (n % 8) {
    case 0:
      d.text('{"text":"').phi(name, 'names').text(` ${f.helpers.arrayElement(['came in today with chest pain', 'came in this morning with a fever and cough', 'was in today for her flu shot', 'was seen today for a rash', 'presented with worsening shortness of breath'])}"}`);
      return { id: `fact-visit-${n}`, kind: 'clinical-facts', contentType: 'application/json', body: d.build(), spans: d.spans, phi: true, structured: false };
    case 1:
      d.text('{"messages":[{"role":"user","content":"').phi(name, 'names').text(` ${f.helpers.arrayElement(['is on metformin 500mg BID', 'is taking lisinopril 10 mg daily', 'was started on insulin glargine 10 units'])}; ${f.helpers.arrayElement(['any interactions with ibuprofen?', 'should we adjust for CKD?'])}"}]}`);
      return { id: `fact-meds-${n}`, kind: 'clinical-facts', contentType: 'application/json', body: d.build(), spans: d.spans, phi: true, structured: false };
    case 2:
      d.phi(name, 'names').text(` ${f.helpers.arrayElement(['is allergic to penicillin', 'has a history of breast cancer', 'has a hx of CHF', 'is allergic to sulfa drugs'])}, please flag the chart\n`);
      return { id: `fact-history-${n}`, kind: 'clinical-facts', contentType: 'text/plain', body: d.build(), spans: d.spans, phi: true, structured: false };
    case 3:
      d.text(`{"text":"${f.helpers.arrayElement(['We saw ', 'I saw ', 'Dr. Patel saw '])}`).phi(name, 'names').text(` ${f.helpers.arrayElement(['today for her diabetes', 'yesterday for a UTI', 'this morning for back pain', 'in clinic for a med check'])}"}`);
      return { id: `fact-saw-${n}`, kind: 'clinical-facts', contentType: 'application/json', body: d.build(), spans: d.spans, phi: true, structured: false };
    case 4:
      d.phi(name, 'names').text(` (${f.number.int({ min: 18, max: 89 })}${f.helpers.arrayElement(['F', 'M', ' y/o F', ' yo M'])}) - ${f.helpers.arrayElement(['CHF exacerbation, BNP 1400', 'COPD flare', 'DKA, admitted to ICU'])}\n`);
      return { id: `fact-case-${n}`, kind: 'clinical-facts', contentType: 'text/plain', body: d.build(), spans: d.spans, phi: true, structured: false };
    case 5:
      d.text(`{"text":"${f.helpers.arrayElement(['Patient is ', 'Pt is ', 'Patient name is '])}`).phi(name, 'names').text(`. ${f.helpers.arrayElement(['Needs a callback.', 'See note.', 'Waiting in lobby.'])}"}`);
      return { id: `fact-patient-is-${n}`, kind: 'clinical-facts', contentType: 'application/json', body: d.build(), spans: d.spans, phi: true, structured: false };
    case 6:
      d.text('{"comment":"').text(f.helpers.arrayElement(['Thank you ', 'Thanks '])).phi(p.first, 'names').text(` for your ${f.helpers.arrayElement(['kind words', 'review', 'feedback'])} about your ${f.helpers.arrayElement(['knee surgery', 'visit with Dr. Patel', 'root canal', 'hip replacement'])}!"}`);
      return { id: `fact-review-${n}`, kind: 'clinical-facts', contentType: 'application/json', body: d.build(), spans: d.spans, phi: true, structured: false };
    default:
      d.text('{"comment":"').phi(p.first, 'names').text(`, ${f.helpers.arrayElement(['we are sorry your wait for the colonoscopy was so long', "we're glad your hip replacement went well", 'we are so sorry to hear about your experience at your last appointment'])}. Please call our office."}`);
      return { id: `fact-review-reply-${n}`, kind: 'clinical-facts', contentType: 'application/json', body: d.build(), spans: d.spans, phi: true, structured: false };
  }
};

/** PHI-free counterparts: staff, vendors and companies in the same phrases. */
const cleanClinicalFacts: Gen = (f, n) => {
  switch (n % 8) {
    case 0:
      return clean('clean-clinical-facts', 'application/json', JSON.stringify({ text: `${f.person.firstName()} ${f.person.lastName()} from ${f.company.name()} came in today with the new brochures` }), n);
    case 1:
      return clean('clean-clinical-facts', 'application/json', JSON.stringify({ text: `${f.helpers.arrayElement(['Quest Diagnostics', 'Front Desk', 'Springfield Radiology'])} is on track for the 500 mg sample delivery` }), n);
    case 2:
      return clean('clean-clinical-facts', 'text/plain', `${f.company.name()} Corp has a history of on-time deliveries, please renew the contract
`, n);
    case 3:
      return clean('clean-clinical-facts', 'application/json', JSON.stringify({ text: `We saw ${f.helpers.arrayElement(['Record Growth', 'Strong Demand', 'Higher Volumes'])} this quarter in the flu clinic` }), n);
    case 4:
      return clean('clean-clinical-facts', 'text/plain', `Board Meeting (${f.number.int({ min: 2, max: 12 })} attendees) - budget review
`, n);
    case 5:
      return clean('clean-clinical-facts', 'application/json', JSON.stringify({ errors: ['Patient is required.', 'Patient name is missing.'] }), n);
    case 6:
      return clean('clean-clinical-facts', 'application/json', JSON.stringify({ comment: `Thank you ${f.helpers.arrayElement(['Team', 'Everyone', 'All'])} for your feedback about the staff meeting!` }), n);
    default:
      return clean('clean-clinical-facts', 'application/json', JSON.stringify({ comment: `${f.person.firstName()}, thanks for the notes from the staff meeting. We are glad the new schedule works.` }), n);
  }
};

/**
 * Patients who give only their first name in a chat widget, a day's schedule with the time
 * first, results sent "for" a patient, and a patient's results right after the name.
 */
const chatsAndSchedules: Gen = (f, n) => {
  const p = person(f);
  const d = new DocBuilder();
  switch (n % 4) {
    case 0:
      d.text(`{"conversation":"c-${f.string.numeric(4)}","text":"${f.helpers.arrayElement(['hi im ', 'Hi, this is ', 'My name is '])}`).phi(p.first, 'names').text(`${f.helpers.arrayElement([', i had a colonoscopy last week and im still bleeding', '. I need a refill of my inhaler', ' and I need to reschedule my appointment'])}"}`);
      return { id: `chat-first-${n}`, kind: 'chats-and-schedules', contentType: 'application/json', body: d.build(), spans: d.spans, phi: true, structured: false };
    case 1:
      d.text(`${f.number.int({ min: 8, max: 11 })}:${f.helpers.arrayElement(['00', '15', '30', '45'])} AM - `).phi(`${p.first} ${p.last}`, 'names').text(` (${f.helpers.arrayElement(['follow-up', 'new patient', 'annual physical', 'med check'])})\n`);
      return { id: `schedule-line-${n}`, kind: 'chats-and-schedules', contentType: 'text/plain', body: d.build(), spans: d.spans, phi: true, structured: false };
    case 2:
      d.text(`{"subject":"Results","text":"${f.helpers.arrayElement(['Lab results for ', 'Attached are the MRI results for ', 'Pathology report for '])}`).phi(`${p.first} ${p.last}`, 'names').text('. Please review."}');
      return { id: `results-for-${n}`, kind: 'chats-and-schedules', contentType: 'application/json', body: d.build(), spans: d.spans, phi: true, structured: false };
    default:
      d.phi(`${p.first} ${p.last}`, 'names').text(` - ${f.helpers.arrayElement(['A1c 8.2, LDL 160', 'BP 150/90, recheck in 2 weeks', 'INR 3.4, hold warfarin'])}\n`);
      return { id: `result-line-${n}`, kind: 'chats-and-schedules', contentType: 'text/plain', body: d.build(), spans: d.spans, phi: true, structured: false };
  }
};

/** PHI-free counterparts: a visitor's thanks, meetings on a schedule, a lab's interface, release notes. */
const cleanChatsAndSchedules: Gen = (f, n) => {
  switch (n % 4) {
    case 0:
      return clean('clean-chats-and-schedules', 'application/json', JSON.stringify({ conversation: `c-${f.string.numeric(4)}`, text: f.helpers.arrayElement([`Hi, this is ${f.person.firstName()}. Thanks for the great service at the front desk!`, 'This is Urgent. Please reschedule the staff appointment block.']) }), n);
    case 1:
      return clean('clean-chats-and-schedules', 'text/plain', `${f.number.int({ min: 8, max: 11 })}:00 AM - ${f.helpers.arrayElement(['Staff Meeting (follow-up)', 'Lincoln Park - flu shot clinic', 'Budget Review (follow-up)'])}
`, n);
    case 2:
      return clean('clean-chats-and-schedules', 'application/json', JSON.stringify({ subject: 'Interface', text: `Lab results for ${f.helpers.arrayElement(['Quest Diagnostics', 'Valley Orthopedics', 'Physical Therapy'])} orders now arrive by interface.` }), n);
    default:
      return clean('clean-chats-and-schedules', 'text/plain', `${f.helpers.arrayElement(['Release Notes - BMI 2.0 calculator added', 'Order Status - INR 2 units shipped', 'Vitamin Shoppe: Vitamin D 50% off'])}
`, n);
  }
};

const VIET_FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý'];
const VIET_MIDDLE = ['Văn', 'Thị', 'Hữu', 'Đức', 'Minh', 'Ngọc', 'Thanh', 'Quốc'];
const VIET_GIVEN = ['Thành', 'Hương', 'Linh', 'Hùng', 'Dũng', 'Tuấn', 'Lan', 'Mai', 'Phương', 'Hải', 'Trang', 'Anh', 'Nga', 'Hưng', 'Khoa'];

/**
 * Vietnamese names (family, middle and given name, with the letters of Latin Extended-B and
 * Latin Extended Additional: ư, ơ, ễ, ầ) where English names are found: after a label, in a
 * staff message, a greeting, a JSON field.
 */
const vietnameseNames: Gen = (f, n) => {
  const d = new DocBuilder();
  const name = `${f.helpers.arrayElement(VIET_FAMILY)} ${f.helpers.arrayElement(VIET_MIDDLE)} ${f.helpers.arrayElement(VIET_GIVEN)}`;
  switch (n % 4) {
    case 0:
      d.text('Visit note\nPatient: ').phi(name, 'names').text('\nReason: cough x 2 weeks\n');
      return { id: `viet-label-${n}`, kind: 'vietnamese-names', contentType: 'text/plain', body: d.build(), spans: d.spans, phi: true, structured: false };
    case 1:
      d.text('{"text":"').phi(name, 'names').text(` ${f.helpers.arrayElement(['came in today with chest pain', 'has an appointment tomorrow at 9:30', 'called re: her bill'])}"}`);
      return { id: `viet-chat-${n}`, kind: 'vietnamese-names', contentType: 'application/json', body: d.build(), spans: d.spans, phi: true, structured: false };
    case 2:
      d.text('{"body":"Dear ').phi(name, 'names').text(', your lab results are ready in the portal."}');
      return { id: `viet-greeting-${n}`, kind: 'vietnamese-names', contentType: 'application/json', body: d.build(), spans: d.spans, phi: true, structured: true };
    default:
      d.text('{"patient_name":"').phi(name, 'names').text('","visit":"follow-up"}');
      return { id: `viet-json-${n}`, kind: 'vietnamese-names', contentType: 'application/json', body: d.build(), spans: d.spans, phi: true, structured: true };
  }
};

/** PHI-free counterparts: a clinic's notices in Vietnamese, capitalized greetings of the season. */
const cleanVietnamese: Gen = (f, n) => {
  switch (n % 3) {
    case 0:
      return clean('clean-vietnamese', 'text/plain', 'Phòng khám mở cửa từ 8 giờ sáng đến 5 giờ chiều. Vui lòng gọi để đặt lịch hẹn.\n', n);
    case 1:
      return clean('clean-vietnamese', 'application/json', JSON.stringify({ text: `Chúc Mừng Năm Mới from ${f.helpers.arrayElement(['Springfield Family Medicine', 'the Front Desk', 'our staff'])}! Your appointment reminders now come in Vietnamese.` }), n);
    default:
      return clean('clean-vietnamese', 'application/json', JSON.stringify({ page: '/vi/dich-vu', title: 'Dịch Vụ Y Tế Gia Đình - Springfield Family Medicine' }), n);
  }
};

const ZH_FAMILY = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周'];
const ZH_GIVEN = ['小明', '伟', '芳', '娜', '秀英', '敏', '静', '丽', '强', '磊', '军', '洋'];
const KO_FAMILY = ['김', '이', '박', '최', '정', '강', '조', '윤'];
const KO_GIVEN = ['민준', '서연', '지훈', '하은', '도윤', '서윤', '예준'];
const RU_NAMES = ['Иван Петров', 'Анна Смирнова', 'Ольга Кузнецова', 'Дмитрий Попов', 'Елена Васильева', 'Сергей Соколов'];

/**
 * Names and dates of birth in Chinese, Korean and Russian, after labels in English or in those
 * languages, and in JSON fields: scripts without the capitals the Latin name patterns go by.
 */
const nonLatinNames: Gen = (f, n) => {
  const d = new DocBuilder();
  const zh = `${f.helpers.arrayElement(ZH_FAMILY)}${f.helpers.arrayElement(ZH_GIVEN)}`;
  const ko = `${f.helpers.arrayElement(KO_FAMILY)}${f.helpers.arrayElement(KO_GIVEN)}`;
  switch (n % 6) {
    case 0:
      d.text('门诊登记\n姓名：').phi(zh, 'names').text('\n性别：女\n');
      return { id: `nonlatin-zh-label-${n}`, kind: 'non-latin-names', contentType: 'text/plain', body: d.build(), spans: d.spans, phi: true, structured: false };
    case 1:
      d.text('Visit note\nPatient: ').phi(zh, 'names').text('\nReason: cough x 2 weeks\n');
      return { id: `nonlatin-en-label-${n}`, kind: 'non-latin-names', contentType: 'text/plain', body: d.build(), spans: d.spans, phi: true, structured: false };
    case 2:
      d.text('{"patient_name":"').phi(ko, 'names').text('","visit":"follow-up"}');
      return { id: `nonlatin-json-${n}`, kind: 'non-latin-names', contentType: 'application/json', body: d.build(), spans: d.spans, phi: true, structured: true };
    case 3:
      d.text('{"text":"이름: ').phi(ko, 'names').text(', 예약 확인 부탁드립니다"}');
      return { id: `nonlatin-ko-label-${n}`, kind: 'non-latin-names', contentType: 'application/json', body: d.build(), spans: d.spans, phi: true, structured: false };
    case 4:
      d.text('Имя: ').phi(f.helpers.arrayElement(RU_NAMES), 'names').text('\nЖалобы: кашель\n');
      return { id: `nonlatin-ru-label-${n}`, kind: 'non-latin-names', contentType: 'text/plain', body: d.build(), spans: d.spans, phi: true, structured: false };
    default:
      d.text('出生日期：').phi(`${f.number.int({ min: 1930, max: 2010 })}年${f.number.int({ min: 1, max: 12 })}月${f.number.int({ min: 1, max: 28 })}日`, 'dates').text('\n');
      return { id: `nonlatin-zh-dob-${n}`, kind: 'non-latin-names', contentType: 'text/plain', body: d.build(), spans: d.spans, phi: true, structured: false };
  }
};

/** PHI-free counterparts: translation files of a form's labels, a clinic's notices, a release date. */
const cleanNonLatin: Gen = (f, n) => {
  switch (n % 4) {
    case 0:
      return clean('clean-non-latin', 'application/json', JSON.stringify({ zh: { firstName: '名字', lastName: '姓氏', dateOfBirth: '出生日期', phone: '手机号码', email: '请输入电子邮件' } }), n);
    case 1:
      return clean('clean-non-latin', 'application/json', JSON.stringify({ ko: { name: '이름', dob: '생년월일', address: '주소를 입력하세요' }, ru: { firstName: 'Имя', lastName: 'Фамилия' } }), n);
    case 2:
      return clean('clean-non-latin', 'text/plain', `门诊时间：周一至周五 8:00-17:00。预约请致电 ${f.helpers.arrayElement(['前台', '诊所'])}。\n`, n);
    default:
      return clean('clean-non-latin', 'text/plain', `发布日期：${f.number.int({ min: 2015, max: 2026 })}年3月14日 版本 2.1\nПримечание: Клиника Работает\n`, n);
  }
};

const AR_NAMES = ['محمد أحمد', 'فاطمة الزهراء علي', 'أحمد حسن', 'مريم خالد', 'يوسف عبد الله', 'نور الهدى سالم', 'عمر الراشد', 'ليلى منصور'];
const FA_NAMES = ['علی رضایی', 'زهرا محمدی', 'مهدی حسینی', 'فاطمه کریمی', 'رضا احمدی'];
const UR_BN_PA_NAMES = ['عمران خان', 'آمنہ بی بی', 'আব্দুল করিম', 'রহিমা বেগম', 'ਹਰਪ੍ਰੀਤ ਸਿੰਘ', 'ਗੁਰਪ੍ਰੀਤ ਕੌਰ'];
const HE_NAMES = ['דוד כהן', 'שרה לוי', 'יוסף מזרחי', 'רחל פרץ', 'משה ביטון'];
const HI_NAMES = ['राहुल शर्मा', 'सुनीता देवी', 'अमित कुमार', 'प्रिया पटेल', 'राजेश सिंह'];
const TH_NAMES = ['สมชาย ใจดี', 'สมหญิง รักดี', 'ประยุทธ์ ศรีสุข', 'มาลี วงศ์ใหญ่'];
const EL_NAMES = ['Γιώργος Παπαδόπουλος', 'Μαρία Κωνσταντίνου', 'Νίκος Γεωργίου', 'Ελένη Δημητρίου'];
const ARABIC_DIGITS = '٠١٢٣٤٥٦٧٨٩';

/**
 * Names, dates of birth and telephone numbers in Arabic, Persian, Urdu, Bengali, Punjabi,
 * Hebrew, Hindi, Thai and Greek after labels in English or in those languages, the digits of
 * a phone typed on an Arabic keyboard, and a JSON field: scripts without Latin capitals.
 */
const otherScriptNames: Gen = (f, n) => {
  const d = new DocBuilder();
  const dob = `${String(f.number.int({ min: 1, max: 28 })).padStart(2, '0')}/${String(f.number.int({ min: 1, max: 12 })).padStart(2, '0')}/${f.number.int({ min: 1930, max: 2010 })}`;
  const doc = (variant: string, contentType: string, structured: boolean): LabelledDoc => ({ id: `script-${variant}-${n}`, kind: 'other-script-names', contentType, body: d.build(), spans: d.spans, phi: true, structured });
  switch (n % 8) {
    case 0:
      d.text('استمارة التسجيل\nالاسم: ').phi(f.helpers.arrayElement(AR_NAMES), 'names').text('\nتاريخ الميلاد: ').phi(dob, 'dates').text('\n');
      return doc('ar-form', 'text/plain', false);
    case 1:
      d.text('Visit note\nPatient: ').phi(f.helpers.arrayElement(HE_NAMES), 'names').text('\nReason: cough x 2 weeks\n');
      return doc('he-note', 'text/plain', false);
    case 2:
      d.text('{"text":"नाम: ').phi(f.helpers.arrayElement(HI_NAMES), 'names').text(', कृपया मेरी अपॉइंटमेंट की पुष्टि करें"}');
      return doc('hi-chat', 'application/json', false);
    case 3:
      d.text('ชื่อ-นามสกุล: ').phi(f.helpers.arrayElement(TH_NAMES), 'names').text('\nวันเกิด: ').phi(dob, 'dates').text('\n');
      return doc('th-form', 'text/plain', false);
    case 4:
      d.text('Ονοματεπώνυμο: ').phi(f.helpers.arrayElement(EL_NAMES), 'names').text('\nΗμερομηνία γέννησης: ').phi(dob, 'dates').text('\n');
      return doc('el-form', 'text/plain', false);
    case 5:
      d.text('{"message":"نام بیمار: ').phi(f.helpers.arrayElement(FA_NAMES), 'names').text(' - نوبت دکتر فردا"}');
      return doc('fa-chat', 'application/json', false);
    case 6: {
      const digits = `${f.helpers.arrayElement(['312', '773', '617', '214'])}-555-${String(f.number.int({ min: 100, max: 9999 })).padStart(4, '0')}`;
      d.text('{"text":"Callback number: ').phi(digits.replace(/\d/g, (c) => ARABIC_DIGITS[Number(c)]!), 'phone').text(' - re: lab results"}');
      return doc('arabic-digits', 'application/json', false);
    }
    default:
      d.text('{"patient_name":"').phi(f.helpers.arrayElement(UR_BN_PA_NAMES), 'names').text('","visit":"follow-up"}');
      return doc('json', 'application/json', true);
  }
};

/**
 * PHI-free counterparts: translation files of a form's labels in those languages, a language
 * picker, a clinic's notices and a price in Arabic digits.
 */
const cleanOtherScripts: Gen = (f, n) => {
  switch (n % 5) {
    case 0:
      return clean('clean-other-scripts', 'application/json', JSON.stringify({ ar: { firstName: 'الاسم الأول', lastName: 'اسم العائلة', dob: 'تاريخ الميلاد', phone: 'رقم الهاتف' }, he: { firstName: 'שם פרטי', lastName: 'שם משפחה', dob: 'תאריך לידה' } }), n);
    case 1:
      return clean('clean-other-scripts', 'application/json', JSON.stringify({ hi: { firstName: 'पहला नाम', lastName: 'उपनाम', dob: 'जन्म तिथि' }, fa: { firstName: 'نام', lastName: 'نام خانوادگی' }, el: { firstName: 'Όνομα', lastName: 'Επώνυμο' }, th: { firstName: 'ชื่อ', lastName: 'นามสกุล' } }), n);
    case 2:
      return clean('clean-other-scripts', 'text/yaml', `languages:\n${f.helpers.arrayElements([['ar', 'العربية'], ['he', 'עברית'], ['hi', 'हिन्दी'], ['th', 'ไทย'], ['el', 'Ελληνικά'], ['fa', 'فارسی'], ['zh', '中文']], 4).map(([code, name]) => `  - code: ${code}\n    name: ${name}\n`).join('')}`, n);
    case 3:
      return clean('clean-other-scripts', 'text/plain', `ملاحظة: العيادة مغلقة يوم ${f.helpers.arrayElement(['الجمعة', 'السبت'])}\nالسعر: ${ARABIC_DIGITS[1]}${ARABIC_DIGITS[2]}${ARABIC_DIGITS[0]} ريال\n`, n);
    default:
      return clean('clean-other-scripts', 'text/plain', `समय: सुबह 9 बजे से शाम 5 बजे तक\nหมายเหตุ: คลินิกปิดวันอาทิตย์\n`, n);
  }
};

/**
 * The front desk's shorthand on a task board or in team chat: a schedule line with the
 * clinician ("... 2:30pm tomorrow with Dr. Patel"), a test's result and the prescription sent
 * ("... - strep positive - amoxicillin sent"), a plan's member number after the payer's name.
 */
const deskShorthand: Gen = (f, n) => {
  const p = person(f);
  const d = new DocBuilder();
  const doc = (variant: string, contentType: string): LabelledDoc => ({ id: `desk-${variant}-${n}`, kind: 'desk-shorthand', contentType, body: d.build(), spans: d.spans, phi: true, structured: false });
  switch (n % 5) {
    case 0:
      d.text('{"channel":"C0FRONT","text":"Reminder: ').phi(`${p.first} ${p.last}`, 'names').text(` ${f.number.int({ min: 1, max: 11 })}:${f.helpers.arrayElement(['00', '15', '30', '45'])}${f.helpers.arrayElement(['pm', ' PM', 'am'])} ${f.helpers.arrayElement(['tomorrow', 'today', 'on Friday'])} with Dr. ${f.person.lastName()}"}`);
      return doc('schedule', 'application/json');
    case 1:
      d.phi(`${p.first} ${p.last}`, 'names').text(` - ${f.helpers.arrayElement(['strep positive', 'rapid strep negative', 'flu A positive', 'UA positive', 'covid negative'])} - ${f.helpers.arrayElement(['amoxicillin sent', 'Rx sent to CVS', 'nitrofurantoin e-prescribed', 'no abx'])}\n`);
      return doc('result', 'text/plain');
    case 2:
      d.text('{"text":"').phi(`${p.first} ${p.last}`, 'names').text(`: ${f.helpers.arrayElement(['lisinopril increased to 20mg', 'metformin refilled', 'sertraline started', 'Rx sent to Walgreens'])}"}`);
      return doc('rx', 'application/json');
    case 3:
      d.text(`{"task":"Please update the insurance to ${f.helpers.arrayElement(['Aetna', 'Cigna', 'Humana', 'Medicaid', 'BCBS'])} member `).phi(`${f.string.alpha({ length: 1, casing: 'upper' })}${f.string.numeric(9)}`, 'health-plan').text('"}');
      return doc('member', 'application/json');
    default:
      d.phi(`${p.first} ${p.last}`, 'names').text(` ${f.helpers.arrayElement(['tomorrow at 9am', 'at 3:15 PM', 'Monday 10:30am'])} w/ ${f.helpers.arrayElement(['NP', 'Dr.'])} ${f.person.lastName()} - ${f.helpers.arrayElement(['new patient', 'follow-up', 'med check'])}\n`);
      return doc('schedule-line', 'text/plain');
  }
};

/** PHI-free counterparts: events with a clinician, a quarter's outlook, a team's member count, an order sent. */
const cleanDeskShorthand: Gen = (f, n) => {
  switch (n % 4) {
    case 0:
      return clean('clean-desk-shorthand', 'application/json', JSON.stringify({ channel: 'C0FRONT', text: `${f.helpers.arrayElement(['Grand Rounds', 'Staff Meeting', 'Lunch and Learn', 'Budget Review'])} ${f.number.int({ min: 1, max: 11 })}:30pm ${f.helpers.arrayElement(['tomorrow', 'on Friday'])} with Dr. ${f.person.lastName()}` }), n);
    case 1:
      return clean('clean-desk-shorthand', 'text/plain', `${f.helpers.arrayElement(['Quarterly Review', 'Patient Survey', 'Flu Clinic'])} - positive feedback for Q${f.number.int({ min: 1, max: 4 })}\n`, n);
    case 2:
      return clean('clean-desk-shorthand', 'application/json', JSON.stringify({ team: 'front-desk', member_count: f.number.int({ min: 10000, max: 99999 }), text: `New team member ${f.person.firstName()} joins Monday` }), n);
    default:
      return clean('clean-desk-shorthand', 'text/plain', `${f.helpers.arrayElement(['Medline Order', 'Supply Request', 'Toner Order'])} - invoice sent, PO ${f.string.numeric(6)}\n`, n);
  }
};

/** First names from the SSA list (person-name-first-result reads only known given names). */
const FIRST_NAMES = ['Keisha', 'Darnell', 'Marcus', 'Jasmine', 'Brian', 'Tyler', 'Ashley', 'Latoya', 'Andre', 'Monica', 'Kevin', 'Tamika', 'Carlos', 'Linda', 'Derek', 'Trevor', 'Gloria', 'Hector', 'Yolanda'];

/** A patient named by first name alone before a result of theirs, in staff chat and chat-assistant prompts. */
const firstNameResults: Gen = (f, n) => {
  const d = new DocBuilder();
  const name = f.helpers.arrayElement(FIRST_NAMES);
  const doc = (variant: string, contentType: string): LabelledDoc => ({ id: `first-result-${variant}-${n}`, kind: 'first-name-results', contentType, body: d.build(), spans: d.spans, phi: true, structured: false });
  switch (n % 4) {
    case 0:
      d.text('{"model":"gpt-4o","messages":[{"role":"user","content":"').phi(name, 'names').text(`'s INR is ${f.number.float({ min: 1.1, max: 5.5, fractionDigits: 1 })}, ${f.helpers.arrayElement(['should I hold the warfarin?', 'what dose change do you suggest?', 'is that too high?'])}"}]}`);
      return doc('prompt', 'application/json');
    case 1:
      d.phi(name, 'names').text(`'s ${f.helpers.arrayElement(['A1c came back at', 'latest A1c is', 'fasting glucose was', 'potassium was'])} ${f.number.float({ min: 4.5, max: 12, fractionDigits: 1 })} ${f.helpers.arrayElement(['this morning', 'today', '- please call', ''])}\n`);
      return doc('chat', 'text/plain');
    case 2:
      d.text('{"text":"').phi(name, 'names').text(`'s BP: ${f.number.int({ min: 140, max: 190 })}/${f.number.int({ min: 85, max: 115 })} on recheck, ${f.helpers.arrayElement(['Dr. notified', 'rechecking in 15', 'meds given'])}"}`);
      return doc('vitals', 'application/json');
    default:
      d.text(`${f.helpers.arrayElement(['FYI', 'Heads up', 'Triage'])}: `).phi(name, 'names').text(`'s temp ${f.number.float({ min: 100.4, max: 104, fractionDigits: 1 })} and HR ${f.number.int({ min: 100, max: 140 })}\n`);
      return doc('triage', 'text/plain');
  }
};

/** PHI-free counterparts: a day's, a device's, a hospital's or a month's results and numbers, a first name's team. */
const cleanFirstNameResults: Gen = (f, n) => {
  switch (n % 5) {
    case 0:
      return clean('clean-first-name-results', 'text/plain', `Today's glucose ${f.number.int({ min: 100, max: 900 })} readings were uploaded to the dashboard\n`, n);
    case 1:
      return clean('clean-first-name-results', 'application/json', JSON.stringify({ sku: f.string.numeric(6), title: `${f.helpers.arrayElement(['Omron', 'Withings', 'iHealth'])}'s BP ${f.number.int({ min: 5000, max: 9999 })} monitor is on sale` }), n);
    case 2:
      return clean('clean-first-name-results', 'text/plain', `Children's BMI ${f.number.int({ min: 5, max: 95 })}th percentile chart (CDC)\n`, n);
    case 3:
      return clean('clean-first-name-results', 'application/json', JSON.stringify({ text: `${f.helpers.arrayElement(FIRST_NAMES)}'s team has ${f.number.int({ min: 2, max: 30 })} open tickets` }), n);
    default:
      return clean('clean-first-name-results', 'text/plain', `${f.helpers.arrayElement(['June', 'March', 'May'])}'s A1c average across the clinic was ${f.number.float({ min: 6, max: 8, fractionDigits: 1 })}\n`, n);
  }
};

/** Surnames from the Census list (visit-name takes an initialed surname only when it is a known one). */
const SURNAMES = ['Washington', 'Garcia', 'Smith', 'Johnson', 'Nguyen', 'Martinez', 'Brown', 'Davis', 'Lopez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Harris', 'Clark', 'Lewis', 'Robinson'];

/** Staff shorthand with an initial and a surname, or a first name and an initial, before a result or a prescription. */
const initialedShorthand: Gen = (f, n) => {
  const d = new DocBuilder();
  const initial = f.string.alpha({ length: 1, casing: 'upper' });
  const name = n % 2 === 0 ? `${initial}. ${f.helpers.arrayElement(SURNAMES)}` : `${f.helpers.arrayElement(FIRST_NAMES)} ${initial}.`;
  const doc = (variant: string, contentType: string): LabelledDoc => ({ id: `initialed-${variant}-${n}`, kind: 'initialed-shorthand', contentType, body: d.build(), spans: d.spans, phi: true, structured: false });
  switch (n % 4) {
    case 0:
    case 1:
      d.phi(name, 'names').text(` - ${f.helpers.arrayElement([`BP ${f.number.int({ min: 140, max: 190 })}/${f.number.int({ min: 85, max: 110 })}`, `A1c ${f.number.float({ min: 6.5, max: 12, fractionDigits: 1 })}`, 'strep positive', 'flu A positive'])}, ${f.helpers.arrayElement(['recheck Friday', 'Rx sent', 'call back', 'Dr. notified'])}\n`);
      return doc('line', 'text/plain');
    default:
      d.text('{"channel":"C0NURSE","text":"').phi(name, 'names').text(`: ${f.helpers.arrayElement(['lisinopril increased to 20mg', 'rapid strep negative', 'amoxicillin sent', `INR ${f.number.float({ min: 1.5, max: 4.5, fractionDigits: 1 })}`])}"}`);
      return doc('chat', 'application/json');
  }
};

/** PHI-free counterparts: an initial before a team, a plan or a product, and their news. */
const cleanInitialedShorthand: Gen = (f, n) => {
  const initial = f.string.alpha({ length: 1, casing: 'upper' });
  switch (n % 3) {
    case 0:
      return clean('clean-initialed-shorthand', 'text/plain', `${initial}. ${f.helpers.arrayElement(['Team', 'Review', 'Office', 'Supply'])} - invoice sent, PO ${f.string.numeric(6)}\n`, n);
    case 1:
      return clean('clean-initialed-shorthand', 'application/json', JSON.stringify({ text: `Plan ${initial}. - positive outlook for Q${f.number.int({ min: 1, max: 4 })}` }), n);
    default:
      return clean('clean-initialed-shorthand', 'text/plain', `Release ${initial}. - BP ${f.number.int({ min: 2, max: 9 })}.0 module shipped\n`, n);
  }
};

/** A street address in capitals beside an address word: courier notes, DME orders, mailing changes. */
const capsAddresses: Gen = (f, n) => {
  const d = new DocBuilder();
  // As the USPS standardizes a mailing address: a number, a direction, a name, a suffix (its abbreviation or its word).
  const street = `${f.number.int({ min: 10, max: 9999 })} ${f.helpers.arrayElement(['', 'N ', 'S ', 'E ', 'W '])}${f.helpers.arrayElement([f.person.lastName(), f.helpers.arrayElement(['MAPLE', 'OAK', 'ELM', 'PINE', 'CEDAR', 'WALNUT', 'LAKE', 'HILL', 'PARK', 'MAIN']), `${f.number.int({ min: 2, max: 99 })}TH`]).toUpperCase()} ${f.helpers.arrayElement(['ST', 'AVE', 'RD', 'DR', 'LN', 'CT', 'BLVD', 'PL', 'WAY', 'CIR', 'TER', 'TRL', 'PKWY', 'HWY', 'STREET', 'AVENUE', 'ROAD', 'DRIVE', 'LANE', 'COURT', 'BOULEVARD', 'PARKWAY'])}${f.helpers.arrayElement(['', '', ` APT ${f.number.int({ min: 1, max: 40 })}`, ` UNIT ${f.string.alpha({ length: 1, casing: 'upper' })}`])}`;
  const doc = (variant: string, contentType: string): LabelledDoc => ({ id: `caps-address-${variant}-${n}`, kind: 'caps-addresses', contentType, body: d.build(), spans: d.spans, phi: true, structured: false });
  switch (n % 3) {
    case 0:
      d.text(`Courier note: deliver to `).phi(street, 'geographic').text(` ${f.helpers.arrayElement(['before noon', 'side door', 'leave with front desk'])}\n`);
      return doc('courier', 'text/plain');
    case 1:
      d.text('{"note":"home address changed to ').phi(street, 'geographic').text('"}');
      return doc('change', 'application/json');
    default:
      d.text('SHIP TO: ').phi(street, 'geographic').text(` - ${f.helpers.arrayElement(['CPAP SUPPLIES', 'WALKER', 'GLUCOSE TEST STRIPS', 'NEBULIZER'])}\n`);
      return doc('dme', 'text/plain');
  }
};

/** PHI-free counterparts: capitals and numbers in notes and logs, beside "home" and "address", with no street. */
const cleanCapsAddresses: Gen = (f, n) => {
  switch (n % 3) {
    case 0:
      return clean('clean-caps-addresses', 'text/plain', `SEEN ${f.number.int({ min: 2, max: 9 })} DAYS AGO BY DR ${f.person.lastName().toUpperCase()} FOR COUGH, HOME CARE INSTRUCTIONS GIVEN\n`, n);
    case 1:
      return clean('clean-caps-addresses', 'application/json', JSON.stringify({ level: 'WARN', msg: `HOME SCREEN: ${f.number.int({ min: 2, max: 40 })} NEW TILES ADDED, ADDRESS BOOK SYNC OK` }), n);
    default:
      return clean('clean-caps-addresses', 'text/plain', `HAD ${f.number.int({ min: 1, max: 3 })} HEAD CT TODAY, NO ACUTE FINDINGS. MAILING LIST UPDATED.\n`, n);
  }
};

/** A first name in parentheses after the word for the patient, in staff notes and messages. */
const patientParen: Gen = (f, n) => {
  const d = new DocBuilder();
  const doc = (variant: string, contentType: string): LabelledDoc => ({ id: `patient-paren-${variant}-${n}`, kind: 'patient-paren', contentType, body: d.build(), spans: d.spans, phi: true, structured: false });
  if (n % 2 === 0) {
    d.text(`${f.helpers.arrayElement(['The patient', 'Pt', 'patient'])} (`).phi(f.helpers.arrayElement(FIRST_NAMES), 'names').text(`) called ${f.helpers.arrayElement(['about her refill', 'asking about results', 'to reschedule', 'with a fever'])}\n`);
    return doc('note', 'text/plain');
  }
  d.text('{"text":"caller (').phi(f.helpers.arrayElement(FIRST_NAMES), 'names').text(`) wants a callback re: ${f.helpers.arrayElement(['MRI', 'lab results', 'billing', 'prior auth'])}"}`);
  return doc('chat', 'application/json');
};

/** PHI-free counterparts: the word for the patient before a field's or a form's label in parentheses. */
const cleanPatientParen: Gen = (f, n) =>
  n % 2 === 0
    ? clean('clean-patient-paren', 'text/plain', `${f.helpers.arrayElement(['patient (New) portal login is down', 'pt (Adult) dosing table updated', 'Patient (Mark) field is required'])} - ticket ${f.string.numeric(5)}\n`, n)
    : clean('clean-patient-paren', 'application/json', JSON.stringify({ text: `client (${f.helpers.arrayElement(['Acme', 'Medline', 'Staples'])}) invoice sent` }), n);

export const ADDED_GENERATORS: Record<string, Gen> = { reminder, wrappedMessage, webIntake, cleanForms, pixelMatching, documentsAndCards, cleanDocuments, sessionReplay, cleanSessionReplay, appTelemetry, cleanAppTelemetry, notesSpanishNames, cleanSpanishProse, vendorApis, cleanVendorApis, formsAndExports, cleanFormsAndExports, imagingAndMail, cleanImagingAndMail, calendarsAndAlerts, cleanCalendarsAndAlerts, patientMessages, cleanPatientMessages, registrationAndExports, cleanRegistrationAndExports, errorReports, cleanErrorReports, caseLetters, cleanCaseLetters, voicemailTranscripts, cleanVoicemailTranscripts, partialDates, cleanPartialDates, reportLayouts, cleanReportLayouts, schedulingMessages, cleanSchedulingMessages, chartTitlesAndRelatives, cleanChartTitlesAndRelatives, workLists, cleanWorkLists, staffRequests, cleanStaffRequests, clinicalFacts, cleanClinicalFacts, chatsAndSchedules, cleanChatsAndSchedules, vietnameseNames, cleanVietnamese, nonLatinNames, cleanNonLatin, otherScriptNames, cleanOtherScripts, deskShorthand, cleanDeskShorthand, firstNameResults, cleanFirstNameResults, initialedShorthand, cleanInitialedShorthand, capsAddresses, cleanCapsAddresses, patientParen, cleanPatientParen };

/** `perKind` documents of every kind, the same for the same seed. */
export function generateCorpus(seed: number, perKind: number): LabelledDoc[] {
  const f = new Faker({ locale: [en, base] });
  f.seed(seed);
  const docs: LabelledDoc[] = [];
  for (const gen of [...Object.values(PHI_GENERATORS), ...Object.values(CLEAN_GENERATORS), ...Object.values(ADDED_GENERATORS)]) {
    for (let i = 0; i < perKind; i++) docs.push(gen(f, i));
  }
  return docs;
}
