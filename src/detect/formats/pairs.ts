/**
 * The patterns of PHI-named fields, shared by the extractors (formats/fields.ts) and the
 * scanner's RE2 set (compile.ts), whose probes say whether an extractor can find anything.
 * A probe matches wherever its extractor's pattern does (it may match where the extractor
 * then finds nothing, never the reverse), so skipping an extractor on a silent probe loses
 * nothing. `keys` is the pack's key alternation.
 */

/**
 * After a JSON key: colon, an optional array start or an object holding the value under
 * `"value"` (GA4's user properties: `"full_name": {"value": "Rosa Garcia"}`), then a string or a
 * number.
 */
const JSON_VALUE = '\\s*:\\s*(?:\\[\\s*|\\{\\s*"value"\\s*:\\s*)?(?:"(?:[^"\\\\]|\\\\.)*"|-?\\d[\\d.eE+-]*)';

/** `"key": "value"`, `"key": 123`, `"key": ["value", ...]`, `"key": {"value": "value"}`. No capturing groups. */
export function jsonPairSource(keys: string): string {
  // Mixpanel's reserved properties begin with a dollar: "$email", "$first_name", "$phone".
  return `"\\$?(?:${keys})"${JSON_VALUE}`;
}

/** `<key>value</`, with an optional namespace prefix and attributes; groups k and v. */
export function xmlPairSource(keys: string): string {
  return `<(?:[A-Za-z0-9_]+:)?(?P<k>${keys})(?:\\s[^>]*)?>(?P<v>[^<]{1,512})</`;
}

/**
 * Nested form field names, as Rails and PHP write them: `user[patient_attributes][dob]=`,
 * `fields[0][ssn]=`. The PHI name is the last part (or `patient[last`: a prefix, a bracket,
 * a name), its closing brackets follow.
 */
const FORM_NESTING = '(?:[A-Za-z0-9_.\\]-]*\\[)*';
/** Jotform names its fields `q<N>_<name>` (`q3_fullName`, `q4_dob[month]`): the question number is no part of the name. */
const FORM_QUESTION = '(?:q[0-9]+_)?';
/**
 * Google Analytics 4 prefixes the parameters a site adds to an event or a user (`ep.` and
 * `epn.` for an event's, `up.` and `upn.` for a user's: `ep.patient_name=`, `up.dob=`): the
 * field's name follows.
 */
const FORM_ANALYTICS = '(?:(?:ep|epn|up|upn)\\.)?';
/** A date asked in parts (`dob[month]=02&dob[day]=11&dob[year]=1947`): each part is its field's. */
const FORM_DATE_PART = '(?:\\[(?:month|day|year)\\])?';

/** Where a `key=value` pair of a form body or query string starts: the start or a separator. */
const FORM_START = '(?:^|[&?;])';
/**
 * A pair's value: up to a separator, whitespace, or a double quote, angle bracket or backslash,
 * which end the JSON string or XML element a query string sits in (a form encodes them; an
 * apostrophe it does not: O'Keefe).
 */
const FORM_VALUE = `[^&#\\s"<>\\\\]`;

/** `key=value` in a form body or a query string, also one inside a JSON string or a log line (`patient[dob]=` too); groups k and v. */
export function formPairSource(keys: string): string {
  return `${FORM_START}${FORM_QUESTION}${FORM_ANALYTICS}${FORM_NESTING}(?P<k>${keys})${FORM_DATE_PART}\\]*=(?P<v>${FORM_VALUE}+)`;
}

/**
 * logfmt, as log lines write pairs (`level=info msg="checkin" patient_id=4471203
 * patient_name="Rosa Garcia"`): a PHI-named key after whitespace, its value bare (group v) or
 * quoted (group q, without the quotes). A pair may start at any space, which would make the
 * key names a live state of the set's pass after every space of every payload (small JSON
 * bodies 1.03-1.07x the time, measured), so this runs only where PROBE_LOGFMT saw a logfmt
 * line's own keys.
 */
