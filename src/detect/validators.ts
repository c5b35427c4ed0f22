/**
 * Check-digit and shape validators applied to pattern candidates. Each takes the matched
 * text and says whether it can be a real identifier; none keeps or reports the value.
 */
import { isLanguageName, isScriptLabel } from './formats/context.js';
import { familyNames, folded, givenNames } from './names.js';

const digitsOf = (s: string): string => s.replace(/\D/g, '');

export function luhn(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return digits.length > 0 && sum % 10 === 0;
}

/** SSA rules: area not 000, 666 or 900-999; group not 00; serial not 0000; no advertised numbers. */
const ADVERTISED_SSNS = new Set(['078051120', '219099999', '457555462', '123456789', '111111111', '333333333']);
export function ssn(text: string): boolean {
  const d = digitsOf(text);
  if (d.length !== 9) return false;
  const area = Number(d.slice(0, 3));
  if (area === 0 || area === 666 || area >= 900) return false;
  if (d.slice(3, 5) === '00' || d.slice(5) === '0000') return false;
  return !ADVERTISED_SSNS.has(d);
}

/** ITIN: 9xx-[50-65|70-88|90-92|94-99]-xxxx. */
export function itin(text: string): boolean {
  const d = digitsOf(text);
  if (d.length !== 9 || d[0] !== '9') return false;
  const g = Number(d.slice(3, 5));
  return (g >= 50 && g <= 65) || (g >= 70 && g <= 88) || (g >= 90 && g <= 92) || (g >= 94 && g <= 99);
}

/** NPI: 10 digits starting 1 or 2, Luhn over "80840" + NPI. */
export function npi(text: string): boolean {
  const d = digitsOf(text);
  return d.length === 10 && (d[0] === '1' || d[0] === '2') && luhn(`80840${d}`);
}

/** DEA registration: 2 letters + 7 digits; (d1+d3+d5) + 2*(d2+d4+d6) ends in d7. */
export function dea(text: string): boolean {
  const m = /^([A-Z])([A-Z9])(\d{7})$/.exec(text.toUpperCase());
  if (m === null || !'ABCDEFGHJKLMPRSTUX'.includes(m[1]!)) return false;
  const n = m[3]!.split('').map(Number) as [number, number, number, number, number, number, number];
  const check = (n[0] + n[2] + n[4] + 2 * (n[1] + n[3] + n[5])) % 10;
  return check === n[6];
}

/**
 * Medicare Beneficiary Identifier (CMS): 11 characters, C A AN N A AN N A A N N, where A
 * excludes S L O I B Z.
 */
const MBI_ALPHA = '[AC-HJKMNP-RT-Y]';
const MBI = new RegExp(`^[1-9]${MBI_ALPHA}[0-9AC-HJKMNP-RT-Y]\\d${MBI_ALPHA}[0-9AC-HJKMNP-RT-Y]\\d${MBI_ALPHA}{2}\\d{2}$`);
export function mbi(text: string): boolean {
  return MBI.test(text.replace(/-/g, '').toUpperCase());
}

/** Legacy HICN: a valid SSN followed by a beneficiary identification code (A, B1, C2, D, ...). */
export function hicn(text: string): boolean {
  const m = /^(\d{3}-?\d{2}-?\d{4})([A-Z]\d?)$/.exec(text.toUpperCase());
  return m !== null && ssn(m[1]!);
}

/** ABA routing number: 3(d1+d4+d7) + 7(d2+d5+d8) + (d3+d6+d9) divisible by 10; valid prefix. */
export function aba(text: string): boolean {
  const d = digitsOf(text);
  if (d.length !== 9) return false;
  const prefix = Number(d.slice(0, 2));
  if (!((prefix >= 0 && prefix <= 12) || (prefix >= 21 && prefix <= 32) || (prefix >= 61 && prefix <= 72) || prefix === 80)) return false;
  const n = d.split('').map(Number);
  const sum = 3 * (n[0]! + n[3]! + n[6]!) + 7 * (n[1]! + n[4]! + n[7]!) + (n[2]! + n[5]! + n[8]!);
  return sum % 10 === 0 && d !== '000000000';
}

/** VIN (ISO 3779, North America): the 9th character is the check digit. */
const VIN_VALUES: Record<string, number> = {
  A: 1, B: 2, C: 3, D: 4, E: 5, F: 6, G: 7, H: 8, J: 1, K: 2, L: 3, M: 4, N: 5, P: 7, R: 9,
  S: 2, T: 3, U: 4, V: 5, W: 6, X: 7, Y: 8, Z: 9,
};
const VIN_WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];
export function vin(text: string): boolean {
  const v = text.toUpperCase();
  if (!/^[A-HJ-NPR-Z0-9]{17}$/.test(v) || !/[A-Z]/.test(v) || !/\d/.test(v)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const c = v[i]!;
    const value = c >= '0' && c <= '9' ? Number(c) : (VIN_VALUES[c] ?? 0);
    sum += value * VIN_WEIGHTS[i]!;
  }
  const check = sum % 11;
  return v[8] === (check === 10 ? 'X' : String(check));
}

