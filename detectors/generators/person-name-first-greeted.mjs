// Prints detectors/person-name-first-greeted.yaml: node detectors/generators/person-name-first-greeted.mjs > detectors/person-name-first-greeted.yaml
import { C, L, S, q, un } from './shared.mjs';
/* global console */
const GIVEN = `[${C}][${L}]+(?:[${C}][${L}]+)?`;
const GREET = `(?i:hi|hello|hey|dear|good${S}(?:morning|afternoon|evening)|hola|buenos${S}d[ií]as|buenas${S}tardes|estimad[oa])`;
const CARE = '(?:appointment|appt|visit|test results?|lab results?|results|prescription|refill|referral|procedure|surgery|colonoscopy|mammogram|biopsy|mri|x-?ray|imaging|bill|statement|balance|medication|vaccine|vaccination|covid test|prior authorization|prior auth)';
const END = `[,!]${S}(?i:this is a (?:friendly )?reminder (?:of|about|that|for)|your${S}(?:(?:upcoming|next|scheduled|recent|latest|new)${S})?${CARE}\\b|you have an?${S}(?:(?:upcoming|new)${S})?(?:appointment|appt|visit)\\b|su${S}(?:pr[oó]xima${S})?(?:cita|receta|resultados?|factura|vacuna)\\b|tiene${S}una${S}cita\\b)`;
// a practice's reply to an online review, naming the reviewer and their care (OCR has fined practices for this)
const REVIEW_CARE = `(?:visit|appointment|appt|surgery|procedure|treatment|care|colonoscopy|mammogram|exam|check-?up|physical|replacement|implants?|crown|filling|cleaning|root${S}canal|extraction|braces|delivery|birth|therapy|recovery|diagnosis|results|prescription|injection|vaccine|shot|biopsy|mri|x-?ray|scan|consultation|consult|stay|admission|wait)`;
const THANKS_END = `(?i:${S}for${S}(?:your${S}|the${S})?(?:(?:kind|nice|wonderful|great|lovely|honest|thoughtful|positive|detailed)${S})?(?:words|review|feedback|comments?|note|rating)${S}(?:about|on|regarding|of)${S}(?:your|the)${S}(?:[a-z-]+${S}){0,2}${REVIEW_CARE}\\b)`;
const FEELING = `[,!]${S}(?i:we(?:['’]re|${S}are)|i(?:['’]m|${S}am))${S}(?i:(?:so|very|truly|really)${S})?(?i:glad|sorry|happy|thrilled|pleased|saddened)`;
const FEELING_END = `${FEELING}${S}(?i:(?:to${S}(?:hear|read|learn)${S}(?:that${S}|about${S})?)?(?:your|that${S}your|you)${S}(?:[a-z-]+${S}){0,4}${REVIEW_CARE}\\b)`;
const patterns = [
  `(?:^|["\\r\\n>])[ \\t]*${GREET}${S}(?P<v>${GIVEN})${END}`,
  `(?:^|["\\r\\n>])[ \\t]*(?i:thank${S}you|thanks)${S}(?P<v>${GIVEN})${THANKS_END}`,
  `(?:^|["\\r\\n>])[ \\t]*(?:${GREET}${S})?(?P<v>${GIVEN})${FEELING_END}`,
];
const trigger = `${END}|${THANKS_END}|${FEELING}`;
console.log(`id: person-name-first-greeted
name: A first name greeted in a message about that person's care (Hi Aracely, your lab results are ready)
identifier: names
description: >
  Reminders and portal messages greet the patient by first name before saying what is theirs:
  "Hi Aracely, your lab results are ready", "Dear Jerome, your appointment with Dr. Patel is
  tomorrow", "Hola Aracely, su cita es el lunes"; and a practice's replies to online reviews
  name the reviewer and their care ("Thank you Aracely for your kind words about your knee
  surgery", "Aracely, we are sorry your wait for the colonoscopy was so long": HHS has fined
  practices for such replies). A first name is a name (45 CFR
  164.514(b)(2)(i)(A)); beside a visit, a result or a bill of theirs it says who the care is for.
  One capitalized word of any origin that is no role's or greeting's word ("Hi Team, your appointment
  reminders ..." is no one's); a full name there is person-name-greeting's and person-name-scheduled's.
patterns:
${patterns.map((p) => `  - ${q(un(p))}`).join('\n')}
# The patterns begin at every quote and line start: they run only where their endings are (the trigger), which are rare.
trigger: ${q(un(trigger))}
validator: greeted-name
confidence: { base: 0.8 }
examples:
  match:
    - 'Hi Aracely, your lab results are ready in the portal.'
    - '{"to":"+15555550123","body":"Dear Jerome, your appointment with Dr. Patel is tomorrow at 10:30."}'
    - 'Hello Rosa! Your prescription is ready for pickup.'
    - 'Hola Aracely, su cita es el lunes a las 9.'
    - 'Good morning Chidinma, this is a reminder of your visit tomorrow.'
    - '{"comment":"Thank you Aracely for your kind words about your knee surgery with Dr. Patel!"}'
    - 'Aracely, we are sorry your wait for the colonoscopy was so long. Please call our office.'
    - 'Hi Jerome, we''re glad your hip replacement went well!'
  no_match:
    - 'Hi Team, your appointment reminders now go out by text.'
    - 'Hi All, your lab results dashboard is live.'
    - 'Hello Everyone, your feedback on the new results page is due Friday.'
    - 'Hi There, your appointment is confirmed.'
    - 'Hi {{first_name}}, your appointment is on {{date}}.'
    - 'Dear Patient, your lab results are ready.'
    - 'Hi Aracely, thanks for the notes from the staff meeting.'
    - 'Thank you Team for your feedback about the staff meeting!'
    - 'Sarah, thanks for the notes. We are glad the new schedule works.'
    - 'Everyone, we are happy to announce your new break room'
`);
