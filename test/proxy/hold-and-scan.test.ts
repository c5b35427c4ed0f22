import { createHash } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditRecords, curl, outputsOf, recordOf, startProxy, viaAgent, type TestProxy } from '../helpers/proxy.js';
import { useRecordingUpstream } from '../helpers/upstream.js';
import { VENDORS, settings } from './policy-fixture.js';

const up = useRecordingUpstream({ beforeAll, afterAll, beforeEach });
let proxy: TestProxy;
beforeAll(async () => {
  proxy = await startProxy(VENDORS, settings('scan:\n  max_body_bytes: 65536\n'));
});
afterAll(async () => {
  await proxy.stop();
});

const PHI_VALUES = ['536-22-1845', 'Rosa Garcia', '02/11/1947', 'XGH48291033', 'GARCIA^ROSA', '19470211'];
const NOTE = 'Patient: Rosa Garcia DOB 02/11/1947 SSN 536-22-1845';
const pixel = () => `http://pixel.example:${up.port}/collect`;

/** Sends raw bytes through the proxy with node:http, in the chunks given, as a chunked body. */
function sendChunks(url: string, chunks: Buffer[], headers: Record<string, string> = {}): Promise<{ status: number; reason: string | undefined }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: proxy.port, method: 'POST', path: url, headers: { 'transfer-encoding': 'chunked', ...headers } }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, reason: res.headers['x-phiwall-reason'] as string | undefined }));
    });
    req.on('error', reject);
    (async () => {
      for (const c of chunks) {
        req.write(c);
        await new Promise((r) => setTimeout(r, 5));
      }
      req.end();
    })().catch(reject);
  });
}

/** A Sentry envelope carrying a session replay whose recording (zlib-compressed, as the SDK sends it) shows `text`. */
function sentryReplay(text: string): Buffer {
  const recording = Buffer.concat([Buffer.from('{"segment_id":0}\n'), deflateSync(Buffer.from(JSON.stringify([{ type: 2, data: { node: { type: 0, id: 1, childNodes: [{ type: 3, id: 2, textContent: text }] } } }])))]);
  return Buffer.concat([Buffer.from(`{"event_id":"9ec79c33ec9942ab8353589fcb2e04dc","sent_at":"2026-11-22T10:00:00Z"}\n{"type":"replay_recording","length":${recording.length}}\n`), recording, Buffer.from('\n')]);
}

/** A Sentry envelope carrying one error event with `message` as its exception's value. */
const sentryEvent = (message: string): Buffer =>
  Buffer.from(`{"event_id":"9ec79c33ec9942ab8353589fcb2e04dc"}\n{"type":"event"}\n${JSON.stringify({ exception: { values: [{ type: 'NotFoundError', value: message }] }, level: 'error' })}\n`);

/** A DICOMweb STOW-RS request whose one part is a study's metadata in the DICOM JSON model. */
const stow = (json: string): Buffer => Buffer.from(`--b1\r\nContent-Type: application/dicom+json\r\n\r\n${json}\r\n--b1--\r\n`);

