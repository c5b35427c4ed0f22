// Prints detectors/person-name-clinical-fact.yaml: node detectors/generators/person-name-clinical-fact.mjs > detectors/person-name-clinical-fact.yaml
import { NAME, WORD, S, q, un, NOT_A_PROVIDER } from './shared.mjs';
/* global console */
const WHEN = `(?:${S}(?:today|yesterday|tonight|last${S}night|this${S}(?:morning|afternoon|evening)|again|on${S}(?:mon|tues|wednes|thurs|fri|satur|sun)day))?`;
const MOD = `(?:(?:a|an|her|his|their|worsening|worse|severe|acute|chronic|new|mild|sudden|left|right|lower|upper|low|high|bad|persistent|recurrent|possible|suspected)${S}){0,3}`;
const SYMPTOM = `(?:pain|chest${S}pain|abdominal${S}pain|back${S}pain|fever|cough|rash|headaches?|migraines?|nausea|vomiting|diarrhea|dizziness|shortness${S}of${S}breath|sob|sore${S}throat|uti|infection|swelling|bleeding|injury|fracture|burns?|wound|laceration|palpitations|fatigue|weakness|numbness|congestion|ear${S}pain|earache|fall|lump|lesion|bruising|symptoms|flu|covid|asthma${S}attack|seizure|syncope|confusion|anxiety|depression|suicidal|overdose|allergic${S}reaction|hives|hypoglycemia|hyperglycemia|dka|chf|copd|pneumonia|bronchitis|sinusitis|cellulitis)`;
const CARE = `(?:appointment|appt|visit|physical|check-?up|flu${S}shot|vaccine|vaccination|booster|shots|labs|lab${S}work|blood${S}work|med${S}check|follow-?up|colonoscopy|mammogram|ultrasound|x-?ray|mri|ct|biopsy|injection|infusion|prenatal${S}visit|well-child|wellness${S}visit|${SYMPTOM})`;
const DOSE = `\\d+(?:\\.\\d+)?[ \\t]*(?:mg|mcg|µg|units?|ml|g|iu)\\b`;
const CONDITION = `(?:cancer|breast${S}cancer|prostate${S}cancer|diabetes|dm2?|t2dm|hypertension|htn|chf|heart${S}failure|copd|asthma|stroke|cva|cad|mi|afib|a-fib|atrial${S}fibrillation|depression|anxiety|bipolar|schizophrenia|dementia|alzheimer[''’]?s|ckd|kidney${S}disease|hiv|hepatitis${S}[bc]?|seizures|epilepsy|substance${S}use|opioid${S}use|alcohol${S}use|falls|dvt|pe|blood${S}clots|sickle${S}cell|lupus|ms|multiple${S}sclerosis|parkinson[''’]?s)`;
const LONG_END = `${S}(?:came${S}in|come${S}in|was${S}in|presented|presents|presenting|returned|returns|was${S}seen|is${S}being${S}seen|was${S}here|is${S}here)${WHEN}${S}(?:with|complaining${S}of|c/o|for)${S}${MOD}${CARE}\\b` +
  `|${S}(?:is|was)${S}(?:now${S}|still${S})?(?:on|taking|started${S}on|restarted${S}on|switched${S}to|prescribed)${S}(?:[a-z-]+${S}){1,2}${DOSE}` +
  `|${S}(?:is|has${S}been)${S}allergic${S}to\\b|${S}has${S}(?:an?${S})?(?:allergy|allergies)${S}to\\b` +
  `|${S}has${S}(?:a${S}(?:past${S}|prior${S}|family${S})?(?:medical${S})?history${S}of|(?:a${S})?(?:hx|h/o|pmh)${S}of|a${S}diagnosis${S}of)${S}${MOD}${CONDITION}\\b`;
// a result of theirs right after the name: "Chidinma Okonkwo - A1c 8.2, LDL 160"
// (spaced: a hex id's "-a1c2" in a log line is none, and would run the pattern over the whole payload)
// a test's result or a prescription sent: "Zainab Okafor - strep positive", "... - amoxicillin sent", "...: Rx sent to CVS"
const SHORT_END = `(?:${S}[-–—]|[:,])${S}(?:(?:rapid${S})?(?:strep|covid(?:-19)?|(?:flu|influenza)(?:${S}[ab])?|rsv|mono|uti|ua|urine|pregnancy|hcg|hiv|hep(?:atitis)?${S}[abc]|chlamydia|gonorrhea|gc/ct|syphilis|rpr|std|sti|tb|ppd|quantiferon|h\\.?${S}?pylori|c\\.?${S}?diff|mrsa|pap|hpv)(?:${S}(?:test|screen|swab|culture|pcr|antigen|ab|titer))?${S}(?:is${S}|was${S}|came${S}back${S})?(?:positive|negative|pos|neg|detected|not${S}detected|reactive|non-?reactive)|(?:positive|negative|tested${S}positive|tested${S}negative)${S}for)\\b` +
  `|(?:${S}[-–—]|[:,])${S}(?:rx|script|refill|prescription|abx|antibiotics?|[a-z]{3,}(?:cillin|mycin|pril|olol|sartan|statin|formin|prazole|cycline|floxacin|zepam|profen|glutide|oxetine|aline))${S}(?:sent|called${S}in|e-?prescribed|e-?scribed|refilled|renewed|faxed|approved|denied|started|increased|decreased|stopped|d/?c[''’]?d)\\b` +
  `|(?:${S}[-–—]|[:,])${S}(?:a1c|hba1c|ldl|hdl|bp|inr|tsh|psa|egfr|bmi|glucose|creatinine|wbc|hgb|hemoglobin|potassium|sodium|bnp|troponin|vitamin${S}d)(?:[ \\t]*[:=][ \\t]*|${S}(?:(?:is|was|of)${S})?)\\d`;