/** GS1 GTIN (8, 12, 13 or 14 digits) check digit, as in a UDI's (01) device identifier. */
export function gtin(text: string): boolean {
  const m = /\(01\)\s?(\d{14})|^(\d{8}|\d{12,14})$/.exec(text);
  const d = m?.[1] ?? m?.[2];
  if (d === undefined) return false;
  let sum = 0;
  for (let i = d.length - 2, w = 3; i >= 0; i--, w = 4 - w) sum += Number(d[i]) * w;
  return (10 - (sum % 10)) % 10 === Number(d[d.length - 1]);
}

/** Toll-free area codes: a business's line (the clinic's own, a pharmacy's, an insurer's), never a patient's. */
const TOLL_FREE = new Set(['800', '833', '844', '855', '866', '877', '888']);

/** North American numbering plan: area and exchange codes start 2-9, no N11 service codes, not toll-free. */
export function nanp(text: string): boolean {
  let d = digitsOf(text);
  if (d.length === 11 && d[0] === '1') d = d.slice(1);
  if (d.length !== 10) return false;
  if (d[0] === '0' || d[0] === '1' || d[3] === '0' || d[3] === '1') return false;
  if (d.slice(1, 3) === '11' || d.slice(4, 6) === '11' || TOLL_FREE.has(d.slice(0, 3))) return false;
  // 555-0100..0199 are reserved for fiction; real numbers otherwise.
  return !/^(\d)\1{9}$/.test(d);
}

/** A calendar date in a common format, year 1900-2099. */
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** Spanish month names, January first (setiembre as some countries write it). */
const MONTHS_ES = ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'];

export function date(text: string): boolean {
  // Most dates are digits and separators only: no letters to fold, no ordinals to drop.
  const t = LETTER.test(text) ? text.toLowerCase().replace(/(\d)(st|nd|rd|th)\b/g, '$1') : text;
  let y: number;
  let mo: number;
  let d: number;
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})/.exec(t)) !== null) [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // 12 de abril de 1961 (Spanish)
  else if ((m = /^(\d{1,2})\s+de\s+([a-zç]+)\s+de\s+(\d{4})$/.exec(t)) !== null) [d, mo, y] = [Number(m[1]), MONTHS_ES.indexOf(m[2] === 'setiembre' ? 'septiembre' : m[2]!) + 1, Number(m[3])];
  // 1961年4月12日 (Chinese, Japanese), 1961년 4월 12일 (Korean)
  else if ((m = /^(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]$/u.exec(t)) !== null) [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else if ((m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2,4})$/.exec(t)) !== null) {
    [mo, d, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (mo > 12 && d <= 12) [mo, d] = [d, mo];
    if (y < 100) y += y < 40 ? 2000 : 1900;
  } else if ((m = /^(\d{4})(\d{2})(\d{2})$/.exec(t)) !== null) [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else if ((m = /^([a-z]{3})[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})$/.exec(t)) !== null) [mo, d, y] = [MONTHS.indexOf(m[1]!) + 1, Number(m[2]), Number(m[3])];
  else if ((m = /^(\d{1,2})\s+([a-z]{3})[a-z]*\.?,?\s+(\d{4})$/.exec(t)) !== null) [d, mo, y] = [Number(m[1]), MONTHS.indexOf(m[2]!) + 1, Number(m[3])];
  else if ((m = /^(\d{1,2})[-/]([a-z]{3})[a-z]*[-/](\d{2}|\d{4})$/.exec(t)) !== null) {
    [d, mo, y] = [Number(m[1]), MONTHS.indexOf(m[2]!) + 1, Number(m[3])];
    if (y < 100) y += y < 40 ? 2000 : 1900;
  } else return false;
  if (y < 1900 || y > 2099 || mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysIn(y, mo);
}

const LETTER = /[A-Za-z]/;

/** Days in month `mo` (1-12) of year `y`, by the Gregorian calendar. */
function daysIn(y: number, mo: number): number {
  if (mo === 2) return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28;
  return mo === 4 || mo === 6 || mo === 9 || mo === 11 ? 30 : 31;
}

/**
 * An age of 90 or more (Safe Harbor aggregates ages over 89): 90 to 125 in digits; spelled
 * out, the patterns take only ninety and above ("ninety-three", "one hundred and two").
 */
export function age89(text: string): boolean {
  const m = /\d{2,3}/.exec(text);
  if (m === null) return /ninety|hundred/i.test(text);
  const n = Number(m[0]);
  return n >= 90 && n <= 125;
}

/**
 * A telephone number with a country code other than North America's: 8 to 15 digits (E.164), the
 * first not 0 or 1, and not a timestamp after a plus, as version strings carry one
 * ("1:10~+20191229111838+6991d57" in a Debian changelog: a date, then a time).
 */
export function intlPhone(text: string): boolean {
  const digits = text.replace(/\D/g, '');
  if (digits.length < 8 || digits.length > 15 || digits[0] === '0' || digits[0] === '1') return false;
  return !(text.startsWith('+') && !/\s/.test(text) && /^(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])/.test(digits));
}