export function logfmtPairSource(keys: string): string {
  return `(?:^|[ \\t])(?P<k>${keys})=(?:"(?P<q>[^"\\n]{1,256})"|(?P<v>${FORM_VALUE}+))`;
}

/**
 * A person's name labelled outside JSON's quoted keys and form pairs: an XML attribute
 * (`<Person FirstName="Rosa" .../>`), a GraphQL argument inside a JSON string (`firstName:
 * \\"Rosa\\"`), YAML, INI and TOML (`first_name: Rosa`, `last_name = "Garcia"`), a JavaScript
 * object. Dates, SSNs and MRNs so labelled are found by their patterns (the label is their
 * context word); a name has no pattern of its own. The label: a name field's words; the value:
 * quoted (groups q, s) or a bare capitalized word or words that end the line or the item (v).
 * The label starts at a word boundary rather than after a separator it would consume: a bare
 * value's match takes the line end, which the next line's label then needs no more.
 */
const NAME_LABEL = '\\b(?i:first|last|given|family|middle|full|patient|legal|maiden|preferred)[_ -]?(?i:name)\\s*[:=]\\s*';
/** Letters of names, upper and lower case: ASCII, Latin-1, Latin Extended-A and -B and Latin Extended Additional (José, Muñoz, Łukasz, Nguyễn, Hương), as the name detectors take them. */
const UPPER = 'A-ZÀ-ÖØ-ÞĀ-žƀ-ɏḀ-ỿ';
const LOWER = 'a-zß-öø-ÿĀ-žƀ-ɏḀ-ỿ';
const NAME_TEXT = `[${UPPER}${LOWER}][${UPPER}${LOWER}' .-]{0,63}`;
export function nameLabelSource(): string {
  return `${NAME_LABEL}(?:\\\\?"(?P<q>${NAME_TEXT})\\\\?"|'(?P<s>${NAME_TEXT})'|(?P<v>[${UPPER}][${LOWER}'-]+(?:[ \\t][${UPPER}][${LOWER}'-]+)*)[ \\t]*(?:$|[\\r\\n,;}]))`;
}
/** The probe of nameLabelSource: a label and the first character of a value. No capturing groups. */
export const NAME_LABEL_PROBE = `${NAME_LABEL}(?:\\\\?"|'|[${UPPER}])`;

/**
 * The keys every logfmt logger writes (`level=`, `msg=`): a log line in logfmt is there; or a
 * JSON logger's message holding `key=value` pairs (`"msg": "saved chart first_name=Rosa ..."`).
 */
export const LOGFMT_SOURCE = '(?:^|[ \\t"])(?:level|lvl|msg|severity)=|"(?:msg|message|log)"\\s*:\\s*"[^"]*[ \\t][A-Za-z_]+=';

/**
 * The probes: the JSON pattern itself (it has no groups), and the form and XML patterns
 * without their groups and cut after the value's first byte: a value's length limit
 * ({1,512}) would multiply the set's DFA states, and a shorter pattern matches wherever the
 * longer one does.
 */
export function pairProbes(keys: string): { json: string; form: string; xml: string } {
  return {
    json: jsonPairSource(keys),
    form: `${FORM_START}${FORM_QUESTION}${FORM_ANALYTICS}${FORM_NESTING}(?:${keys})${FORM_DATE_PART}\\]*=${FORM_VALUE}`,
    xml: `<(?:[A-Za-z0-9_]+:)?(?:${keys})(?:\\s[^>]*)?>[^<]`,
  };
}

/**
 * Members that name a field in an object that also holds its value: form builders, CRMs and
 * survey tools write `{"name": "date_of_birth", "value": "1947-02-11"}` (HubSpot),
 * `{"name": "patientName", "answer": {...}}` (JotForm), `{"field": {"ref": "ssn"}, "text": ...}`.
 */
export const LABEL_KEYS = ['name', 'key', 'field', 'fieldname', 'field_name', 'label', 'ref', 'question', 'title', 'attribute', 'property', 'id', 'linkid', 'idtype'];