describe('PHI to a vendor without a BAA is blocked, however it is encoded; not one byte reaches the vendor', () => {
  it.each([
    ['plain JSON', Buffer.from(JSON.stringify({ note: NOTE })), { 'content-type': 'application/json' }],
    ['gzip body', gzipSync(Buffer.from(NOTE)), { 'content-type': 'text/plain', 'content-encoding': 'gzip' }],
    ['br body', brotliCompressSync(Buffer.from(NOTE)), { 'content-type': 'text/plain', 'content-encoding': 'br' }],
    ['JSON \\u escapes', Buffer.from('{"note":"SSN \\u0035\\u0033\\u0036-22-1845"}'), { 'content-type': 'application/json' }],
    ['form fields', Buffer.from('first_name=Rosa&last_name=Garcia&dob=02%2F11%2F1947'), { 'content-type': 'application/x-www-form-urlencoded' }],
    ['HL7 v2 as text/plain', Buffer.from('MSH|^~\\&|A|B|C|D|20261122||ADT^A01|1|P|2.5.1\rPID|1||4471920^^^RB^MR||GARCIA^ROSA||19470211\r'), { 'content-type': 'text/plain' }],
    ['X12 as text/plain', Buffer.from('ISA*00*          *00*          *ZZ*A              *ZZ*B              *261122*0830*^*00501*000000001*0*P*:~ST*837*1~NM1*IL*1*GARCIA*ROSA****MI*XGH48291033~DMG*D8*19470211~SE*3*1~'), { 'content-type': 'text/plain' }],
    ['multipart upload', Buffer.from('--b1\r\nContent-Disposition: form-data; name="note"\r\n\r\nPatient: Rosa Garcia DOB 02/11/1947\r\n--b1--\r\n'), { 'content-type': 'multipart/form-data; boundary=b1' }],
    ['a file name in a multipart upload', Buffer.from('--b1\r\nContent-Disposition: form-data; name="file"; filename="Garcia_Rosa_536-22-1845.txt"\r\nContent-Type: text/plain\r\n\r\nsee attached\r\n--b1--\r\n'), { 'content-type': 'multipart/form-data; boundary=b1' }],
    ['a session replay whose page shows a patient (text nodes apart from their labels)', Buffer.from(JSON.stringify([{ type: 3, data: { source: 0, texts: [{ id: 41, value: 'Patient' }, { id: 42, value: 'Garcia, Rosa' }, { id: 43, value: 'Date of birth' }, { id: 44, value: '02/11/1947' }] } }])), { 'content-type': 'application/json' }],
    ['a Sentry envelope with a compressed replay recording', sentryReplay(NOTE), { 'content-type': 'application/x-sentry-envelope' }],
    // Before: delivered — rows appended to a spreadsheet carry no header (it is in the sheet already).
    ['rows appended to a spreadsheet without their header', Buffer.from(JSON.stringify({ majorDimension: 'ROWS', values: [['Rosa Garcia', '1947-02-11', 'CHF'], ['Trycia Jacobi', '1958-09-30', 'COPD']] })), { 'content-type': 'application/json' }],
    // Before: delivered — an HTML form writes its spaces as +, and the name patterns read words.
    ['a contact form whose message names the patient', Buffer.from('name=&email=&message=Hi+this+is+Aracely+Mraz%2C+I+need+to+reschedule+my+appointment'), { 'content-type': 'application/x-www-form-urlencoded' }],
    // Before: delivered — DICOM JSON names its attributes by tag, not by word.
    // Before: delivered — an error message names the patient after the word, with no label's colon, and neither name is on the lists.
    ['an error report whose message names the patient', sentryEvent('Could not find patient Aracely Mraz'), { 'content-type': 'application/x-sentry-envelope' }],
    // Before: delivered — a consult letter's opening names the patient, and neither name is on the lists.
    ['a chat-assistant prompt drafting a consult letter', Buffer.from(JSON.stringify({ model: 'gpt-4o', messages: [{ role: 'user', content: 'Draft a consult letter: Aracely Mraz is a 61-year-old woman with CKD stage 3.' }] })), { 'content-type': 'application/json' }],
    // Before: delivered — the page's address names the chart that was open, by number, in its path.
    ['an analytics hit whose page address is a chart', Buffer.from('v=2&tid=G-ABC123&en=page_view&dl=https%3A%2F%2Fportal.clinic.example%2Fpatients%2F4482913%2Flabs&dt=Lab%20results'), { 'content-type': 'application/x-www-form-urlencoded' }],
    // Before: delivered — a transcription service writes the date of birth and the number in words.
    ['a voicemail transcript with the date of birth and number read aloud', Buffer.from(JSON.stringify({ transcript: 'Hi, my date of birth is April twelfth, nineteen sixty-one. Call me back at three one two, five five five, zero one eight eight.' })), { 'content-type': 'application/json' }],
    // Before: delivered — GA4 prefixes a site's own event parameters with ep.
    ['a GA4 event whose own parameter names the patient', Buffer.from('v=2&tid=G-ABC123&en=form_submit&ep.patient_name=Aracely%20Mraz&ep.form_id=intake'), { 'content-type': 'application/x-www-form-urlencoded' }],
    // Before: delivered — a patient typing in a chat widget without capitals.
    ['a chat message naming the patient in lower case', Buffer.from(JSON.stringify({ conversation: 'c-81', text: 'hi my name is rosa garcia i need a refill of my lisinopril' })), { 'content-type': 'application/json' }],
    // Before: delivered — a date of birth as an older system writes it (day, month, year run together).
    ['a record with a compact date of birth', Buffer.from(JSON.stringify({ note: 'DOB: 12APR1961, allergies NKDA' })), { 'content-type': 'application/json' }],
    // Before: delivered — a lab report prints the label and the name in capitals.
    ['a lab report with the patient in capitals', Buffer.from('SPRINGFIELD REFERENCE LAB\nPATIENT: ARACELY MRAZ\nTEST: HBA1C   RESULT: 8.2\n'), { 'content-type': 'text/plain' }],
    // Before: delivered — a prompt presents the case in a clinician's shorthand (61F) or says what the patient has.
    ['a chat-assistant prompt presenting a case in shorthand', Buffer.from(JSON.stringify({ messages: [{ role: 'user', content: 'Aracely Mraz, 61F, HTN, DM2, presents with chest pain. Differential?' }, { role: 'user', content: 'Aracely Mraz has stage 3 CKD; what dose of metformin?' }] })), { 'content-type': 'application/json' }],
    ['an e-mail reminder greeting the patient by name', Buffer.from('Subject: Your upcoming visit\r\n\r\nHi Chidinma Okonkwo, your appointment with Dr. Patel is on Monday at 9:00 AM.'), { 'content-type': 'text/plain' }],
    // Before: delivered — a staff chat's reminder says who is coming in, and neither name is on the lists.
    ['a staff chat message saying who has an appointment', Buffer.from(JSON.stringify({ channel: 'C04FRONTDESK', text: 'Reminder: Chidinma Okonkwo has an appointment tomorrow at 10:30 with Dr. Patel' })), { 'content-type': 'application/json' }],
    // Before: delivered — Google Ads' enhanced conversions put the hashed e-mail address in one parameter, after tv.1~em.
    ['an ad conversion hit with the visitor\'s hashed e-mail address', Buffer.from(`label=Xk2_CJ&value=1&em=tv.1~em.${createHash('sha256').update('rosa.garcia@example.com').digest('hex')}&gtm=45be`), { 'content-type': 'application/x-www-form-urlencoded' }],
    // Before: delivered — a web record system's page title names the open chart, and neither name is on the lists.
    ['a page view whose title names the open chart', Buffer.from(JSON.stringify({ event: '$pageview', properties: { $title: 'Chidinma Okonkwo - Patient Chart - athenaOne' } })), { 'content-type': 'application/json' }],
    // Before: delivered — a parent writes their child's name in a chat about the child's care.
    ['a chat message naming the writer\'s son', Buffer.from(JSON.stringify({ conversation: 'c-82', text: 'My son Emeka Okonkwo was seen on 11/2 and we got a bill for $450' })), { 'content-type': 'application/json' }],
    // Before: delivered — a work list names the patient and the date of birth side by side, and neither name is on the lists.
    ['a front desk message with a name and a date of birth, no label', Buffer.from(JSON.stringify({ channel: 'C04FRONTDESK', text: 'Chidinma Okonkwo 04/12/1961 called re: refill' })), { 'content-type': 'application/json' }],
    // Before: delivered — a message says who is in which room.
    ['a message saying which room a patient is in', Buffer.from(JSON.stringify({ text: 'Chidinma Okonkwo is in room 4, ready for the provider' })), { 'content-type': 'application/json' }],
    // Before: delivered — a parent writes in Spanish that their son has a fever, naming him.
    ['a message in Spanish naming the writer\'s son', Buffer.from(JSON.stringify({ from: 'whatsapp:+1555', text: 'Mi hijo Emeka Okonkwo tiene fiebre desde ayer, necesito una cita' })), { 'content-type': 'application/json' }],
    // Before: delivered — WordPress's Contact Form 7 names its fields your-name, your-tel.
    ['a website contact form naming the patient in its your-name field', Buffer.from('your-name=Chidinma+Okonkwo&your-email=&your-message=I+need+a+refill+of+my+inhaler'), { 'content-type': 'application/x-www-form-urlencoded' }],
    // Before: delivered — staff shorthand names the patient by surname alone.
    ['a staff message naming a patient by surname alone', Buffer.from(JSON.stringify({ channel: 'C04FRONTDESK', text: 'pt Garcia called re: labs, please call back' })), { 'content-type': 'application/json' }],
    // Before: delivered — staff requests about a patient name them after the request, and neither name is on the lists.
    ['a records request in a team chat', Buffer.from(JSON.stringify({ channel: 'C04RECORDS', text: 'Please fax records for Chidinma Okonkwo to Dr. Lee at Valley Ortho' })), { 'content-type': 'application/json' }],
    ['a task card for a prior authorization', Buffer.from(JSON.stringify({ name: 'PA approved for Chidinma Okonkwo (Humira)', idList: '5f1c0a' })), { 'content-type': 'application/json' }],
    ['a task asking to send a patient her results', Buffer.from('Please send Chidinma Okonkwo her lab results by mail.\n'), { 'content-type': 'text/plain' }],
    // Before: delivered — a phone message and a referral in staff shorthand.
    ['a phone message about a patient\'s bill', Buffer.from(JSON.stringify({ text: 'Chidinma Okonkwo called re: her bill, see msg' })), { 'content-type': 'application/json' }],
    ['a phone message saying what the patient asked for', Buffer.from(JSON.stringify({ text: 'Chidinma Okonkwo is requesting a refill of her Xanax and would like to schedule a physical' })), { 'content-type': 'application/json' }],
    ['a referral in staff shorthand', Buffer.from('Chidinma Okonkwo - ref to cardiology, urgent\n'), { 'content-type': 'text/plain' }],
    // Before: delivered — a relative names the patient before 's and the relation.
    ['a message from a patient\'s daughter naming her mother', Buffer.from(JSON.stringify({ message: "I'm Chidinma Okonkwo's daughter, she had surgery yesterday and the incision is red" })), { 'content-type': 'application/json' }],
    // Before: delivered — a calendar entry written last name first, with a follow-up.
    ['a calendar entry for a follow-up, last name first', Buffer.from(JSON.stringify({ summary: 'Okonkwo, Chidinma - post-op follow up', start: { dateTime: '2026-11-24T15:00:00-05:00' } })), { 'content-type': 'application/json' }],
    // Before: blocked only because "Hi Chidinma" read as a full name; now the first name is found as one.
    ['a reminder greeting the patient by first name', Buffer.from(JSON.stringify({ body: 'Hi Chidinma, your lab results are ready in the portal.' })), { 'content-type': 'application/json' }],
    // Before: delivered — a fact of the patient's care said right after the name, and neither name is on the lists.
    ['a staff message saying why a patient came in', Buffer.from(JSON.stringify({ text: 'Chidinma Okonkwo came in today with chest pain' })), { 'content-type': 'application/json' }],
    ['a chat-assistant prompt naming a patient and her medication', Buffer.from(JSON.stringify({ messages: [{ role: 'user', content: 'Chidinma Okonkwo is on metformin 500mg BID; any interactions with ibuprofen?' }] })), { 'content-type': 'application/json' }],
    ['a case in shorthand with age and sex in parentheses', Buffer.from('Chidinma Okonkwo (61F) - CHF exacerbation, BNP 1400\n'), { 'content-type': 'text/plain' }],
    ['a message naming the patient after "Patient is"', Buffer.from(JSON.stringify({ text: 'Patient is Chidinma Okonkwo. Needs a callback.' })), { 'content-type': 'application/json' }],
    // Before: delivered — a practice's reply to an online review names the reviewer and the care they had.
    ['a reply to an online review naming the reviewer\'s surgery', Buffer.from(JSON.stringify({ comment: 'Thank you Chidinma for your kind words about your knee surgery with Dr. Patel!' })), { 'content-type': 'application/json' }],
    // Before: delivered — a patient gives only a first name in a chat widget, before what is wrong.
    ['a chat-widget message from a patient who gives only her first name', Buffer.from(JSON.stringify({ conversation: 'c-83', text: 'hi im Chidinma, i had a colonoscopy last week and im still bleeding' })), { 'content-type': 'application/json' }],
    // Before: delivered — a day's schedule puts the time first; results sent for a patient; a result after the name.
    ['a schedule line with the time first', Buffer.from('9:00 AM - Chidinma Okonkwo (follow-up)\n'), { 'content-type': 'text/plain' }],
    ['an e-mail sending lab results for a patient', Buffer.from(JSON.stringify({ subject: 'Results', text: 'Lab results for Chidinma Okonkwo. Please review.' })), { 'content-type': 'application/json' }],
    ['a note with a patient\'s results after the name', Buffer.from('Chidinma Okonkwo - A1c 8.2, LDL 160\n'), { 'content-type': 'text/plain' }],
    // Before: delivered — a claim's and a prescription's number identify one patient's claim and fill.
    ['a claim number and an Rx number in a billing note', Buffer.from(JSON.stringify({ text: 'Claim number 2026112200123 denied for missing auth; Rx #: 1234567 filled 11/20' })), { 'content-type': 'application/json' }],
    // Before: delivered — Vietnamese letters (ễ, ư, ơ: Latin Extended Additional and -B) were no letters of a name.
    ['a greeting to a patient with a Vietnamese name', Buffer.from(JSON.stringify({ body: 'Dear Trần Thị Hương, your lab results are ready in the portal.' })), { 'content-type': 'application/json' }],
    // Before: delivered — a middle name written out made three words where the request's pattern took two.
    ['a records request for a patient with a middle name', Buffer.from(JSON.stringify({ text: 'Please fax records for Chidinma Ada Okonkwo' })), { 'content-type': 'application/json' }],
    // Before: delivered — a context word with an accent ("síntomas") was looked for as Latin-1 bytes, never in UTF-8 text.
    ['a message in Spanish whose only word of care has an accent', Buffer.from(JSON.stringify({ text: 'Mi hijo Emeka Okonkwo tiene síntomas desde ayer' })), { 'content-type': 'application/json' }],
    // Before: delivered — a name in Chinese, Korean or Cyrillic has no capitals for the name patterns, and a field's value needed an ASCII letter.
    ['a JSON record naming the patient in Korean', Buffer.from(JSON.stringify({ patient_name: '김민준', visit: 'follow-up' })), { 'content-type': 'application/json' }],
    ['a bilingual intake form with the name and date of birth in Chinese', Buffer.from('门诊登记\n姓名：王小明\n出生日期：1961年4月12日\n'), { 'content-type': 'text/plain' }],
    // Before: delivered — a date of birth written out in Spanish ("12 de abril de 1961").
    ['a bilingual form\'s date of birth written out in Spanish', Buffer.from(JSON.stringify({ respuestas: 'Fecha de nacimiento: 12 de abril de 1961' })), { 'content-type': 'application/json' }],
    // Before: delivered — names in Arabic, Hebrew, Devanagari, Thai or Greek script after a label; words of birth in those languages; a day before the month.
    ['a bilingual intake form with the name and date of birth in Arabic', Buffer.from('استمارة التسجيل\nالاسم: محمد أحمد\nتاريخ الميلاد: 27/06/1955\n'), { 'content-type': 'text/plain' }],
    ['a visit note naming the patient in Hebrew', Buffer.from('Visit note\nPatient: דוד כהן\nReason: cough x 2 weeks\n'), { 'content-type': 'text/plain' }],
    ['a chat message naming the patient in Hindi', Buffer.from(JSON.stringify({ text: 'नाम: राहुल शर्मा, कृपया मेरी अपॉइंटमेंट की पुष्टि करें' })), { 'content-type': 'application/json' }],
    ['a form with a Greek name and date of birth', Buffer.from('Ονοματεπώνυμο: Μαρία Κωνσταντίνου\nΗμερομηνία γέννησης: 18/11/1961\n'), { 'content-type': 'text/plain' }],
    ['a date of birth with the day first', Buffer.from(JSON.stringify({ comments: 'DOB: 27/11/1948, new patient' })), { 'content-type': 'application/json' }],
    // Before: delivered — digits typed on an Arabic keyboard (Arabic-Indic digits) were no digits to the patterns.
    ['a callback number in Arabic-Indic digits', Buffer.from(JSON.stringify({ text: 'Callback number: ٣١٢-٥٥٥-٠١٩٨ - re: lab results' })), { 'content-type': 'application/json' }],
    // Before: delivered — the front desk's shorthand: a schedule line with the clinician, a test's result and the prescription sent, a payer's member number.
    ['a schedule reminder naming the patient and the clinician', Buffer.from(JSON.stringify({ channel: 'C0FRONT', text: 'Reminder: Tyrone Jackson 2:30pm tomorrow with Dr. Patel' })), { 'content-type': 'application/json' }],
    ['a task line with a test result and the prescription sent', Buffer.from('Zainab Okafor - strep positive - amoxicillin sent\n'), { 'content-type': 'text/plain' }],
    ['a task with a plan member number after the payer', Buffer.from(JSON.stringify({ task: 'Please update the insurance to Aetna member W123456789' })), { 'content-type': 'application/json' }],
    ['DICOMweb STOW-RS metadata naming the patient', stow(JSON.stringify([{ '00100010': { vr: 'PN', Value: [{ Alphabetic: 'GARCIA^ROSA' }] }, '00100030': { vr: 'DA', Value: ['19470211'] } }])), { 'content-type': 'multipart/related; type="application/dicom+json"; boundary=b1' }],
  ])('%s', async (_name, body, headers) => {
    const r = await viaAgent(proxy, pixel(), { method: 'POST', headers, body });
    expect(r.status).toBe(403);
    expect(r.headers['x-phiwall-reason']).toBe('phi_detected');
    expect(up.connections).toBe(0);
    expect(up.bytes).toBe(0);
  });

  it('a chunked body with the SSN split across chunks', async () => {
    const body = Buffer.from(JSON.stringify({ memo: 'follow-up', ssn: '536-22-1845' }));
    const cut = body.indexOf('22-18');
    const r = await sendChunks(pixel(), [body.subarray(0, cut), body.subarray(cut, cut + 2), body.subarray(cut + 2)], { 'content-type': 'application/json' });
    expect(r).toEqual({ status: 403, reason: 'phi_detected' });
    expect(up.bytes).toBe(0);
  });

  it('PHI in a percent-encoded query string', async () => {
    const r = await curl(proxy.url, [`http://pixel.example:${up.port}/p.gif?ev=view&ssn=536%2D22%2D1845`]);
    expect(r.status).toBe(403);
    expect(r.headers['x-phiwall-reason']).toBe('phi_detected');
    expect(up.bytes).toBe(0);
  });

  it('the same path again: clean texts are remembered as clean, a text with PHI is scanned and blocked every time', async () => {
    const clean = `http://pixel.example:${up.port}/p.gif?ev=view&page=%2Fbilling`;
    const phi = `http://pixel.example:${up.port}/p.gif?ev=view&ssn=536%2D22%2D1845`;
    for (let i = 0; i < 3; i++) {
      expect((await curl(proxy.url, [clean])).status).toBe(200);
      const r = await curl(proxy.url, [phi]);
      expect(r.status).toBe(403);
      expect(r.headers['x-phiwall-reason']).toBe('phi_detected');
    }
    expect(up.requests.map((q) => q.url)).toEqual(['/p.gif?ev=view&page=%2Fbilling', '/p.gif?ev=view&page=%2Fbilling', '/p.gif?ev=view&page=%2Fbilling']);
  });

  it.each([
    ['a file name in the path of an upload', (port: number) => [`http://pixel.example:${port}/uploads/Garcia_Rosa_DOB_1947-02-11.pdf`]],
    ['an SSN joined by underscores in the path', (port: number) => [`http://pixel.example:${port}/files/patient_536-22-1845.txt`]],
    ['the file name in a Content-Disposition header', (port: number) => ['-H', 'content-disposition: attachment; filename="Garcia_Rosa_DOB_1947-02-11.pdf"', `http://pixel.example:${port}/upload`]],
  ])('PHI in %s (underscores read as spaces)', async (_name, args) => {
    const r = await curl(proxy.url, args(up.port));
    expect(r.status).toBe(403);
    expect(r.headers['x-phiwall-reason']).toBe('phi_detected');
    expect(up.bytes).toBe(0);
  });

  it('PHI in the Referer header', async () => {
    const r = await curl(proxy.url, ['-H', 'referer: https://portal.clinic.example/chart?mrn=00482913&name=Rosa%20Garcia', pixel()]);
    expect(r.status).toBe(403);
    expect(up.bytes).toBe(0);
  });

  /** A JWT (unsigned) whose payload is this JSON: base64url segments, as SDKs send them. */
  const jwt = (payload: object): string => [{ alg: 'none' }, payload].map((o) => Buffer.from(JSON.stringify(o)).toString('base64url')).join('.') + '.';

  it.each([
    ['a custom header named for PHI', { 'x-patient-name': 'Rosa Garcia' }],
    ['a date of birth in a custom header', { 'x-patient-dob': '1947-02-11' }],
    ['an SSN in a cookie', { cookie: 'sid=4f1c9a; ssn=536-22-1845' }],
    ['a bearer token whose payload names the patient', { authorization: `Bearer ${jwt({ sub: 'u-881', patient: 'Rosa Garcia', birthDate: '1947-02-11' })}` }],
    ['an SDK header holding a note', { 'x-context': 'Patient: Rosa Garcia DOB 02/11/1947' }],
  ])('PHI in the request headers: %s (a GET without a body)', async (_name, headers) => {
    const r = await viaAgent(proxy, `${pixel()}?ev=view`, { headers });
    expect(r.status).toBe(403);
    expect(r.headers['x-phiwall-reason']).toBe('phi_detected');
    expect(up.connections).toBe(0);
  });

  it('PHI to a BAA-gap vendor with on_baa_gap: block-phi is blocked too', async () => {
    const r = await viaAgent(proxy, `http://scribe.example:${up.port}/notes`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: NOTE });
    expect(r.status).toBe(403);
    expect(r.headers['x-phiwall-reason']).toBe('phi_detected');
  });
});