const SPOKEN_DIGITS: Record<string, string> = { zero: '0', oh: '0', one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9' };

/** The digits of a number read aloud, as a voicemail's transcript writes it ("three one two, five five five ..."; "oh" for zero, "double five"); '' if a word is no digit. */
export function spokenDigits(text: string): string {
  let out = '';
  let repeat = 1;
  for (const token of text.toLowerCase().split(/[^a-z0-9]+/)) {
    if (token === '') continue;
    if (token === 'double' || token === 'triple') {
      repeat = token === 'double' ? 2 : 3;
      continue;
    }
    const digits = /^\d+$/.test(token) ? token : SPOKEN_DIGITS[token];
    if (digits === undefined) return '';
    out += digits.repeat(repeat);
    repeat = 1;
  }
  return out;
}

/** A telephone number read aloud, mostly in words (three at least), that is a North American one (nanp). */
export function spokenPhone(text: string): boolean {
  const words = text.toLowerCase().match(/[a-z]+/g)?.filter((w) => w in SPOKEN_DIGITS).length ?? 0;
  return words >= 3 && nanp(spokenDigits(text));
}

export function ipv4(text: string): boolean {
  const parts = text.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255 && !(p.length > 1 && p[0] === '0'))) return false;
  // Version-number look-alikes (1.2.3.4 style) and the unspecified address are not evidence.
  return text !== '0.0.0.0' && Number(parts[0]) !== 0;
}

