// Prints detectors/person-name-self-first.yaml: node detectors/generators/person-name-self-first.mjs > detectors/person-name-self-first.yaml
import { C, L, S, q, un } from './shared.mjs';
/* global console */
const GIVEN = `[${C}][${L}]+(?:[${C}][${L}]+)?`;
const INTRO = `(?i:my${S}name${S}is|my${S}name['’]s|this${S}is|it['’]s|i['’]m|i${S}am|im|soy|me${S}llamo|mi${S}nombre${S}es)`;
// (not "from": "this is Jen from Dr. Lee's office" is the office calling, not a patient)
const BREAK = `(?:[ \\t]*[,.!;]|${S}(?i:and|here|calling|again|y)\\b)`;
const patterns = [`(?:^|[^A-Za-z''’])${INTRO}${S}(?P<v>${GIVEN})${BREAK}`];
const trigger = `(?:^|[^A-Za-z''’])${INTRO}${S}[${C}][${L}]+${BREAK}`;
console.log(`id: person-name-self-first
name: Someone naming themselves by first name in a message about their care (hi im Aracely, i had a colonoscopy ...)
identifier: names
description: >
  Patients writing to a clinic's chat widget, text line or contact form often give only their
  first name before what is wrong: "hi im Aracely, i had a colonoscopy last week and im still
  bleeding", "Hi, this is Aracely. I need a refill of my inhaler", "My name is Aracely and I
  need to reschedule my appointment". One capitalized word of any origin that ends there (a
  comma, a stop, "and", "here", "calling"), no role's, title's, greeting's or everyday word's
  ("This is Urgent.", "I'm Sorry,", "this is Dr. Lee's office"), beside words of the writer's
  own care; not "this is Jen from Dr. Lee's office" (the office calling a patient). A full
  name is person-name-self's.
patterns:
${patterns.map((p) => `  - ${q(un(p))}`).join('\n')}
# "this is", "I'm" are everywhere; followed by one capitalized word and a break they are rare: the
# pattern runs only there (the trigger), and counts only beside a word of care.
trigger: ${q(un(trigger))}
validator: greeted-name
context:
  words: [appointment, reschedule, cancel my, refill, prescription, lab results, test results, my results, call me back, callback,
          my doctor, my chart, symptoms, fever, my medication, medication, inhaler, bleeding, pain, surgery, colonoscopy, biopsy,
          pregnant, rash, my insulin, my bill, cita, receta, dolor, medicina]
  window: 96
  required: true
confidence: { base: 0.8, context: 0.8 }
examples:
  match:
    - 'hi im Aracely, i had a colonoscopy last week and im still bleeding'
    - 'Hi, this is Aracely. I need a refill of my inhaler'
    - 'My name is Aracely and I need to reschedule my appointment'
    - '{"text":"Hola, soy Aracely y necesito una cita"}'
  no_match:
    - 'Hi, this is Aracely. Thanks for the great service at the front desk!'
    - 'This is Urgent. Please reschedule the staff appointment block.'
    - "I'm Sorry, your appointment slot was taken."
    - 'This is Springfield Family Medicine calling about your appointment'
    - 'Hi Team, this is Monday. The refill queue is long.'
    - 'My name is Aracely Mraz and I need a refill'
    - 'Hi, this is Dr. Lee''s office calling to confirm your appointment'
    - 'this is Jen from Dr. Lee''s office re: your appointment'
`);