describe('clean payloads pass byte for byte', () => {
  it.each([
    ['analytics JSON', Buffer.from(JSON.stringify({ event: 'page_view', page: '/flu-shots', ts: '2026-11-22T10:00:00Z' })), { 'content-type': 'application/json' } as Record<string, string>],
    ['gzip JSON', gzipSync(Buffer.from(JSON.stringify({ event: 'click', n: 3 }))), { 'content-type': 'application/json', 'content-encoding': 'gzip' }],
    // Before: refused as unscannable (the compressed recording made the envelope binary).
    ['a Sentry envelope with a compressed replay of a page without PHI', sentryReplay('Flu shots are available Monday through Friday.'), { 'content-type': 'application/x-sentry-envelope' } as Record<string, string>],
    ['rows appended to a supply sheet', Buffer.from(JSON.stringify({ majorDimension: 'ROWS', values: [['Nitrile gloves (M)', '2026-11-21', '12'], ['Gauze pads', '11/23/2026', '3']] })), { 'content-type': 'application/json' } as Record<string, string>],
    // Before: refused as PHI — a park named for a president read as a patient beside "visit".
    ['a newsletter announcing flu shots at a park', Buffer.from(JSON.stringify({ subject: 'Flu shots this weekend', html: '<p>Flu shots at Grant Park this Saturday, walk-in visit, no appointment needed.</p>' })), { 'content-type': 'application/json' } as Record<string, string>],
    // Before: refused as PHI — a toll-free number is a business's line, never a patient's.
    ['a clinic page with its toll-free number', Buffer.from(JSON.stringify({ event: 'page_view', page_title: 'Contact us', text: 'Call 1-800-555-0199 to schedule.' })), { 'content-type': 'application/json' } as Record<string, string>],
    // Before: refused as PHI — a staff member's new office beside the word appointment read as a patient's visit.
    ['a newsletter announcing a staff appointment', Buffer.from(JSON.stringify({ subject: 'Staff news', html: "<p>Wilson Lowe's appointment as practice manager was confirmed by the board. Appointment reminders now go out at 9am.</p>" })), { 'content-type': 'application/json' } as Record<string, string>],
    // Before: refused as PHI — a known name beside the word patients, in the clinic's own newsletter.
    ['a staff spotlight naming a staff member\'s family', Buffer.from(JSON.stringify({ subject: 'Staff spotlight', html: '<p>Our patients know her smile. "My husband Billy Heathcote and I moved here in 2013, and we love the farmers market."</p>' })), { 'content-type': 'application/json' } as Record<string, string>],
    ['a dashboard page view titled with a chart', Buffer.from(JSON.stringify({ event: '$pageview', properties: { $title: 'Revenue Trends - Chart - Looker' } })), { 'content-type': 'application/json' } as Record<string, string>],
    // Before: refused as PHI — a translation file's values are the fields' labels ("First name"), not data.
    ['a translation file uploaded to a localization service', Buffer.from(JSON.stringify({ en: { firstName: 'First name', lastName: 'Last name', dateOfBirth: 'Date of birth', yourName: 'Your name (required)', patientName: 'Patient name:' } })), { 'content-type': 'application/json' } as Record<string, string>],
    // Before: refused as PHI — an integration's field mapping holds template variables where the values will go.
    ['an integration mapping of template variables', Buffer.from(JSON.stringify({ mapping: { firstName: '{{first_name}}', lastName: '{{last_name}}', dob: '{{patient.dob}}', phone: '*|PHONE|*' } })), { 'content-type': 'application/json' } as Record<string, string>],
    // The same requests about companies, drugs, services and meetings: no one's.
    ['staff requests about a lab company, a drug and a service', Buffer.from(JSON.stringify({ channel: 'C04RECORDS', text: 'Records request from Quest Diagnostics: use the new release form. Prior auth for Ozempic now needs the new form. Referral for Physical Therapy is now electronic; Gabriella Quigley from IT will set it up.' })), { 'content-type': 'application/json' } as Record<string, string>],
    ['a vendor\'s visit and a thank-you to the team', Buffer.from(JSON.stringify({ text: 'Mike Jones from Acme Supply came in today with the new brochures. Thank you Team for your feedback about the staff meeting!' })), { 'content-type': 'application/json' } as Record<string, string>],
    ['a visitor\'s thanks in a chat widget and a meeting on a schedule', Buffer.from(JSON.stringify({ text: 'Hi, this is Chidinma. Thanks for the great service at the front desk!', schedule: '9:00 AM - Staff Meeting (follow-up)', log: 'req 5f1c-a1c2 ok, BMI 2.0 calculator added' })), { 'content-type': 'application/json' } as Record<string, string>],
    ['a clinic\'s notice in Vietnamese', Buffer.from(JSON.stringify({ text: 'Chúc Mừng Năm Mới from Springfield Family Medicine! Phòng khám mở cửa từ 8 giờ sáng đến 5 giờ chiều.' })), { 'content-type': 'application/json' } as Record<string, string>],
    ['a translation file of a form\'s labels in Chinese, Korean and Russian', Buffer.from(JSON.stringify({ zh: { firstName: '名字', lastName: '姓氏', dateOfBirth: '出生日期', phone: '手机号码' }, ko: { name: '이름', dob: '생년월일' }, ru: { firstName: 'Имя', lastName: 'Фамилия' } })), { 'content-type': 'application/json' } as Record<string, string>],
    // Before: refused as PHI — a translation file's labels in Arabic, Hebrew, Hindi, Persian, Greek or Thai read as names in name fields.
    ['a translation file of a form\'s labels in Arabic, Hebrew, Hindi, Persian, Greek and Thai', Buffer.from(JSON.stringify({ ar: { firstName: 'الاسم الأول', lastName: 'اسم العائلة', dob: 'تاريخ الميلاد' }, he: { firstName: 'שם פרטי', lastName: 'שם משפחה' }, hi: { firstName: 'पहला नाम', lastName: 'उपनाम' }, fa: { lastName: 'نام خانوادگی' }, el: { firstName: 'Όνομα', lastName: 'Επώνυμο' }, th: { firstName: 'ชื่อ', lastName: 'นามสกุล' } })), { 'content-type': 'application/json' } as Record<string, string>],
    // Before: refused as PHI — a language picker's "name: 中文" read as a name in Chinese.
    ['a language picker listing languages by their own names', Buffer.from('languages:\n  - code: zh\n    name: 中文\n  - code: ar\n    name: العربية\n  - code: ja\n    name: 日本語\n'), { 'content-type': 'text/yaml' } as Record<string, string>],
    // The same shapes without a patient: an event with a clinician, a survey's outcome, a team's members, an order sent.
    ['events with a clinician, a survey outcome, a team member count', Buffer.from(JSON.stringify({ text: 'Grand Rounds 7:30am Friday with Dr. Okafor. Patient Survey - positive feedback for Q3. Medline Order - invoice sent, PO 448812', team: { member_count: 12345, note: 'New team member Rosa joins Monday' } })), { 'content-type': 'application/json' } as Record<string, string>],
    // Before this session's last commit: refused — "this is Dr." read a title as a first name introducing itself.
    ['a clinic\'s call script naming its office and staff', Buffer.from(JSON.stringify({ script: "Hi, this is Dr. Lee's office calling to confirm your appointment. If this is Jen from Dr. Lee's office re: your appointment, press 1." })), { 'content-type': 'application/json' } as Record<string, string>],
    ['a meeting follow-up and a team greeting', Buffer.from(JSON.stringify({ summary: 'Budget Review - follow up', body: 'Hi Team, your lab results dashboard is live.' })), { 'content-type': 'application/json' } as Record<string, string>],
    ['an error report about a record, in title case', sentryEvent('Patient Not Found'), { 'content-type': 'application/x-sentry-envelope' } as Record<string, string>],
    ['DICOMweb STOW-RS metadata of a de-identified study', stow(JSON.stringify([{ '00080060': { vr: 'CS', Value: ['CT'] }, '00100010': { vr: 'PN', Value: [{ Alphabetic: '^' }] }, '0020000D': { vr: 'UI', Value: ['2.25.3316498718281245023671093247'] } }])), { 'content-type': 'multipart/related; type="application/dicom+json"; boundary=b1' } as Record<string, string>],
  ])('%s', async (_name, body, headers) => {
    const r = await viaAgent(proxy, pixel(), { method: 'POST', headers, body });
    expect(r.status).toBe(200);
    expect(up.requests).toHaveLength(1);
    expect(up.requests[0]!.body.equals(body)).toBe(true);
    expect(up.requests[0]!.headers['content-length']).toBe(String(body.length));
    expect(up.requests[0]!.headers['content-encoding']).toBe(headers['content-encoding']);
  });

  it('headers that carry no PHI reach the vendor unchanged (ids, keys, opaque tokens, a browser)', async () => {
    const headers = {
      'x-request-id': '7f3a2b9c-1d2e-4f5a-8b6c-9d0e1f2a3b4c',
      'x-api-key': 'pk_live_51H8xYzAbCdEf',
      authorization: 'Bearer 2YotnFZFEjr1zCsicMWpAA',
      cookie: '_ga=GA1.2.1234567890.1600000000; theme=dark',
      'user-agent': 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.6099.130 Safari/537.36',
      'accept-language': 'en-US,en;q=0.9',
      'if-modified-since': 'Sat, 21 Nov 2026 10:00:00 GMT',
    };
    const r = await viaAgent(proxy, `${pixel()}?event_name=page_view&utm_source=newsletter&client_id=GA1.2.1234567890.1600000000`, { headers });
    expect(r.status).toBe(200);
    for (const [name, value] of Object.entries(headers)) expect(up.requests[0]!.headers[name]).toBe(value);
    // Underscores read as spaces find nothing in an ordinary analytics path either.
    expect((await viaAgent(proxy, `http://pixel.example:${up.port}/uploads/IMG_20261122_101500.jpg`)).status).toBe(200);
  });

  it('a chunked clean body is held and forwarded with its length', async () => {
    const body = Buffer.from(JSON.stringify({ event: 'scroll', depth: 80 }));
    const r = await sendChunks(pixel(), [body.subarray(0, 5), body.subarray(5)], { 'content-type': 'application/json' });
    expect(r.status).toBe(200);
    expect(up.requests[0]!.body.equals(body)).toBe(true);
  });

  it('records the clean verdict', async () => {
    const rec = await recordOf(proxy, () => viaAgent(proxy, pixel(), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"a":1}' }));
    expect(rec).toMatchObject({ vendor: 'pixel', action: 'allow', reason: 'no_phi_found', request_bytes: 7, upstream_status: 200, findings: {} });
  });
});

describe('fail closed', () => {
  it('a body over scan.max_body_bytes is refused (body_too_large), by its declared length', async () => {
    const r = await viaAgent(proxy, pixel(), { method: 'POST', headers: { 'content-type': 'text/plain' }, body: Buffer.alloc(70_000, 'a') });
    expect(r.status).toBe(403);
    expect(r.headers['x-phiwall-reason']).toBe('body_too_large');
    expect(up.bytes).toBe(0);
  });

  it('a chunked body that grows past the cap is refused mid-stream', async () => {
    const r = await sendChunks(pixel(), [Buffer.alloc(40_000, 'a'), Buffer.alloc(40_000, 'b')], { 'content-type': 'text/plain' });
    expect(r).toEqual({ status: 403, reason: 'body_too_large' });
    expect(up.bytes).toBe(0);
  });

  it('a binary body is unscannable and refused', async () => {
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(100, 1)]);
    const r = await viaAgent(proxy, pixel(), { method: 'POST', headers: { 'content-type': 'application/pdf' }, body: pdf });
    expect(r.status).toBe(403);
    expect(r.headers['x-phiwall-reason']).toBe('unscannable_body');
    expect(up.bytes).toBe(0);
  });

  it('a PDF sent as base64 inside JSON is unscannable and refused, like a PDF body', async () => {
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(200, 7)]);
    const r = await viaAgent(proxy, pixel(), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ model: 'ocr-1', document: pdf.toString('base64') }) });
    expect(r.status).toBe(403);
    expect(r.headers['x-phiwall-reason']).toBe('unscannable_body');
    expect(up.bytes).toBe(0);
  });

  it('a vendor marked unscannable: allow receives such a file (recorded with its decision reason); others still do not', async () => {
    const allowing = await startProxy(`${VENDORS}  - id: ocr\n    hosts: [ocr.example]\n    classification: not-business-associate\n    unscannable: allow\n`, settings().replace('  hosts:\n', '  hosts:\n    ocr.example: 127.0.0.1\n'));
    try {
      const body = JSON.stringify({ document: Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(200, 7)]).toString('base64') });
      const rec = await recordOf(allowing, async () => expect((await viaAgent(allowing, `http://ocr.example:${up.port}/v1/ocr`, { method: 'POST', headers: { 'content-type': 'application/json' }, body })).status).toBe(200));
      expect(rec).toMatchObject({ vendor: 'ocr', action: 'allow', reason: 'not_business_associate' });
      expect(up.requests[0]!.body.toString()).toBe(body);
      expect((await viaAgent(allowing, pixel(), { method: 'POST', headers: { 'content-type': 'application/json' }, body })).headers['x-phiwall-reason']).toBe('unscannable_body');
      // PHI is still PHI: the setting covers only what cannot be scanned.
      expect((await viaAgent(allowing, `http://ocr.example:${up.port}/v1/ocr`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: NOTE })).headers['x-phiwall-reason']).toBe('phi_detected');
    } finally {
      await allowing.stop();
    }
  });

  it('a corrupt gzip body is unscannable and refused', async () => {
    const r = await viaAgent(proxy, pixel(), { method: 'POST', headers: { 'content-type': 'text/plain', 'content-encoding': 'gzip' }, body: Buffer.from('not gzip') });
    expect(r.headers['x-phiwall-reason']).toBe('unscannable_body');
    expect(up.bytes).toBe(0);
  });
});

