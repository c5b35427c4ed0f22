import type { Identifier } from '../types.js';
import { plausible, structural, type FormatContext } from './context.js';
import { walkJson } from './json-walk.js';

/**
 * The attributes of a DICOM data set that identify the patient (DICOM PS3.15, the Basic
 * Application Level Confidentiality Profile, table E.1-1, as far as Safe Harbor names them),
 * by tag as the DICOM JSON model writes it (PS3.18 F.2: eight hexadecimal digits, group then
 * element). The study's UIDs are left out: they identify images, and de-identified data sets
 * keep them (remapped).
 */
export const DICOM_PHI_TAGS = new Map<string, Identifier>([
  ['00100010', 'names'], // Patient's Name
  ['00101001', 'names'], // Other Patient Names
  ['00101005', 'names'], // Patient's Birth Name
  ['00101060', 'names'], // Patient's Mother's Birth Name
  ['00100020', 'mrn'], // Patient ID
  ['00101000', 'mrn'], // Other Patient IDs
  ['00101090', 'mrn'], // Medical Record Locator
  ['00100030', 'dates'], // Patient's Birth Date
  ['00080020', 'dates'], // Study Date
  ['00080021', 'dates'], // Series Date
  ['00080022', 'dates'], // Acquisition Date
  ['00080023', 'dates'], // Content Date
  ['0008002A', 'dates'], // Acquisition DateTime
  ['00380020', 'dates'], // Admitting Date
  ['00101040', 'geographic'], // Patient's Address
  ['00380400', 'geographic'], // Patient's Institution Residence
  ['00102154', 'phone'], // Patient's Telephone Numbers
  ['00080050', 'account'], // Accession Number
  ['00380010', 'account'], // Admission ID
  ['00101050', 'health-plan'], // Insurance Plan Identification
]);

/** The components of a person name value (PS3.18 F.2.2): each is the name, written one way. */
const PN_GROUPS = new Set(['Alphabetic', 'Ideographic', 'Phonetic']);
const TAG = /^[0-9A-Fa-f]{8}$/;

/**
 * A person name value: its components are separated by ^ (GARCIA^ROSA), and a value of carets
 * alone is empty. An Ideographic or Phonetic one need not be in Latin letters (ガルシア^ロサ).
 */
function personName(value: string): boolean {
  const v = value.replaceAll('^', ' ').trim();
  return /[A-Za-z]/.test(v) ? plausible('names', v) : /\p{L}/u.test(v);
}

interface Frame {
  readonly isObject: boolean;
  readonly key: string | null;
}

/**
 * A DICOM data set in the JSON model (a DICOMweb QIDO-RS answer, a STOW-RS metadata part, a
 * viewer's study list): `{"00100010": {"vr": "PN", "Value": [{"Alphabetic": "GARCIA^ROSA"}]}}`.
 * Member names are tags, not words, so no PHI key names the patient's name or birth date;
 * the values of the tags above are findings by structure, in sequences (SQ) too, each with
 * its tag's identifier. Offsets are exact byte positions.
 */
export function dicomAttributes(ctx: FormatContext): void {
  const { buf } = ctx;
  const frames: Frame[] = [];
  /** The identifier of the tag whose Value holds the frame `n` below the top, or undefined. */
  const valueOf = (depth: number): Identifier | undefined => {
    const values = frames[frames.length - 1 - depth];
    const attribute = frames[frames.length - 2 - depth];
    if (values === undefined || attribute === undefined || values.isObject || values.key !== 'Value' || !attribute.isObject || attribute.key === null) return undefined;
    return TAG.test(attribute.key) ? DICOM_PHI_TAGS.get(attribute.key.toUpperCase()) : undefined;
  };
  walkJson(buf, {
    open(isObject, key) {
      frames.push({ isObject, key });
    },
    close() {
      frames.pop();
    },
    scalar(key, start, end) {
      const top = frames[frames.length - 1];
      if (top === undefined) return;
      // A string or number in a Value array, or one component of a person name in it.
      const identifier = !top.isObject ? valueOf(0) : key !== null && PN_GROUPS.has(key) && top.key === null ? valueOf(1) : undefined;
      if (identifier === undefined) return;
      const value = buf.toString('utf8', start, end);
      if (identifier === 'names' ? personName(value) : plausible(identifier, value)) structural(ctx, 'dicom', identifier, start, end);
    },
  });
}