/** A name as the lists hold it: folded (José as jose), punctuation but ' and - dropped. */
const listed = (word: string): string => folded(word).replace(/[^a-z'-]/g, '');
/** "Last, First" (and "LAST, FIRST M") as "First Last": the given name follows the comma. */
function firstLast(text: string): string {
  const comma = text.indexOf(',');
  return comma === -1 ? text : `${text.slice(comma + 1)} ${text.slice(0, comma)}`.trim();
}
/** A capitalized word: an upper-case letter first, accented ones too (Ángel, Øster). */
const CAPITALIZED = /^\p{Lu}/u;

/**
 * The last word of a place's name: a visit's title names a place the way it names a patient
 * ("Lincoln Park - sick visit", "Main Street - new patient"). A patient whose surname is one of
 * these (Hall, Hill, Park) is missed there (visitName), and found by the other name detectors;
 * those that are nobody's surname end no name at all (endsInPlace).
 */
const PLACE_WORDS = new Set([
  'park', 'street', 'st', 'avenue', 'ave', 'road', 'rd', 'boulevard', 'blvd', 'lane', 'drive', 'way', 'court', 'place', 'square',
  'plaza', 'hall', 'heights', 'hills', 'hill', 'village', 'grove', 'creek', 'lake', 'lakes', 'valley', 'ridge', 'springs', 'point',
  'beach', 'bay', 'harbor', 'island', 'chapel', 'church', 'library', 'campus', 'mall', 'station', 'centre', 'downtown', 'uptown',
  'north', 'south', 'east', 'west', 'township', 'town', 'crossing', 'commons', 'landing', 'gardens', 'garden', 'woods', 'forest',
  'meadow', 'meadows', 'mill', 'bridge', 'junction', 'terrace', 'estates', 'manor', 'tower', 'towers', 'building', 'annex', 'wing',
  'floor', 'suite', 'location', 'site', 'branch', 'center', 'parkway', 'highway',
]);

/**
 * Given names that American places are named for, before a place's word: "Lincoln Park", "Grant
 * Park", "Jackson Hall", "Washington Square" are places far more often than people (a patient
 * named Grant Park is missed by the name detectors that read names by the lists).
 */
const PLACE_GIVEN = new Set([
  'lincoln', 'washington', 'jackson', 'franklin', 'madison', 'jefferson', 'grant', 'monroe', 'kennedy', 'roosevelt', 'wilson',
  'garfield', 'harrison', 'hamilton', 'adams', 'lafayette', 'marshall', 'clinton', 'logan', 'hyde', 'highland', 'forest',
  'river', 'glen', 'liberty', 'union', 'central', 'college', 'mount', 'pleasant', 'fairview', 'riverside', 'evergreen',
  'sherwood', 'beverly', 'prospect', 'columbus', 'kingston', 'bryant', 'tompkins', 'humboldt', 'douglas', 'pershing',
]);

/**
 * Does a name end in a word that names places: on PLACE_WORDS and either not on the surname list
 * ("Jackson Heights", "Lincoln Center"; not "Rosa Hall") or after a given name places are named
 * for ("Lincoln Park", "Grant Park")?
 */
const endsInPlace = (words: readonly string[]): boolean => {
  const last = listed(words[words.length - 1]!);
  return PLACE_WORDS.has(last) && (!familyNames().has(last) || (words.length === 2 && PLACE_GIVEN.has(listed(words[0]!))));
};

/**
 * A personal name: at least two capitalized words, the first a known given name, or a later
 * one a known family name (a Spanish name's first surname, "Campos" in "Jacobo Campos de Kanea");
 * not a place (endsInPlace: "Lincoln Center" beside care words in a clinic's announcement).
 */
export function personName(text: string): boolean {
  const words = firstLast(text).split(/\s+/).filter((w) => CAPITALIZED.test(w) && w.length > 1);
  if (words.length < 2 || endsInPlace(words)) return false;
  return givenNames().has(listed(words[0]!)) || words.slice(1).some((w) => familyNames().has(listed(w)));
}

/** Both parts known: a given name from the SSA list and a family name from the surname list ("Last, First" too). */
export function knownFullName(text: string): boolean {
  const words = firstLast(text).split(/\s+/);
  if (words.length < 2 || (!text.includes(',') && endsInPlace(words))) return false;
  return givenNames().has(listed(words[0]!)) && familyNames().has(listed(words[words.length - 1]!));
}

/**
 * Given names that are everyday words in lower case, as a verb, a month or a noun ("patient
 * rose early", "pt will call back", "may need"): written in lower case, they are no name.
 */
const GIVEN_WORDS = new Set([
  'will', 'rose', 'may', 'mark', 'grant', 'bill', 'sue', 'drew', 'chase', 'pat', 'art', 'ray', 'joy', 'hope', 'faith', 'grace',
  'dawn', 'june', 'april', 'august', 'summer', 'autumn', 'frank', 'earnest', 'sunny', 'major', 'king', 'prince', 'van', 'lane',
  'dean', 'gay', 'ivy', 'iris', 'jack', 'nick', 'sky', 'guy', 'lee', 'don', 'else', 'ed', 'al', 'rusty', 'page',
  'rich', 'price', 'royal', 'young', 'long', 'early', 'miles', 'hunter', 'hunt', 'sterling', 'precious', 'unique', 'destiny',
  'harmony', 'honor', 'justice', 'liberty', 'trinity', 'heaven', 'angel', 'baby', 'sage', 'river', 'rain', 'storm', 'stone',
]);

/** A known full name (knownFullName) in lower case, as people type in a chat: its given name no everyday word (GIVEN_WORDS). */
export function knownFullNameLower(text: string): boolean {
  const first = firstLast(text).split(/\s+/)[0]!;
  return !GIVEN_WORDS.has(first.toLowerCase()) && knownFullName(text);
}

/**
 * Starts with a known given name followed by a capitalized surname of any origin ("Last, First"
 * too), not a place (endsInPlace) and not a company or a group: a last word that is a role's or
 * a company's and nobody's surname ("Russel Inc", "Nolan Group"; not "Rosa Best").
 */
export function knownGivenName(text: string): boolean {
  const words = firstLast(text).split(/\s+/);
  if (words.length < 2 || !givenNames().has(listed(words[0]!)) || !CAPITALIZED.test(words[words.length - 1]!) || endsInPlace(words)) return false;
  const last = listed(words[words.length - 1]!);
  return !ADDRESSEE_ROLES.has(last) || familyNames().has(last);
}

/**
 * Words a greeting uses for a role, a group or a place rather than a person ("Dear Valued
 * Patient", "Hi Front Desk", "Hello Billing Team", "Dear Springfield Radiology"), and an
 * event's title words ("Telehealth - Staff Training").
 */
const ADDRESSEE_ROLES = new Set([
  'valued', 'loyal', 'customer', 'customers', 'patient', 'patients', 'pt', 'pts', 'member', 'members', 'team', 'staff', 'sir', 'sirs', 'madam',
  'friend', 'friends', 'front', 'desk', 'hiring', 'manager', 'support', 'billing', 'office', 'care', 'provider', 'providers',
  'parent', 'parents', 'guardian', 'family', 'families', 'everyone', 'all', 'colleague', 'colleagues', 'partner', 'partners',
  'client', 'clients', 'user', 'users', 'guest', 'guests', 'visitor', 'visitors', 'resident', 'residents', 'neighbor', 'neighbors',
  'there', 'world', 'folks', 'ladies', 'gentlemen', 'department', 'services', 'service', 'center', 'group', 'clinic', 'medical',
  'health', 'healthcare', 'community', 'nurse', 'nurses', 'doctor', 'doctors', 'physician', 'physicians', 'admin', 'administrator',
  'coordinator', 'scheduler', 'scheduling', 'reception', 'receptionist', 'pharmacy', 'lab', 'laboratory', 'radiology', 'imaging',
  'records', 'insurance', 'claims', 'applicant', 'candidate', 'student', 'students', 'subscriber', 'holder', 'account', 'owner',
  'new', 'our', 'your', 'the', 'again', 'back', 'morning', 'afternoon', 'evening', 'holiday', 'holidays', 'happy',
  // An event's title words, as a meeting's title reads after "Telehealth -" (person-name-visit).
  'training', 'overview', 'demo', 'update', 'updates', 'review', 'meeting', 'session', 'orientation', 'onboarding', 'workflow',
  'platform', 'setup', 'test', 'testing', 'sync', 'huddle', 'planning', 'kickoff', 'weekly', 'monthly', 'daily', 'introduction',
  'intro', 'integration', 'webinar', 'getting', 'started', 'basics', 'tips', 'best', 'practices', 'practice', 'policy',
  'launch', 'rollout', 'pilot', 'program', 'project', 'committee', 'board', 'hours', 'schedule', 'appointments', 'visits',
  'rounds', 'lecture', 'seminar', 'conference', 'luncheon', 'breakfast', 'dinner', 'celebration', 'retreat', 'interview', 'potluck', 'fundraiser',
  // Places of care and products that own health matters as people do ("Quest Diagnostics' test
  // results", "Apple Watch's ECG", person-name-possessive).
  'hospital', 'hospitals', 'institute', 'foundation', 'university', 'college', 'school', 'medicine', 'wellness', 'fitness',
  'diagnostics', 'labs', 'laboratories', 'pediatrics', 'cardiology', 'oncology', 'dermatology', 'orthopedics', 'dental',
  'children', 'childrens', 'county', 'state', 'city', 'watch', 'fit', 'connect', 'app', 'portal', 'inc', 'corp', 'company',
  'vitamin', 'vitamins', 'shop', 'shoppe', 'store', 'stores', 'outlet',
  // A document's title words, as a visit's title reads before them ("New patient - Welcome Packet").
  'welcome', 'packet', 'forms', 'form', 'paperwork', 'checklist', 'intake', 'information', 'info', 'guide', 'handbook',
  'instructions', 'questionnaire', 'survey', 'registration', 'template', 'templates', 'letter', 'letters', 'notes',
  // A company names itself as a person does ("Hi, this is Medline Industries calling", person-name-self).
  'industries', 'corporation', 'incorporated', 'llc', 'ltd', 'holdings', 'enterprises', 'supply', 'supplies', 'international',
  'global', 'brands', 'products', 'distributors', 'distribution', 'logistics', 'pharma', 'healthcare', 'biotech',
  'teams', 'network', 'associates', 'systems', 'solutions', 'technologies', 'pharmaceuticals', 'therapeutics', 'biosciences',
  // Services a request names as it would a patient ("Referral for Physical Therapy", "PA for Sleep Medicine", person-name-request).
  'therapy', 'therapies', 'surgery', 'surgical', 'specialists', 'specialty', 'urology', 'neurology', 'gastroenterology',
  'ophthalmology', 'optometry', 'podiatry', 'psychiatry', 'obstetrics', 'gynecology', 'rehab', 'rehabilitation', 'hospice',
  'pathology', 'anesthesia', 'disability', 'benefits',
  // What follows "Patient" in a title, a department's name or an error message as a name does
  // ("Patient Safety Week", "Patient Access Representative", "Patient Not Found",
  // person-name-patient). Words that are also surnames (Day, Story, Council) are not here.
  'safety', 'experience', 'access', 'advocate', 'advocacy', 'rights', 'education', 'engagement', 'satisfaction', 'financial',
  'relations', 'representative', 'specialist', 'counselor', 'navigator', 'navigation', 'transport', 'transportation', 'outcomes',
  'assistance', 'liaison', 'quality', 'accounts', 'flow', 'centered', 'indicators', 'week', 'month', 'privacy', 'confidentiality',
  'accounting', 'demographics', 'identification', 'identifier', 'identity', 'record', 'list', 'lists', 'search', 'lookup',
  'summary', 'chart', 'charts', 'data', 'details', 'profile', 'status', 'import', 'export', 'queue', 'tracker', 'tracking',
  'dashboard', 'report', 'reports', 'management', 'monitor', 'monitoring', 'assessment', 'assessments', 'stories', 'voice',
  'voices', 'advisory', 'resources', 'reminder', 'reminders', 'notification', 'notifications', 'message', 'messages', 'messaging',
  'feedback', 'complaints', 'grievance', 'grievances', 'population', 'registry', 'not', 'found', 'none', 'null', 'undefined',
  'unknown', 'invalid', 'missing', 'error', 'already', 'exists', 'does', 'exist', 'locked', 'deleted', 'created', 'updated',
  'merged', 'inactive', 'active', 'zero', 'first', 'last', 'name', 'names', 'number', 'is', 'required', 'empty',
  'mismatch',
  // Spanish words of a clinic's notices, as a title-cased name would stand ("su cita para Vacunas Gratis").
  'vacunas', 'vacuna', 'gratis', 'gratuita', 'gratuitas', 'salud', 'clínica', 'clinica', 'centro', 'servicios', 'médico', 'medico',
  'comunidad', 'pacientes', 'paciente',
  // Health systems' words, as they name themselves like people ("Kaiser Permanente's lab
  // results"); none is a surname or a given name on the lists.
  'memorial', 'regional', 'presbyterian', 'methodist', 'lutheran', 'adventist', 'episcopal', 'samaritan', 'sinai',
  'permanente', 'providence', 'baptist', 'cedars', 'ascension', 'intermountain', 'geisinger', 'ochsner', 'atrium', 'novant',
  'beaumont',
]);

/** Institutions, payers and agencies whose words are all people's names ("Johns Hopkins' lab results portal"). */
const INSTITUTIONS = new Set([
  'johns hopkins', 'mass general', 'sloan kettering', 'dana farber', 'md anderson', 'walter reed', 'rush copley',
  // Payers and agencies named by two words that are also people's ("Records request from Blue Cross").
  'blue cross', 'blue shield', 'social security', 'human resources', 'workers comp', 'wells fargo', 'united way',
]);

/** The lower-case words a name pattern takes before a surname: Maria de la Cruz, Ludwig van Beethoven, Omar bin Laden. */
const SURNAME_PARTICLES = new Set(['de', 'la', 'las', 'los', 'del', 'della', 'da', 'das', 'do', 'dos', 'du', 'van', 'der', 'den', 'von', 'dem', 'ter', 'ten', 'di', 'le', 'bin', 'ibn', 'al', 'el']);

/** Words that open a greeting, where a name's first word would stand in a pattern that allows one. */
const GREETINGS = new Set(['hi', 'hello', 'hey', 'dear', 'greetings', 'hiya', 'howdy', 'hola', 'estimado', 'estimada', 'querido', 'querida']);

/** Two or more capitalized words (McDermott, O'Brien, Muñoz, MacGyver-Kihn too; "Last, First" too) naming a person, not a role, group or place (see ADDRESSEE_ROLES); middle initials and surname particles aside. */
export function addresseeName(text: string): boolean {
  if (INSTITUTIONS.has(text.toLowerCase().replace(/\s+/g, ' '))) return false;
  const words = text.replaceAll(',', ' ').split(/\s+/).filter((w) => !/^[A-Z]\.?$/.test(w) && !SURNAME_PARTICLES.has(w));
  // A greeting is no one's first name: "Hi Aracely" is Aracely greeted (person-name-first-greeted reads that).
  if (words.length < 2 || GREETINGS.has(words[0]!.toLowerCase())) return false;
  return words.every((w) => /^\p{Lu}[\p{Ll}'-]+(?:\p{Lu}[\p{Ll}'-]+){0,2}$/u.test(w) && !ADDRESSEE_ROLES.has(w.toLowerCase()));
}


/** "D. Washington": an initial, then the surname. */
const INITIAL_SURNAME = /^\p{Lu}\.\s?(\p{Lu}[\p{Ll}'’-]+)$/u;
/** "Rosa G.": the first name, then an initial. */
const GIVEN_INITIAL = /^(\p{Lu}\p{Ll}+)\s+\p{Lu}\.$/u;

/**
 * A person's name where a place's could stand, in a visit's title (person-name-appointment) or
 * after "this is" (person-name-self): an addressee's name (addresseeName) whose last word names
 * no place, or names one and is a surname too after a known given name places are not named
 * for ("Xander Hills", "Rosa Park"; not "Oak Park", "Town Hall", "Lincoln Park"); written last
 * name first ("Park, Jimin"), a person's whatever it is.
 */
export function visitName(text: string): boolean {
  // Staff shorthand: an initial and a known surname ("D. Washington", not "S. Park"), a known first name and an initial ("Rosa G.").
  const initialSurname = INITIAL_SURNAME.exec(text);
  if (initialSurname !== null) return knownSurname(initialSurname[1]!) && !PLACE_WORDS.has(listed(initialSurname[1]!));
  const givenInitial = GIVEN_INITIAL.exec(text);
  if (givenInitial !== null) return givenName(givenInitial[1]!);
  if (!addresseeName(text)) return false;
  if (text.includes(',')) return true;
  const words = text.split(/\s+/);
  const last = listed(words[words.length - 1]!);
  if (!PLACE_WORDS.has(last)) return true;
  const first = listed(words[0]!);
  return familyNames().has(last) && givenNames().has(first) && !PLACE_GIVEN.has(first);
}

/**
 * The words of a table's column headings and of a record's status, as they follow a patient
 * label where a name would ("| Patient | Visit Date |", "PATIENT: SEE CHART").
 */
const HEADING_WORDS = new Set([
  'date', 'dob', 'visit', 'diagnosis', 'dx', 'age', 'sex', 'gender', 'room', 'bed', 'phone', 'address', 'email', 'time', 'type',
  'reason', 'code', 'id', 'mrn', 'see', 'same', 'self', 'pending', 'tbd', 'no', 'show', 'file', 'above', 'below', 'admission',
  'discharge', 'on', 'per', 'as', 'and', 'or', 'of', 'the', 'to', 'be', 'is', 'are', 'for', 'with', 'n/a', 'na', 'yes',
]);

/** A name of any origin beside a patient label in a layout (person-name-label-layout): in capitals or title case, not a role, a heading or a status (addresseeName, HEADING_WORDS). */
export function labelName(text: string): boolean {
  const title = text.replace(/\p{L}[\p{L}'-]*/gu, (w) => (w.length > 1 && w === w.toUpperCase() ? w[0] + w.slice(1).toLowerCase() : w));
  const words = title.replaceAll(',', ' ').split(/\s+/).filter((w) => w !== '');
  return addresseeName(title) && !words.some((w) => HEADING_WORDS.has(w.toLowerCase()));
}

/**
 * One capitalized word that is a surname on the list and no role's word ("Garcia", not
 * "Portal" or "Education"): a patient named by surname alone in staff shorthand ("pt Garcia
 * called", person-name-patient-surname).
 */
export function knownSurname(text: string): boolean {
  const w = text.trim();
  return CAPITALIZED.test(w) && !/\s/.test(w) && familyNames().has(listed(w)) && !ADDRESSEE_ROLES.has(listed(w));
}

/** Words a greeting addresses or an introduction names that are no one's name ("Hi There", "Hey Guys", "This is Urgent"), beside the roles of ADDRESSEE_ROLES. */
const NOT_GREETED = new Set([
  'guys', 'everybody', 'doc', 'mom', 'dad', 'neighbour', 'neighbours', "y'all", 'yall', 'teammates', 'coworkers', 'applicants',
  'reader', 'readers', 'subscribers', 'sender', 'recipient', 'you', 'today', 'tomorrow', 'todos', 'todas', 'amigo', 'amiga',
  // What follows "this is" or "I'm" as a word, capitalized at a sentence's start or by a phone (person-name-self-first).
  'sorry', 'urgent', 'important', 'great', 'fine', 'good', 'okay', 'ok', 'done', 'ready', 'here', 'late', 'sick', 'home', 'available',
  'unable', 'glad', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'it', 'me', 'him', 'her', 'them',
  'why', 'what', 'how', 'not', 'so', 'very', 'just', 'still', 'also', 'only', 'this', 'that', 'correct', 'right', 'wrong', 'true',
  'false', 'yes', 'no', 'awesome', 'amazing', 'confused', 'concerned', 'worried', 'calling', 'writing', 'following', 'reaching',
  'trying', 'going', 'looking', 'waiting', 'interested', 'pregnant', 'diabetic', 'allergic', 'feeling', 'having', 'better', 'worse',
  'fixed', 'complete', 'completed', 'finished', 'closed', 'open', 'free', 'busy', 'out', 'in', 'on', 'off', 'up', 'down',
  // Titles before a name ("this is Dr. Lee's office", "this is Mrs. Garcia": the name after them is person-name-honorific's).
  'dr', 'mr', 'mrs', 'ms', 'mx', 'miss', 'prof', 'rev', 'fr', 'sr', 'jr', 'sra', 'srta',
]);

/**
 * One capitalized word that is no role's and no greeting's word ("Aracely", not "Team",
 * "Everyone" or "There"): a patient greeted by first name in a message about their care ("Hi
 * Aracely, your lab results are ready", person-name-first-greeted). Any origin: the greeting and the
 * care around it say it is a person.
 */
export function greetedName(text: string): boolean {
  const w = text.trim();
  const lower = w.toLowerCase();
  return /^\p{Lu}[\p{Ll}'’-]+(?:\p{Lu}[\p{Ll}'’-]+)?$/u.test(w) && !ADDRESSEE_ROLES.has(lower) && !NOT_GREETED.has(lower) && !GREETINGS.has(lower);
}

const MONTH_NAMES = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']);

/**
 * One capitalized word that is a known given name (the SSA list) and no everyday word or month
 * ("Keisha", not "June", "Mark" or "Will"): a patient named by first name alone before a result
 * of theirs (person-name-first-result), where a word of any other origin could as well be a
 * device's or a company's ("Omron's BP 7250").
 */
export function givenName(text: string): boolean {
  const w = text.trim();
  const lower = w.toLowerCase();
  return /^\p{Lu}\p{Ll}+$/u.test(w) && givenNames().has(listed(w)) && !GIVEN_WORDS.has(lower) && !MONTH_NAMES.has(lower) && !NOT_GREETED.has(lower);
}

/** Words of counts, times and doses, which no street's name has: "9 DAYS AGO BY DR", "3 TABS BY MOUTH AT BEDTIME", "1 HEAD CT". */
const NOT_A_STREET_WORD = new Set([
  'ago', 'by', 'for', 'with', 'to', 'at', 'day', 'days', 'hour', 'hours', 'hr', 'hrs', 'week', 'weeks', 'wk', 'wks', 'month', 'months', 'mo', 'mos',
  'year', 'years', 'yr', 'yrs', 'minute', 'minutes', 'min', 'mins', 'second', 'seconds', 'times', 'mg', 'mcg', 'ml', 'units', 'tab', 'tabs',
  'tablet', 'tablets', 'pill', 'pills', 'dose', 'doses', 'patient', 'patients', 'pt', 'pts', 'visit', 'visits', 'head', 'chest', 'abd', 'mouth',
]);

/** A street address whose words name a street, not a count, a time or a dose beside a street suffix ("5 DAYS AGO BY DR", "1 HEAD CT"). */
export function street(text: string): boolean {
  return !text.toLowerCase().split(/[^a-z]+/).some((w) => NOT_A_STREET_WORD.has(w));
}

/** "None", "unknown", "not available" in the languages of person-name-label-script: a form's filler, no one's name. */
const NO_VALUE = new Set(['لا يوجد', 'غير معروف', 'غير متوفر', 'غير متاح', 'ندارد', 'نامشخص', 'ללא', 'לא ידוע', 'אין', 'कोई नहीं', 'अज्ञात', 'উপলব্ধ নয়', 'ไม่มี', 'ไม่ทราบ', 'δεν υπάρχει', 'άγνωστο', 'нет данных', 'неизвестно', '无', '不详', '未知', '없음']);

/**
 * A name after a label in a script without the capitals the Latin name patterns go by
 * (person-name-label-script): not itself a field's label in one of those languages ("Name: 姓名"
 * is a bilingual form's heading, "name: اسم المريض" a translation), not a language's name for
 * itself (a language picker's "name: العربية"), not a form's "none" or "unknown".
 */
export function scriptName(text: string): boolean {
  const t = text.trim();
  return !isScriptLabel(t.replace(/[ \t\u3000・]/gu, '')) && !isScriptLabel(t) && !isLanguageName(t) && !NO_VALUE.has(t.toLowerCase());
}

export const VALIDATORS = {
  luhn: (t: string) => luhn(digitsOf(t)),
  ssn,
  itin,
  npi,
  dea,
  mbi,
  hicn,
  aba,
  vin,
  gtin,
  nanp,
  'spoken-phone': spokenPhone,
  date,
  age89,
  ipv4,
  'intl-phone': intlPhone,
  'person-name': personName,
  'known-full-name': knownFullName,
  'known-full-name-lower': knownFullNameLower,
  'known-given-name': knownGivenName,
  'addressee-name': addresseeName,
  'visit-name': visitName,
  'known-surname': knownSurname,
  'greeted-name': greetedName,
  'given-name': givenName,
  'script-name': scriptName,
  street,
  'label-name': labelName,
} as const satisfies Record<string, (text: string) => boolean>;

export type ValidatorName = keyof typeof VALIDATORS;
export const VALIDATOR_NAMES = Object.keys(VALIDATORS) as ValidatorName[];