describe("the clinic's own published identifiers (scan.own_identifiers)", () => {
  // A newsletter to a mailing-list vendor carries the clinic's own telephone, address and ZIP code.
  const newsletter = (extra: string): Buffer =>
    Buffer.from(JSON.stringify({ subject: 'December newsletter', html: `<p>Flu shots every Saturday. Call (217) 555-0100 or write to frontdesk@riverbend.example.</p><p>Riverbend Family Medicine, 100 Clinic Way, Springfield IL 62711</p>${extra}` }));

  it.each([
    ['in the request thread', ''],
    ['in the scan worker (the options reach it too)', '  offload_bytes: 1\n'],
  ])("pass %s; a patient's telephone beside them is still refused", async (_where, extra) => {
    // Before: refused (phi_detected) — a telephone number, a street address and a ZIP code.
    const own = "  own_identifiers: ['(217) 555-0100', '@riverbend.example', '100 Clinic Way', '62711']\n";
    const p = await startProxy(VENDORS, settings(`scan:\n${own}${extra}`));
    try {
      const clean = newsletter('');
      const passed = await viaAgent(p, pixel(), { method: 'POST', headers: { 'content-type': 'application/json' }, body: clean });
      expect(passed.status).toBe(200);
      expect(up.requests[0]!.body.equals(clean)).toBe(true);
      up.reset();
      const blocked = await viaAgent(p, pixel(), { method: 'POST', headers: { 'content-type': 'application/json' }, body: newsletter('<p>Call Rosa back at (217) 555-0188.</p>') });
      expect(blocked.headers['x-phiwall-reason']).toBe('phi_detected');
      expect(up.bytes).toBe(0);
    } finally {
      await p.stop();
    }
  });

  it('without them the same newsletter is refused', async () => {
    const r = await viaAgent(proxy, pixel(), { method: 'POST', headers: { 'content-type': 'application/json' }, body: newsletter('') });
    expect(r.headers['x-phiwall-reason']).toBe('phi_detected');
  });
});

