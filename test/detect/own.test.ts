import { describe, expect, it } from 'vitest';
import { createScanner, scan } from '../../src/detect/index.js';
import { OwnIdentifiers } from '../../src/detect/own.js';
import type { Identifier } from '../../src/detect/types.js';

const own = new OwnIdentifiers(['(217) 555-0100', 'Fax: 217.555.0101', 'frontdesk@riverbend.example', '@riverbend-health.example', '100 Clinic Way, Suite 2', '62711', 'Anil Patel', '1234567893']);

describe("the clinic's own identifiers are compared as their identifier reads", () => {
  it.each<[Identifier, string, boolean]>([
    ['phone', '217-555-0100', true],
    ['phone', '+1 (217) 555 0100', true],
    ['phone', '12175550100', true],
    ['fax', '(217) 555-0101', true],
    ['phone', '(217) 555-0188', false],
    ['email', 'FrontDesk@Riverbend.example', true],
    ['email', 'billing@riverbend-health.example', true],
    ['email', 'rosa@riverbend.example.com', false],
    ['email', 'frontdesk@gmail.com', false],
    ['geographic', '100 Clinic Way Ste 2', true],
    ['geographic', '100 clinic way, suite 2', true],
    ['geographic', '100 Clinic Way', false],
    ['geographic', '62711', true],
    ['geographic', '62711-4402', true],
    ['geographic', '62704', false],
    ['names', 'ANIL PATEL', true],
    ['names', 'Anil Patel-Shah', false],
    ['other-id', '1234567893', true],
    ['mrn', '4482913', false],
  ])('%s %j: %s', (identifier, value, expected) => {
    expect(own.has(identifier, value)).toBe(expected);
  });

  it('refuses values that name nothing', () => {
    for (const v of ['--', '  ', '@', '@localhost', '()']) expect(OwnIdentifiers.empty(v), v).toBe(true);
    for (const v of ['62711', '@riverbend.example', 'Anil Patel']) expect(OwnIdentifiers.empty(v), v).toBe(false);
  });
});

describe('a scanner given them', () => {
  const page = 'Riverbend Family Medicine, 100 Clinic Way, Suite 2, Springfield IL 62711. Call (217) 555-0100 or write to frontdesk@riverbend.example.';
  it('keeps quiet on the clinic’s own contact details, in text and in structured fields', () => {
    // Before (no own_identifiers): a street address, a ZIP code, a telephone number and an e-mail address.
    expect(scan(createScanner(), Buffer.from(page)).phi).toBe(true);
    const s = createScanner({ ownIdentifiers: ['100 Clinic Way, Suite 2', '62711', '(217) 555-0100', '@riverbend.example', 'Anil Patel'] });
    expect(scan(s, Buffer.from(page)).findings).toEqual([]);
    const user = JSON.stringify({ name: 'Anil Patel', phone: '217-555-0100', email: 'apatel@riverbend.example', role: 'physician' });
    expect(scan(s, Buffer.from(user), { contentType: 'application/json' }).findings).toEqual([]);
  });

  it("still finds a patient's identifiers beside them", () => {
    const s = createScanner({ ownIdentifiers: ['(217) 555-0100', '62711'] });
    const text = `${'Call (217) 555-0100.'} Patient Rosa Garcia, phone (217) 555-0188, 42 Elm St, Springfield IL 62704`;
    const found = scan(s, Buffer.from(text)).findings.map((f) => text.slice(f.start, f.end));
    expect(found).toEqual(expect.arrayContaining(['Rosa Garcia', '(217) 555-0188', '62704']));
    expect(found).not.toContain('(217) 555-0100');
  });
});
