import type { Identifier } from './types.js';

/** Street words as an address is written either way ("1420 Maple Avenue" is "1420 Maple Ave"). */
const ABBREVIATIONS = new Map([
  ['avenue', 'ave'], ['street', 'st'], ['road', 'rd'], ['drive', 'dr'], ['boulevard', 'blvd'], ['lane', 'ln'], ['court', 'ct'],
  ['place', 'pl'], ['parkway', 'pkwy'], ['highway', 'hwy'], ['terrace', 'ter'], ['circle', 'cir'], ['square', 'sq'],
  ['suite', 'ste'], ['floor', 'fl'], ['building', 'bldg'], ['north', 'n'], ['south', 's'], ['east', 'e'], ['west', 'w'],
]);

/** A value as text is compared: case, punctuation and spacing aside, street words abbreviated. */
function textKey(value: string): string {
  const words = value.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().split(/[^a-z0-9@]+/).filter((w) => w !== '');
  return words.map((w) => ABBREVIATIONS.get(w) ?? w).join(' ');
}

/** A number as digits alone; a North American number without its country code. */
function digitsKey(value: string): string {
  const digits = value.replace(/\D/g, '');
  return digits.length === 11 && digits[0] === '1' ? digits.slice(1) : digits;
}

/**
 * The clinic's own published identifiers (policy scan.own_identifiers): its telephone and fax
 * numbers, street address and ZIP code, e-mail addresses or whole domains ("@clinic.example"),
 * its providers' names and NPIs. A newsletter, a web page or a job posting carries them; they
 * identify the clinic, not a patient, so a finding whose value is one of them is no finding.
 * Values are compared as the identifier reads: numbers digit for digit, e-mail addresses
 * without case, everything else as words (case, punctuation and "Avenue"/"Ave" aside).
 */
export class OwnIdentifiers {
  private readonly digits = new Set<string>();
  private readonly emails = new Set<string>();
  private readonly domains = new Set<string>();
  private readonly texts = new Set<string>();

  constructor(values: readonly string[]) {
    for (const raw of values) {
      const value = raw.trim();
      if (value.startsWith('@')) this.domains.add(value.slice(1).toLowerCase());
      else if (value.includes('@')) this.emails.add(value.toLowerCase());
      const digits = digitsKey(value);
      if (digits.length >= 5) this.digits.add(digits);
      const text = textKey(value);
      if (text !== '') this.texts.add(text);
    }
  }

  /** Is `text`, a finding's value of this identifier, one of the clinic's own? */
  has(identifier: Identifier, text: string): boolean {
    const value = text.trim();
    switch (identifier) {
      case 'phone':
      case 'fax':
        return this.digits.has(digitsKey(value));
      case 'email': {
        const lower = value.toLowerCase();
        const at = lower.lastIndexOf('@');
        return this.emails.has(lower) || (at !== -1 && this.domains.has(lower.slice(at + 1)));
      }
      case 'geographic':
        // A ZIP code (ZIP+4 too) is its first five digits.
        if (/^\d{5}(?:-\d{4})?$/.test(value)) return this.digits.has(value.slice(0, 5));
        return this.texts.has(textKey(value));
      default:
        return this.texts.has(textKey(value)) || (/^[0-9 .-]+$/.test(value) && this.digits.has(digitsKey(value)));
    }
  }

  /** A value that can name nothing (punctuation alone, "@" without a domain): the policy loader refuses it. */
  static empty(value: string): boolean {
    const v = value.trim();
    return v.startsWith('@') ? !/^@[^@\s]+\.[^@\s]+$/.test(v) : textKey(v) === '';
  }
}
