// Prints detectors/person-name-relative.yaml: node detectors/generators/person-name-relative.mjs > detectors/person-name-relative.yaml
import { NAME, q, un } from './shared.mjs';
/* global console */
const REL = '(?:son|daughter|husband|wife|spouse|mother|father|mom|mum|dad|child|baby|grandson|granddaughter|grandchild|grandmother|grandfather|grandma|grandpa|brother|sister|partner|boyfriend|girlfriend|fianc[eé]e?|aunt|uncle|niece|nephew|stepson|stepdaughter|stepmother|stepfather|caregiver|guardian|foster (?:son|daughter|child)|(?:mother|father|son|daughter)-in-law)';
const ES_REL = '(?:hijo|hija|esposo|esposa|marido|mujer|madre|padre|mamá|mama|papá|papa|hermano|hermana|abuelo|abuela|nieto|nieta|suegro|suegra|novio|novia|bebé|bebe)';
const KIN = '(?:son|daughter|husband|wife|spouse|mother|father|mom|mum|dad|grandson|granddaughter|caregiver|guardian|(?:mother|father|son|daughter)-in-law)';
const patterns = [
  `(?:^|[^A-Za-z])(?:(?i:my|our|(?:the )?(?:patient|pt)(?:['’]s|s['’]))[ \\t]+(?i:${REL})|(?i:mi|nuestr[oa])[ \\t]+(?i:${ES_REL}))(?:,)?[ \\t]+(?P<v>${NAME})\\b(?:[ \\t]*[^ \\tA-ZÀ-ÖØ-Þ]|[ \\t]*$)`,
  // "I am Chidinma Okonkwo's daughter": the patient's name, said by a relative
  `(?:^|[^A-Za-z])(?i:i[ \\t]+am|i['’]m|this[ \\t]+is|calling[ \\t]+for|on[ \\t]+behalf[ \\t]+of)[ \\t]+(?P<v>${NAME})['’]s[ \\t]+(?i:${KIN})\\b`,
];
const trigger = `(?:^|[^A-Za-z])(?:(?i:my|our|(?:patient|pt)(?:['’]s|s['’]))[ \\t]+(?i:${REL})|(?i:mi|nuestr[oa])[ \\t]+(?i:${ES_REL})),?[ \\t]+[A-ZÀ-ÖØ-Þ]|['’]s[ \\t]+(?i:${KIN})\\b`;
console.log(`id: person-name-relative
name: A relative's name in a patient's message or a note (my son Emeka Okonkwo, the patient's wife ...)
identifier: names
description: >
  Names of relatives are identifiers too (45 CFR 164.514(b)(2)(i): "of the individual or of
  relatives, employers, or household members"), and patients write them into messages, forms
  and chats about their care: "My son Emeka Okonkwo was seen on 11/2 and we got a bill", "the
  patient's wife, Ngozi Okonkwo, called". A name of any origin (not a role, a group or a place:
  see visit-name) right after my / our / the patient's and a relation (or mi / nuestro and one
  in Spanish: "Mi hijo Emeka Okonkwo tiene fiebre"), beside words of care; a staff member's blog
  about their family ("my wife Jane Smith and I") has none. A relative who writes in names the
  patient the other way round: "I am Chidinma Okonkwo's daughter, she had surgery yesterday"
  (the name before 's and a relation, after I am / I'm / this is / calling for).
patterns:
${patterns.map((p) => `  - ${q(un(p))}`).join('\n')}
# The words of care are common; the relation before a name is not: the pattern runs only where that is
# (the trigger), and counts only beside a word.
trigger: ${q(un(trigger))}
validator: visit-name
context:
  # Words of one person's care, not of a clinic's own pages (patient, doctor, clinic: a staff spotlight names them).
  words: [appointment, appt, seen, a bill, the bill, bill for, refill, prescription, medication, results, fever, sick, surgery, referral,
          vaccine, vaccination, shots, insurance, copay, diagnosed, emergency room, urgent care, symptoms, rash, cough, reschedule,
          medical records, well-child, check-up, checkup, physical, pediatrician, date of birth, discharge,
          cita, fiebre, receta, medicamento, medicina, resultados, consulta, vacuna, seguro médico, factura, síntomas, tos, reprogramar]
  window: 64
  required: true
confidence: { base: 0.8, context: 0.8 }
examples:
  match:
    - 'My son Emeka Okonkwo was seen on 11/2 and we got a bill for $450'
    - 'The patient''s wife, Ngozi Okonkwo, called about the discharge paperwork and his medication'
    - 'I need to reschedule my daughter Amara Okonkwo''s check-up'
    - 'Mi hijo Emeka Okonkwo tiene fiebre desde ayer'
    - 'Pt''s mother Ngozi Okonkwo requests a copy of her medical records'
    - 'I am Chidinma Okonkwo''s daughter, she had surgery yesterday and the incision is red'
    - '{"message":"This is Chidinma Okonkwo’s husband, she needs a refill of her medication"}'
  no_match:
    - 'My wife Jane Smith and I are opening a bakery downtown'
    - 'My husband Billy Heathcote and I love painting'
    - 'Mi esposa Rosa Garcia y yo abrimos una panadería'
    - 'My son Emeka was seen on 11/2'
    - 'Our daughter Front Desk checks you in for your appointment'
    - 'Our partner Acme Corp handles billing for the clinic'
    - 'I am Jane Smith''s assistant, she is out of the office until Monday'
    - 'This is Jane Smith''s daughter Ava, she loves the new playground'
`);
