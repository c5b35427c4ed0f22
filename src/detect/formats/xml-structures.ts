import type { Structure } from '../pack.js';
import type { Identifier } from '../types.js';
import { plausible, structural, type FormatContext } from './context.js';
import { PERSON_RESOURCES, PHI_PATHS } from './fhir.js';

/**
 * Person elements of HL7's XML documents other than FHIR's: a C-CDA document's patientRole
 * and patient (recordTarget), a guardian's or a participant's person (next of kin, emergency
 * contact). Not assignedPerson: the author, a clinician.
 */
const CDA_PERSONS = new Set(['patientRole', 'patient', 'guardianPerson', 'associatedPerson']);

/** Where PHI lives under a CDA person element: path -> identifier and where the value is. */
const CDA_PATHS = new Map<string, [Identifier, 'text' | 'value' | 'extension']>([
  ['id', ['mrn', 'extension']],
  ['name', ['names', 'text']],
  ['name.given', ['names', 'text']],
  ['name.family', ['names', 'text']],
  ['birthTime', ['dates', 'value']],
  ['addr.streetAddressLine', ['geographic', 'text']],
  ['addr.city', ['geographic', 'text']],
  ['addr.postalCode', ['geographic', 'text']],
  ['telecom', ['phone', 'value']],
]);

/** Child elements and attributes that name a field, and child elements that hold its value (SOAP and form exports). */
const LABEL_TAGS = new Set(['name', 'key', 'label', 'fieldname', 'field_name']);
const VALUE_TAGS = new Set(['value', 'answer', 'fieldvalue', 'field_value']);
const LABEL_ATTRIBUTES = new Set(['name', 'key', 'label', 'id']);
/** HTML elements without content or end tag: what follows `<input name="first_name">` is not its value (a page's label text may be). */
const VOID_ELEMENTS = new Set(['input', 'meta', 'link', 'img', 'br', 'hr', 'param', 'source', 'area', 'base', 'col', 'embed', 'track', 'wbr']);

interface Element {
  readonly name: string;
  /** A field name given by a child (`<Name>LastName</Name>`), and the spans of its value children. */
  fieldLabel: Identifier | null;
  values: [number, number][] | null;
  /** Index in the stack of the nearest enclosing person element (this one's own), or -1. */
  readonly root: number;
  /** Path from that person element, e.g. "name.family"; null outside one. */
  readonly path: string | null;
}

const isNameByte = (b: number): boolean => b > 0x20 && b !== 0x2f && b !== 0x3e && b !== 0x3d;
const SPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);

/**
 * Reads, by a tag walk over the bytes (no regex, no DOM):
 * - FHIR resources in XML (`<Patient xmlns="http://hl7.org/fhir">`, values in `value`
 *   attributes, the same element paths as FHIR JSON);
 * - C-CDA documents (the patient's names, id, birthTime, addr and telecom under patientRole /
 *   patient);
 * - elements that name their field: in a child (`<Field><Name>LastName</Name><Value>...`, as
 *   SOAP services and form exports write them) or an attribute (`<field name="last_name"
 *   value="...">` or `<field name="dob">...</field>`).
 * Offsets are exact byte positions of the attribute value or text. Run only where the set
 * pass's probe saw one of these shapes.
 */