describe('large bodies are scanned in a worker thread', () => {
  it('finds PHI deep in a body past scan.offload_bytes, and passes a clean one byte for byte', async () => {
    const filler = JSON.stringify(Array.from({ length: 300 }, (_, i) => ({ event: 'view', n: i })));
    const phi = Buffer.from(`{"events":${filler},"note":"Patient: Rosa Garcia SSN 536-22-1845"}`);
    const clean = Buffer.from(`{"events":${filler}}`);
    const p = await startProxy(VENDORS, settings('scan:\n  offload_bytes: 4096\n'));
    try {
      const blocked = await viaAgent(p, pixel(), { method: 'POST', headers: { 'content-type': 'application/json' }, body: phi });
      expect(blocked.headers['x-phiwall-reason']).toBe('phi_detected');
      expect(up.bytes).toBe(0);
      const passed = await viaAgent(p, pixel(), { method: 'POST', headers: { 'content-type': 'application/json' }, body: clean });
      expect(passed.status).toBe(200);
      expect(up.requests[0]!.body.equals(clean)).toBe(true);
    } finally {
      await p.stop();
    }
  });

  it('a scan past scan.timeout_ms is abandoned and the request blocked (scan_error)', async () => {
    // 1 ms is less than the worker needs to compile the pack, so the deadline always passes.
    const p = await startProxy(VENDORS, settings('scan:\n  offload_bytes: 1\n  timeout_ms: 1\n'));
    try {
      const r = await viaAgent(p, pixel(), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"event":"view"}' });
      expect(r.status).toBe(403);
      expect(r.headers['x-phiwall-reason']).toBe('scan_error');
      expect(up.bytes).toBe(0);
    } finally {
      await p.stop();
    }
  });
});