const END = `(?i:${LONG_END}|${SHORT_END})`;
// "(61F)", "(61 y/o F)" after a name: a case in shorthand
const AGE_SEX = `[ \\t]*\\([ \\t]*\\d{1,3}[ \\t]*(?:[MF]|(?i:yo|y/o|y\\.o\\.|years?${S}old|year-old)(?:[ \\t]*[MF])?)[ \\t]*\\)`;
const PRE = `(?i:(?:we|i|dr\\.?${S}[a-z-]+)${S}(?:saw|treated|examined|admitted|discharged|evaluated))`;
const AFTER_PRE = `(?i:${WHEN}${S}(?:for|in${S}(?:clinic|the${S}(?:er|ed|office|hospital))|with${S}${MOD}${SYMPTOM}\\b)|${S}(?:today|yesterday|this${S}(?:morning|afternoon)))`;
// Staff shorthand names a patient by an initial and a surname, or a first name and an initial: "D. Washington - BP 160/95",
// "Rosa G. - strep positive" (visit-name takes them when the surname, or the first name, is a known one).
const INITIALED = `[A-Z]\\.[ \\t]?${WORD}|${WORD}[ \\t]+[A-Z]\\.`;
const patterns = [
  `(?:^|[^A-Za-z''-])(?P<v>${NAME})(?:${END}|${AGE_SEX})`,
  `(?:^|[^A-Za-z])${PRE}${S}(?P<v>${NAME})${AFTER_PRE}`,
  // Only before a result, a test or a prescription (the shorthand's own endings): as another name form of the first
  // pattern, with all its endings, it made clinical notes 8 % dearer.
  `(?:^|[^A-Za-z''.-])(?P<v>${INITIALED})(?i:${SHORT_END})`,
];
const trigger = `${END}|${AGE_SEX}|(?:^|[^A-Za-z])${PRE}${S}[A-ZÀ-ÖØ-Þ]`;
console.log(`id: person-name-clinical-fact
name: Person name with a fact of their care said right after it (came in today with chest pain, is on metformin 500mg, is allergic to penicillin)
identifier: names
description: >
  Staff chat, chat-assistant prompts and task boards state a patient's care in a sentence that
  begins with the name: "Chidinma Okonkwo came in today with chest pain", "... was in today for
  her flu shot", "... is on metformin 500mg BID", "... is allergic to penicillin", "... has a
  history of breast cancer", a result ("Chidinma Okonkwo - A1c 8.2"), a case in shorthand ("Chidinma Okonkwo (61F) - CHF exacerbation"),
  or after the clinician who saw them ("We saw Chidinma Okonkwo today for her diabetes"). A name
  of any origin (not a role, a group or a place: see visit-name) and not a provider; a visitor
  who "came in today with the new brochures" brought no symptom.
patterns:
${patterns.map((p) => `  - ${q(un(p))}`).join('\n')}
# The first pattern begins with a name's shape: it runs only where one of its endings is (the trigger), which is rare.
trigger: ${q(un(trigger))}
validator: visit-name
${NOT_A_PROVIDER}
confidence: { base: 0.8 }
examples:
  match:
    - '{"text":"Chidinma Okonkwo came in today with chest pain"}'
    - 'Chidinma Okonkwo was in today for her flu shot'
    - 'Chidinma Okonkwo presented with worsening shortness of breath'
    - 'Chidinma Okonkwo is on metformin 500mg BID; any interactions with ibuprofen?'
    - 'Chidinma Okonkwo was started on insulin glargine 10 units'
    - 'Chidinma Okonkwo is allergic to penicillin, please flag the chart'
    - 'Chidinma Okonkwo has a history of breast cancer'
    - 'Chidinma Okonkwo has a hx of CHF'
    - 'Chidinma Okonkwo (61F) - CHF exacerbation, BNP 1400'
    - 'Zainab Okafor - strep positive - amoxicillin sent'
    - 'Zainab Okafor: rapid strep negative'
    - 'Zainab Okafor - Rx sent to CVS'
    - 'Zainab Okafor - positive for influenza A'
    - 'Chidinma Okonkwo (61 y/o F) with COPD flare'
    - 'We saw Chidinma Okonkwo today for her diabetes'
    - 'Dr. Patel saw Chidinma Okonkwo yesterday for a UTI'
    - 'Chidinma Okonkwo - A1c 8.2, LDL 160'
    - 'Chidinma Okonkwo: BP 150/90, recheck in 2 weeks'
    - 'D. Washington - BP 160/95, recheck Friday'
    - 'R. Garcia: A1c 9.1'
    - 'Rosa G. - strep positive - amoxicillin sent'
  no_match:
    - 'Quarterly Review - positive outlook for Q3'
    - 'Zainab Okafor - invoice sent'
    - 'Marketing Team: Flu shot clinic flyer sent'
    - 'Dr. Rosa Garcia came in today with donuts for the staff'
    - 'Mike Jones from Acme Supply came in today with the new brochures'
    - 'Quest Diagnostics is on track for the 500 mg sample delivery'
    - 'Acme Corp has a history of on-time deliveries'
    - 'We saw Record Growth this quarter in the flu clinic'
    - 'Board Meeting (12 attendees) - budget review'
    - 'Rosa Garcia, MD (45F) joined the practice'
    - 'Front Desk is allergic to paperwork'
    - 'Release Notes - BMI 2.0 calculator added'
    - 'Vitamin Shoppe: Vitamin D 50% off'
    - 'A. Team - invoice sent'
    - 'Q. Review - BP 2.0 released'
    - 'Plan B. - positive outlook'
`);