export function xmlStructures(ctx: FormatContext): void {
  const { buf } = ctx;
  const stack: Element[] = [];
  const report = (structure: Structure, identifier: Identifier, start: number, end: number): void => {
    const value = buf.toString('utf8', start, end);
    const id: Identifier = identifier === 'phone' && (value.includes('@') || value.startsWith('mailto:')) ? 'email' : identifier;
    if (plausible(id, value)) structural(ctx, structure, id, start, end);
  };
  let i = buf.indexOf(0x3c);
  while (i !== -1 && i < buf.length) {
    const next = buf[i + 1];
    if (next === 0x21 || next === 0x3f) {
      // <!-- comment -->, <![CDATA[ ... ]]>, <!DOCTYPE>, <?xml ?>: passed over (CDATA text is read by the patterns).
      const close = buf[i + 2] === 0x2d ? buf.indexOf('-->', i + 4) : buf[i + 2] === 0x5b ? buf.indexOf(']]>', i) : buf.indexOf(0x3e, i);
      i = close === -1 ? -1 : buf.indexOf(0x3c, close + 1);
      continue;
    }
    if (next === 0x2f) {
      const closed = stack.pop();
      // <Field><Name>LastName</Name><Value>Quackenbush</Value></Field>
      if (closed !== undefined && closed.fieldLabel !== null && closed.values !== null) for (const [a, b] of closed.values) report('xml-fields', closed.fieldLabel, a, b);
      const close = buf.indexOf(0x3e, i);
      i = close === -1 ? -1 : buf.indexOf(0x3c, close + 1);
      continue;
    }
    // A start tag: its local name (namespace prefix dropped), then its attributes.
    let j = i + 1;
    while (j < buf.length && isNameByte(buf[j]!)) j++;
    const qname = buf.toString('latin1', i + 1, j);
    const name = qname.slice(qname.indexOf(':') + 1);
    const parent = stack[stack.length - 1];
    let root = parent?.root ?? -1;
    let path = parent?.path === null || parent === undefined ? null : parent.path === '' ? name : `${parent.path}.${name}`;
    const isFhir = PERSON_RESOURCES.has(name);
    if (isFhir || CDA_PERSONS.has(name)) {
      root = stack.length;
      path = '';
    }
    const rootName = root === -1 ? null : root === stack.length ? name : stack[root]!.name;
    const fhir = rootName !== null && PERSON_RESOURCES.has(rootName);
    const rule = path === null || path === '' ? undefined : fhir ? PHI_PATHS.get(path) : CDA_PATHS.get(path);
    const identifier = rule === undefined ? null : typeof rule === 'string' ? rule : rule[0];
    const where = rule === undefined ? null : typeof rule === 'string' ? 'value' : rule[1];
    // Attributes: name="value" or name='value'.
    let selfClosing = false;
    /** `<field name="last_name" value="...">`: the field an attribute names, and a value attribute's span. */
    let namedField: Identifier | null = null;
    let valueAttr: [number, number] | null = null;
    // Every turn of this loop moves j on; were one not to, the scan fails (the proxy then
    // blocks with scan_error) instead of spinning on the event loop.
    let last = -1;
    for (;;) {
      if (j === last) throw new Error('xmlStructures: no progress in a start tag');
      last = j;
      while (j < buf.length && SPACE.has(buf[j]!)) j++;
      if (j >= buf.length) break;
      if (buf[j] === 0x3e) break;
      if (buf[j] === 0x2f) {
        selfClosing = buf[j + 1] === 0x3e;
        j++;
        continue;
      }
      const attrStart = j;
      while (j < buf.length && isNameByte(buf[j]!)) j++;
      if (j === attrStart) {
        j++; // a byte that starts no attribute (a control byte, a stray '='): passed over
        continue;
      }
      const attr = buf.toString('latin1', attrStart, j);
      while (j < buf.length && SPACE.has(buf[j]!)) j++;
      if (buf[j] !== 0x3d) continue;
      j++;
      while (j < buf.length && SPACE.has(buf[j]!)) j++;
      const quote = buf[j];
      if (quote !== 0x22 && quote !== 0x27) continue;
      const valueEnd = buf.indexOf(quote, j + 1);
      if (valueEnd === -1) {
        j = buf.length;
        break;
      }
      if (identifier !== null && attr === where) report(fhir ? 'fhir' : 'xml-fields', identifier, j + 1, valueEnd);
      const lowered = attr.toLowerCase();
      if (LABEL_ATTRIBUTES.has(lowered)) namedField ??= ctx.scanner.keys.identify(buf.toString('utf8', j + 1, valueEnd));
      else if (lowered === 'value') valueAttr = [j + 1, valueEnd];
      j = valueEnd + 1;
    }
    if (j >= buf.length) break;
    if (namedField !== null && valueAttr !== null) report('xml-fields', namedField, valueAttr[0], valueAttr[1]);
    const lname = name.toLowerCase();
    // An HTML void element (<input>, <br>) has no end tag: on the stack it would take the place
    // of the element an end tag closes.
    if (!selfClosing && !VOID_ELEMENTS.has(lname)) {
      stack.push({ name, root, path, fieldLabel: null, values: null });
      const labelTag = parent !== undefined && LABEL_TAGS.has(lname);
      const valueTag = parent !== undefined && VALUE_TAGS.has(lname);
      const textRule = identifier !== null && where === 'text';
      const namedText = namedField !== null && valueAttr === null;
      if (textRule || labelTag || valueTag || namedText) {
        const textEnd = buf.indexOf(0x3c, j + 1);
        let a = j + 1;
        let b = textEnd === -1 ? buf.length : textEnd;
        while (a < b && SPACE.has(buf[a]!)) a++;
        while (b > a && SPACE.has(buf[b - 1]!)) b--;
        if (b > a) {
          if (textRule) report('xml-fields', identifier, a, b);
          if (namedText) report('xml-fields', namedField!, a, b);
          if (labelTag) parent.fieldLabel ??= ctx.scanner.keys.identify(buf.toString('utf8', a, b));
          if (valueTag) (parent.values ??= []).push([a, b]);
        }
      }
    }
    i = buf.indexOf(0x3c, j + 1);
  }
}