describe('the process-wide cap on held bytes', () => {
  it('refuses a new scan-required request with 503 proxy_busy rather than passing it through', async () => {
    const tight = await startProxy(VENDORS, settings('scan:\n  max_body_bytes: 65536\n  max_held_bytes: 1000\n'));
    try {
      const r = await viaAgent(tight, pixel(), { method: 'POST', headers: { 'content-type': 'text/plain' }, body: Buffer.alloc(5000, 'a') });
      expect(r.status).toBe(503);
      expect(r.headers['x-phiwall-reason']).toBe('proxy_busy');
      expect(r.headers['retry-after']).toBe('2');
      expect(up.bytes).toBe(0);
      // Small bodies still fit and pass.
      expect((await viaAgent(tight, pixel(), { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'ok' })).status).toBe(200);
    } finally {
      await tight.stop();
    }
  });
});

describe('no PHI in any output', () => {
  it('stdout and the audit file hold offsets and counts, never a value', async () => {
    const text = await outputsOf(proxy);
    for (const v of PHI_VALUES) expect(text).not.toContain(v);
    const blocked = (await auditRecords(proxy)).filter((r) => r['reason'] === 'phi_detected');
    expect(blocked.length).toBeGreaterThanOrEqual(10);
    expect(blocked[0]!['findings']).toMatchObject({ ssn: expect.any(Number) });
    expect(JSON.stringify(blocked)).not.toMatch(/ssn=|batch=|\/collect/);
  });
});
