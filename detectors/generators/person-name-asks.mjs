// Prints detectors/person-name-asks.yaml: node detectors/generators/person-name-asks.mjs > detectors/person-name-asks.yaml
import { NAME, S, CARE, q, un, NOT_A_PROVIDER } from './shared.mjs';
/* global console */
const ASKS = [
  // what they ask for: "requested a copy of her records", "would like to schedule a physical", "wants to switch to Dr. Lee"
  `${S}(?:is${S})?(?:requested|requesting|requests|would${S}like|wants|is${S}asking${S}for|asked${S}for|called${S}to)${S}(?:(?:to${S})?(?:schedule|book|reschedule|cancel|get|have)${S})?(?:(?:a|an|her|his|their|another|a${S}copy${S}of${S}(?:her|his|their))${S})?(?:[a-z-]+${S}){0,2}(?:${CARE}|records|medical${S}records|refill|prescription|rx|referral|lab${S}results|test${S}results)\\b`,
  `${S}(?:is${S})?(?:requested|requesting|would${S}like|wants|is${S}asking|asked)${S}to${S}(?:switch|transfer)${S}(?:(?:her|his|their)${S}care${S})?to${S}dr\\.?${S}[a-z-]+\\b`,
];
const END = `(?i:${ASKS.join('|')})`;
const patterns = [`(?:^|[^A-Za-z''-])(?P<v>${NAME})${END}`];
const trigger = END;
console.log(`id: person-name-asks
name: Person name with what they ask of the clinic (requested a copy of her records, would like to schedule a physical)
identifier: names
description: >
  Phone messages and staff chat say what a patient asked for right after the name: "Chidinma
  Okonkwo requested a copy of her records", "... would like to schedule a physical", "... is
  requesting a refill of her Xanax", "... wants to switch to Dr. Lee". A name of any origin (not
  a role, a group or a place: see visit-name), not a provider; what is asked for must be care,
  records or a prescription ("requested a copy of the contract", "would like to schedule a
  meeting" are no one's care).
patterns:
${patterns.map((p) => `  - ${q(un(p))}`).join('\n')}
# The pattern begins with a name's shape: it runs only where its ending is (the trigger). Apart from
# person-name-scheduled, whose three patterns would all run where "Patient requests a refill" is
# (clinical notes: 1.08x the time there).
trigger: ${q(un(trigger))}
validator: visit-name
${NOT_A_PROVIDER}
confidence: { base: 0.8 }
examples:
  match:
    - 'Chidinma Okonkwo requested a copy of her records'
    - 'Chidinma Okonkwo would like to schedule a physical'
    - 'Chidinma Okonkwo wants to switch to Dr. Lee'
    - '{"text":"Chidinma Okonkwo is requesting a refill of her Xanax"}'
  no_match:
    - 'Jane Doe requested a copy of the contract'
    - 'John Smith would like to schedule a meeting about the budget'
    - 'Mike Jones wants to see Dr. Lee about the new device'
    - 'Patient requests a refill of lisinopril'
    - 'Dr. Rosa Garcia would like to schedule a colonoscopy block'
`);
