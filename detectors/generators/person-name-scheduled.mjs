// Prints detectors/person-name-scheduled.yaml: node detectors/generators/person-name-scheduled.mjs > detectors/person-name-scheduled.yaml
import { NAME, S, CARE, q, un, NOT_A_PROVIDER } from './shared.mjs';
/* global console */
const VISIT = '(?:appointment|appt|visit)';
const KIND = `(?:(?:upcoming|new|next|new patient|new-patient|follow-?up|follow up|telehealth|video|virtual|annual|in-person|\\d{1,2}(?::\\d\\d)?[ \\t]*(?:am|pm|a\\.m\\.|p\\.m\\.)|(?:mon|tues|wednes|thurs|fri|satur|sun)day(?:[''’]s)?)${S})?`;
// what a call about one's own care is about
const TOPIC = '(?:bill|billing|copay|refill|rx|prescription|meds|medications?|labs?|lab results|test results|biopsy|mri|ct|x-?ray|imaging|referral|prior auth(?:orization)?|surgery|symptoms|dosage|dose)';
// topics that are one person's only when they are her / his ("called about the results of the vote" is not)
const OWN_TOPIC = '(?:results|appointment|appt|records|insurance|statement|balance|invoice|procedure)';
// where a patient is referred
const SPECIALTY = `(?:cardiology|cardio|ortho(?:pedics)?|gi|gastro(?:enterology)?|neuro(?:logy)?|derm(?:atology)?|ent|urology|onc(?:ology)?|pulm(?:onology)?|endo(?:crinology)?|rheum(?:atology)?|nephro(?:logy)?|psych(?:iatry)?|pt|physical therapy|ob(?:/?gyn)?|gyn|ophtho|ophthalmology|optometry|podiatry|allergy|general surgery|surgery|sleep medicine|pain management|hematology|heme/onc|infectious disease|peds|pediatrics|radiology|hospice|home health|wound care|behavioral health|counseling|the er|the ed|urgent care|dr\\.?${S}[a-z-]+)`;
const endings = [
  // "has an appointment tomorrow", "has her 2pm visit with Dr. Patel"
  `${S}has${S}(?:an?|her|his|their)${S}${KIND}${VISIT}${S}(?:tomorrow|today|tonight|this|next|on|at|with|scheduled|booked|set|for|in)\\b`,
  // "'s appointment was moved to Thursday", "'s appointment tomorrow" (not "'s appointment as chief executive")
  `[''’]s${S}${KIND}(?:appointment|appt)${S}(?:(?:is|was|has been|will be|got|needs to be|has to be)${S}(?:(?:confirmed|scheduled|rescheduled|booked|moved|set|changed|pushed)${S}(?:for|to|back)|cancell?ed|tomorrow|today|on${S}|at${S}\\d)|tomorrow|today|on${S}(?:mon|tue|wed|thu|fri|sat|sun|\\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|at${S}\\d|with${S}(?:dr\\.?|doctor|nurse|the|our|your)${S})`,
  // "is scheduled for a colonoscopy", "is due for her mammogram"
  `${S}(?:is|was|has been|got|is now)${S}(?:scheduled|booked|rescheduled|set up|due|overdue|on the schedule|on the books)${S}for${S}(?:(?:a|an|her|his|their|the|tomorrow[''’]s|today[''’]s)${S})?(?:[a-z-]+${S})?${CARE}\\b`,
  // "missed her appointment", "no-showed for the 2pm visit", "checked in for his MRI"
  `${S}(?:missed|cancell?ed|rescheduled|no-?showed${S}(?:for|to)|is late for|was late for|arrived late for|checked in for|arrived for|showed up for|left before)${S}(?:her|his|their|the|today[''’]s|this morning[''’]s|this afternoon[''’]s)${S}(?:[a-z0-9:.-]+${S})?(?:${CARE}|visit)\\b`,
  `${S}no-?show(?:ed)?(?:${S}(?:today|again|this morning|this afternoon|yesterday)|[ \\t]*[.,;!]|[ \\t]*$)`,
  // where the person is in the clinic or the hospital: "is in room 12", "is in the waiting room"
  `${S}is${S}(?:now${S}|still${S})?in${S}(?:(?:exam${S})?room${S}\\d|bed${S}\\d|the${S}(?:waiting room|icu|er|ed|pacu|recovery room|infusion (?:suite|center))\\b)`,
  // the same in Spanish: "tiene una cita mañana", "faltó a su cita", "está programada para una colonoscopía"
  `${S}(?:tiene${S}(?:una${S}|su${S})?cita${S}(?:mañana|hoy|el|la|a las|con|para|este|esta|próxim[oa])\\b|faltó${S}a${S}su${S}cita\\b|(?:está|esta)${S}programad[oa]${S}para${S}(?:una?${S}|su${S})?(?:cita|colonoscop[ií]a|mamograf[ií]a|cirug[ií]a|procedimiento|vacuna|resonancia|consulta)\\b)`,
  // a clinical event of the person's own
  `${S}(?:tested positive for|was diagnosed with|has been diagnosed with|was admitted${S}(?:to${S}(?:the${S})?(?:hospital|icu|er|ed|floor|unit|rehab|snf|psych)|overnight|yesterday|today|last night|this morning|for observation)|was discharged${S}(?:from${S}(?:the${S})?(?:hospital|icu|er|ed|floor|unit|rehab|snf)|home|yesterday|today|this morning)|was seen${S}(?:in${S}(?:clinic|the${S}(?:ed|er|office|clinic|emergency))|by${S}(?:dr\\.?|her|his)${S})|is${S}(?:\\d{1,2}${S}weeks${S})?pregnant\\b|needs${S}(?:a|an|her|his)${S}(?:refill|new prescription|prescription refill|referral|prior auth(?:orization)?)\\b|is due for${S}(?:a|an|her|his)${S}(?:mammogram|colonoscopy|flu shot|pap|physical|wellness|a1c|tetanus|booster))`,
  // a time on a schedule with a clinician: "2:30pm tomorrow with Dr. Patel", "tomorrow at 9am w/ NP Lee"
  `${S}(?:(?:today|tomorrow|tonight|(?:on${S})?(?:mon|tues|wednes|thurs|fri|satur|sun)day)${S})?(?:at${S}|@[ \\t]*)?\\d{1,2}(?::\\d\\d)?[ \\t]*(?:am|pm|a\\.m\\.|p\\.m\\.)(?:${S}(?:today|tomorrow|tonight|(?:on${S})?(?:mon|tues|wednes|thurs|fri|satur|sun)day))?${S}(?:with|w/)${S}(?:dr\\.?|doctor|np|pa|pa-c|nurse${S}practitioner|the${S}(?:doctor|nurse|dentist|therapist|surgeon))${S}`,
  // a call or a message about their own care: "called re: her bill", "left a voicemail about his MRI results"
  `${S}(?:called|phoned|left${S}(?:a${S})?(?:voice ?mail|vm|message|msg))(?:,)?${S}(?:re:?|regarding|about|asking about|to ask about|requesting)${S}(?:(?:her|his|their)${S}(?:[a-z-]+${S})?(?:${OWN_TOPIC}|${TOPIC})|(?:(?:the|a|an)${S})?(?:[a-z-]+${S})?${TOPIC})\\b`,
  // a referral of their own: "- ref to cardiology", "was referred to GI", "needs a cardiology consult"
  `(?:[ \\t]*[-–—:][ \\t]*|${S}(?:was|is being|has been|got)${S})(?:ref|referred|referral)${S}to${S}${SPECIALTY}\\b`,
  `${S}needs${S}(?:a|an)${S}(?:${SPECIALTY}${S})?(?:consult|consultation|referral)\\b`,
];
const ENDING = `(?i:${endings.join('|')})`;
// a message's greeting: "Hi Chidinma Okonkwo, your appointment with Dr. Patel is on Monday"
const GREET_END = `[,!]${S}(?i:this is a (?:friendly )?reminder (?:of|about|that|for)|su${S}cita${S}(?:con|es|está|esta|de|del|para)\\b|tiene${S}una${S}cita\\b|your${S}(?:(?:upcoming|next|scheduled)${S})?(?:appointment|appt|visit|test results?|lab results?|results|prescription|refill|referral|procedure|surgery|colonoscopy|mammogram)\\b|you have an?${S}(?:(?:upcoming|new)${S})?(?:appointment|appt|visit)\\b)`;
const patterns = [
  `(?:^|[^A-Za-z''-])(?P<v>${NAME})${ENDING}`,
  // the visit's, then the name: "reprogramar la cita de Chidinma Okonkwo"
  `(?i:(?:la|su|una)${S}cita${S}(?:de|para))${S}(?P<v>${NAME})\\b(?:[ \\t]*[^ \\tA-ZÀ-ÖØ-Þ]|[ \\t]*$)`,
  `(?:^|["\\r\\n>])[ \\t]*(?:(?i:hi|hello|hey|good (?:morning|afternoon|evening))[ \\t]+)?(?P<v>${NAME})${GREET_END}`,
];
const trigger = `${ENDING}|${GREET_END}|(?i:(?:la|su|una)${S}cita${S}(?:de|para))${S}[A-ZÀ-ÖØ-Þ]`;
console.log(`id: person-name-scheduled
name: Person name with an appointment or an event of their care (Chidinma Okonkwo has an appointment tomorrow, missed her visit)
identifier: names
description: >
  Reminders, staff chat, task boards and chat-assistant prompts say who is coming in and what
  happened to them in set phrases: "Chidinma Okonkwo has an appointment tomorrow at 10:30",
  "Chidinma Okonkwo's appointment was moved to Thursday", "is scheduled for a colonoscopy",
  "missed her appointment", "no-showed", "was admitted to the hospital last night", "tested
  positive for flu", "Hi Chidinma Okonkwo, your appointment with Dr. Patel is on Monday". A name of
  any origin (two or more capitalized words), not a role, a group or a place (see visit-name),
  and not a provider ("Dr. Rosa Garcia has an appointment opening"); a corporate appointment
  ("Jane Doe's appointment as chief executive was confirmed") is not read, for the phrase must
  be a visit's ("'s appointment was moved to", "is scheduled for a colonoscopy").
patterns:
${patterns.map((p) => `  - ${q(un(p))}`).join('\n')}
# The patterns begin with a name's shape, which every capitalized word starts: they run only
# where their endings are (the trigger), which are rare.
trigger: ${q(un(trigger))}
validator: visit-name
${NOT_A_PROVIDER}
confidence: { base: 0.8 }
examples:
  match:
    - 'Reminder: Chidinma Okonkwo has an appointment tomorrow at 10:30 with Dr. Patel'
    - 'Reminder: Tyrone Jackson 2:30pm tomorrow with Dr. Patel'
    - 'Chidinma Okonkwo tomorrow at 9am w/ NP Lee'
    - 'Chidinma Okonkwo''s appointment is confirmed for Monday'
    - 'Chidinma Okonkwo’s 2pm appointment was moved to Thursday'
    - 'Chidinma Okonkwo is scheduled for a colonoscopy on 12/3'
    - 'Chidinma Okonkwo is due for her annual mammogram'
    - 'Chidinma Okonkwo missed her appointment today, please call'
    - 'Chidinma Okonkwo no-showed for the 2pm visit'
    - 'Chidinma Okonkwo checked in for her MRI'
    - 'FYI Chidinma Okonkwo no-show today'
    - 'Chidinma Okonkwo was admitted to the hospital last night'
    - 'Chidinma Okonkwo tested positive for flu'
    - 'Chidinma Okonkwo is in room 12, bed B'
    - 'Chidinma Okonkwo is in the waiting room'
    - 'Chidinma Okonkwo was seen by Dr. Patel today'
    - 'Chidinma Okonkwo needs a refill of lisinopril'
    - 'Hi Chidinma Okonkwo, your appointment with Dr. Patel is on Monday at 9:00 AM.'
    - 'Chidinma Okonkwo, this is a reminder of your visit tomorrow'
    - 'Maria de la Cruz has a video visit at 3pm'
    - 'Chidinma Okonkwo tiene una cita mañana a las 10'
    - 'Necesito reprogramar la cita de Chidinma Okonkwo'
    - 'Chidinma Okonkwo, su cita con el Dr. Patel es el lunes'
    - 'Chidinma Okonkwo faltó a su cita de hoy'
    - '{"text":"Nguyen Van Thanh has an appointment on 12/4 at 9am"}'
    - '{"text":"Chidinma Okonkwo called re: her bill, please call back"}'
    - 'Chidinma Okonkwo left a voicemail about his MRI results'
    - 'Chidinma Okonkwo - ref to cardiology, urgent'
    - 'Chidinma Okonkwo was referred to Dr. Lee'
    - 'Chidinma Okonkwo needs a cardiology consult'
  no_match:
    - 'Staff Meeting 2:30pm tomorrow with Dr. Patel'
    - 'Budget Review tomorrow at 2:30pm with Dr. Patel'
    - 'Grand Rounds 7:30am Friday with Dr. Okafor'
    - 'Dr. Rosa Garcia has an appointment opening tomorrow at 10:30'
    - 'Jane Doe''s appointment as Chief Medical Officer was confirmed by the board'
    - 'Jennifer Walsh''s appointment to the board takes effect Monday'
    - 'The Main Street office is scheduled for a fire inspection'
    - 'Google Calendar has an appointment scheduling page'
    - 'Hi Team, your appointment reminders now go out at 9am'
    - 'Hi {{first_name}}, your appointment is on {{date}}'
    - 'John Smith was admitted to the State Bar in 2004'
    - 'Jane Doe was discharged from the Army in 1998'
    - 'Front Desk has an appointment book at the window'
    - 'Jane Smith is in the office on Mondays'
    - 'Haga su cita para Vacunas Gratis en la clínica'
    - 'Rosa Garcia, MD is scheduled for surgery rotations'
    - 'Nurse Practitioner Rosa Garcia has a visit with the board'
    - 'Patient Portal, your appointment reminders are on'
    - 'Jarred Feest called re: the copier lease; the quote is in the shared drive'
    - 'Release Notes - ref to the API spec'
    - 'Jane Doe called about the results of the board vote'
`);
