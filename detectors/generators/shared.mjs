// The pieces every generated name detector shares (see README.md here): the letters of names,
// a name's shape, a run of blanks, the words of one person's care, and YAML quoting.
export const C = 'A-ZÀ-ÖØ-ÞĀ-žƀ-ɏḀ-ỿ', L = "a-zß-öø-ÿĀ-žƀ-ɏḀ-ỿ''-";
export const WORD = `[${C}][${L}]+(?:[${C}][${L}]+){0,2}`;
// Surname particles: Maria de la Cruz, Ludwig van Beethoven, Omar bin Laden.
export const PART = '(?:de(?:[ \\t]+l[ao]s?)?|del|della|da|das|do|dos|du|van(?:[ \\t]+de[nr]?)?|von(?:[ \\t]+de[rm])?|ter|ten|di|le|la|bin|ibn|al|el)';
// A middle name written out is taken too ("Rosa Maria Garcia", "Nguyễn Văn Thành"), as is a middle initial.
export const NAME = `${WORD}(?:[ \\t]+(?:[A-Z]\\.?|${WORD}))?(?:[ \\t]+${PART})?[ \\t]+${WORD}`;
export const S = '[ \\t]+';
// What one person's care is: a visit, a procedure, a test.
export const CARE = '(?:appointment|appt|colonoscopy|mammogram|endoscopy|surgery|procedure|mri|ct scan|ultrasound|x-?ray|biopsy|physical|check-?up|flu shot|vaccine|vaccination|booster|lab work|blood work|labs|infusion|chemo(?:therapy)?|dialysis|injection|pap smear|well-child|wellness visit|office visit|telehealth|video visit|follow-?up visit)';
/** A YAML single-quoted scalar. */
export const q = (s) => `'${s.replaceAll("'", "''")}'`;
/** In the JS strings of the generators '' stands for one quote (as in YAML): written back single. */
export const un = (s) => s.replaceAll("''", "'");
/** A detector file's context lines that say a provider is no patient ("Dr. Jennifer Walsh", "Jennifer Walsh, MD"). */
export const NOT_A_PROVIDER = `context:
  # A provider is no patient.
  not_after: [dr., dr, doctor, nurse, practitioner, physician, provider, midwife, dentist, therapist, pharmacist, surgeon]
  not_before: [MD, DO, NP, PA, PA-C, RN, LPN, DDS, DMD, PhD, FNP, FNP-C, FNP-BC, APRN, CNM, CRNA, LCSW, LMFT, DPT, OD, DPM, PsyD, MBBS]`;