/** The members that hold such a field's value (and everything nested in them). */
export const VALUE_KEYS = ['value', 'values', 'val', 'answer', 'answers', 'text', 'response', 'data', 'date', 'number', 'phone_number', 'email', 'input', 'content', 'fieldvalue', 'field_value', 'stringvalue', 'string_value', 'idvalue'];

/**
 * The probe of formLabelledFields: a form parameter whose last bracketed part names a field
 * (`fields[0][name]=last_name`, brackets raw or percent-encoded) and whose value is a PHI field
 * name. No capturing groups.
 */
export function formLabelledSource(keys: string): string {
  // From the bracket on only: a leading run of any name bytes would keep a DFA state alive
  // across whole JSON bodies (measured: small API bodies 1.02-1.07x the time).
  return `(?:\\[|%5[Bb])(?i:name|key|label|field|fieldname|field_name)(?:\\]|%5[Dd])=(?:${keys})(?:[&#\\s]|$)`;
}

/**
 * Member names that stand for a person when their value is an object (`"patient": {"last":
 * ...}`): its members are read as if prefixed (`patient last`). `user_data` is the ad
 * platforms' (its `em`, `ph`, ... are keys only as `user data em`). The person prefixes of
 * data/phi-keys.yaml that are also common generic names are left out: member (team members),
 * parent (trees), dependent, resident, pt (the Portuguese locale), nok.
 */
export const PERSON_OBJECTS = ['patient', 'subscriber', 'insured', 'guarantor', 'beneficiary', 'guardian', 'spouse', 'emergency contact', 'next of kin', 'responsible party', 'policy holder', 'policyholder', 'mother', 'father', 'user data'];

/**
 * Member names of an analytics library's user description (Segment's `traits`, Amplitude's
 * `user_properties`, Mixpanel's `$set` and `$set_once`): on a patient portal the user is a
 * patient. Their `name` is no field name of its own (a group's traits name a company: "Grace
 * Community Clinic"), so it counts only when it reads as a person's name (a known given name
 * and a known family name); their other members are named like any JSON key.
 */
export const USER_OBJECTS = ['traits', 'user properties', 'user traits', 'set', 'set once'];

/** The members of a name written as an object of its parts (see jsonObjectFields). */
export const NAME_PARTS = ['first', 'last', 'given', 'family', 'middle'];

/**
 * The probe of jsonObjectFields: `"name": "date_of_birth"` (a label member whose value is a
 * PHI field name), `"patient": {` / `"subscriber": [` (a person prefix alone, opening an
 * object or array), `[["` (an array of rows: a table's header naming a PHI field or a
 * generic one, or rows without their header), a questionnaire's item, or `"name": {"first"`
 * (a name as an object of its parts). No capturing groups.
 */
export function jsonObjectsSource(keys: string): string {
  const persons = [...PERSON_OBJECTS, ...USER_OBJECTS].map((p) => p.split(' ').join('[ _-]?')).join('|');
  // An array of rows, or the column names of a table split in two members (see SPLIT_HEADERS in json-objects.ts).
  const table = `\\[\\s*\\[\\s*"|"(?i:columns|headers|header|column_?names|cols)"\\s*:\\s*\\[\\s*"`;
  // A FHIR QuestionnaireResponse item whose question names a PHI field (`"linkId": "1.1", "text": "Full name"`).
  const question = `"linkId"\\s*:\\s*"[^"]*"\\s*,\\s*(?:"definition"\\s*:\\s*"[^"]*"\\s*,\\s*)?"text"\\s*:\\s*"(?:${keys})"`;
  // A name as an object of its parts (`"name": {"first": "Rosa", "last": "Garcia"}`), as CRMs and form tools send it.
  const nameObject = `"(?i:name)"\\s*:\\s*\\{\\s*"(?i:${NAME_PARTS.join('|')})"`;
  return `"(?i:${LABEL_KEYS.join('|')})"\\s*:\\s*"(?:${keys})"|"\\$?(?i:${persons})"\\s*:\\s*[\\[{]|${table}|${question}|${nameObject}`;
}
