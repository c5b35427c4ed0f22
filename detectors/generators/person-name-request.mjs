// Prints detectors/person-name-request.yaml: node detectors/generators/person-name-request.mjs > detectors/person-name-request.yaml
import { NAME, S, q, un } from './shared.mjs';
/* global console */
const STATUS = `(?:${S}(?:request(?:ed)?|approved|denied|submitted|pending|needed|sent|started|faxed|received|appeal|renewal))?`;
const REQ = `(?:(?i:(?:medical${S})?records?(?:${S}request(?:ed)?)?|prior${S}auth(?:orization)?s?|pre-?auth(?:orization)?|referral|refill|prescription|rx|(?:lab|imaging|mri|x-?ray|ct|pathology|biopsy|blood${S}work|ekg|ecg)${S}(?:results?|reports?))${STATUS}${S}(?i:for|from|of|on)|PA${STATUS}${S}(?i:for|on)|(?i:referral${S}from${S}(?:dr\\.?${S})?[a-z''-]+${S}for))`;
const ITEM = `(?i:(?:a${S}copy${S}of${S})?(?:her|his|their)${S}(?:(?:medical|lab|test|mri|x-?ray|imaging|referral|billing|insurance)${S})?(?:records|chart|results|labs|notes|referral|prescription|rx|x-?rays?|images|paperwork|bill|statement|invoice|forms))\\b`;
const patterns = [
  `(?:^|[^A-Za-z])${REQ}${S}(?P<v>${NAME})\\b(?:[ \\t]*[^ \\tA-ZÀ-ÖØ-Þ]|[ \\t]*$)`,
  `(?:^|[^A-Za-z])(?i:send|fax|mail|e-?mail|forward|release|give)${S}(?P<v>${NAME})${S}${ITEM}`,
];
const trigger = `${REQ}${S}[A-ZÀ-ÖØ-Þ]|${S}${ITEM}`;
console.log(`id: person-name-request
name: Person name in a request about their care (records for ..., prior auth for ..., send ... her records)
identifier: names
description: >
  Task boards, team chat and chat assistants carry the front desk's requests about a patient by
  name: "Please fax records for Chidinma Okonkwo to Dr. Lee", "PA approved for Chidinma Okonkwo
  (Ozempic)", "Prior authorization submitted for ...", "New referral from Dr. Shah for ...", "Lab
  results for ... attached",
  "Please send Chidinma Okonkwo her lab results". A name of any origin (two or more capitalized
  words: not a role, a group or a place, see visit-name) right after the request, or between
  the verb and her / his records; a company ("Records request from Quest Diagnostics") or a
  drug ("Prior auth for Ozempic") is no one.
patterns:
${patterns.map((p) => `  - ${q(un(p))}`).join('\n')}
# The patterns run only where a request's words meet a capital, or where her / his records are (the trigger).
trigger: ${q(un(trigger))}
validator: visit-name
context:
  # A provider is no patient.
  not_after: [dr., dr, doctor, nurse, practitioner, physician, provider]
  not_before: [MD, DO, NP, PA, PA-C, RN, LPN, DDS, DMD, PhD, FNP, APRN, CNM, LCSW, DPT, OD, DPM, PsyD]
confidence: { base: 0.8 }
examples:
  match:
    - '{"channel":"C04RECORDS","text":"Please fax records for Chidinma Okonkwo to Dr. Lee at Valley Ortho"}'
    - 'Records request from Chidinma Okonkwo (signed release on file)'
    - 'Can you send the medical records for Chidinma Okonkwo before Friday'
    - '{"name":"PA approved for Chidinma Okonkwo (Humira)"}'
    - 'Prior authorization submitted for Chidinma Okonkwo - MRI lumbar spine'
    - 'New referral from Dr. Shah for Chidinma Okonkwo, needs cardiology consult ASAP'
    - 'Refill request from Chidinma Okonkwo: metformin 500mg'
    - 'Please send Chidinma Okonkwo her lab results by mail.'
    - 'Fax Chidinma Okonkwo a copy of her chart'
    - 'Lab results for Chidinma Okonkwo attached'
    - 'Attached are the MRI results for Chidinma Okonkwo'
  no_match:
    - 'Records request from Quest Diagnostics: use the new release form.'
    - 'Prior auth for Ozempic now needs the new form'
    - 'Referral for Cardiology Associates is now electronic'
    - 'Please send Front Desk the records policy by Friday.'
    - 'Records request from Blue Cross'
    - 'Referral for Dr. Lee at Valley Ortho'
    - 'PA for Physical Therapy is no longer required'
    - 'Records for Social Security disability claims go to the release desk'
    - 'Lab results for Quest Diagnostics orders now arrive by interface'
`);
