import { describe, expect, it } from 'vitest';
import { formFields, formFieldsByGroups, formKey, logfmtFields, logfmtFieldsByGroups, regexes, xmlFields, xmlFieldsByGroups } from '../../src/detect/formats/fields.js';
import type { Finding } from '../../src/detect/index.js';
import { loadPack } from '../../src/detect/pack.js';
import { packageRoot } from '../../src/paths.js';
import { join } from 'node:path';
import { scanner } from '../helpers/scanner.js';

/** A seeded source of random choices for the generated bodies, and the pack's field names to build them from. */
function generator(seed: number): { rnd: () => number; pick: <T>(list: readonly T[]) => T; names: string[]; prefixes: readonly string[] } {
  const pack = loadPack([join(packageRoot(), 'detectors')]);
  let state = seed;
  const rnd = (): number => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
  return {
    rnd,
    pick: <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!,
    names: [...[...pack.keys.keys.values()].flat(), ...[...pack.keys.prefixedOnly.values()].flat()],
    prefixes: pack.keys.prefixes,
  };
}

/**
 * `reader` and its grouped `reference` on `count` bodies from `body`: the same findings on each,
 * and (so that the comparison is not of empty lists) more than a thousand of them in all.
 */
function agreeOn(count: number, reader: typeof formFields, reference: typeof formFields, body: () => string): void {
  let found = 0;
  for (let n = 0; n < count; n++) {
    const text = body();
    const want = fields(reference, text);
    found += want.length;
    expect(fields(reader, text), text).toEqual(want);
  }
  expect(found).toBeGreaterThan(1000);
}

/** formFields (pairs found without groups, names read by formKey) or its reference (RE2's groups), on one body. */
function fields(read: typeof formFields, body: string): Finding[] {
  const out: Finding[] = [];
  read({ buf: Buffer.from(body), scanner: scanner(), out, base: 7, layer: undefined });
  return out;
}

describe('form pairs read without groups', () => {
  it('reads the value after the first = and the name past the prefixes, nesting and date parts', () => {
    const body = 'q3_fullName=Rosa+Garcia&ep.patient_name=Rosa&user[patient_attributes][dob]=1947-02-11&dob[month]=02&utm_source=mail&x=1;ssn=536-22-1845';
    const got = fields(formFields, body);
    expect(got).toEqual(fields(formFieldsByGroups, body));
    expect(got.map((f) => `${f.identifier}:${body.slice(f.start - 7, f.end - 7)}`)).toEqual([
      'names:Rosa+Garcia',
      'names:Rosa',
      'dates:1947-02-11',
      'dates:02',
      'ssn:536-22-1845',
    ]);
  });

  it('reads the name of each common shape itself, without the groups', () => {
    const key = regexes(scanner().keys).key;
    for (const [pair, identifier] of [
      ['q3_fullName=', 'names'],
      ['&ep.patient_name=', 'names'],
      ['?upn.dob=', 'dates'],
      ['user[patient_attributes][dob]=', 'dates'],
      ['dob[year]=', 'dates'],
      ['q4_dob[month]]=', 'dates'],
    ] as const) {
      const buf = Buffer.from(pair);
      expect(formKey({ buf, scanner: scanner(), out: [], base: 0, layer: undefined }, key, 0, buf.indexOf('=')), pair).toBe(identifier);
    }
  });

  it('gives what the groups give where a bracket may part the name two ways (the pair is then read with them)', () => {
    // "sha256[email[address": a name of three words joined by brackets, or "email[address", or
    // "address" after two levels of nesting; they name different identifiers.
    for (const body of ['?patient[pat.email[addr]=Evanston', '&q4_Sha256[email[address=rosa%40example.com', 'Email[addr=555-201-3344']) {
      expect(fields(formFields, body)).toEqual(fields(formFieldsByGroups, body));
    }
  });

  it('agrees with the groups on 3,000 random bodies of the pack\'s field names, cased, joined and nested every way', () => {
    const { rnd, pick, names, prefixes } = generator(3);
    const separators = ['_', '-', '.', ' ', '[', '', '%20', '+'];
    const name = (): string => {
      let k = pick(names).split(/[\s_-]+/).join(pick(separators));
      if (rnd() < 0.4) k = `${pick(prefixes)}${pick(separators)}${k}`;
      k = rnd() < 0.3 ? k.toUpperCase() : rnd() < 0.5 ? k.replace(/(^|[ _-])(.)/g, (_m, s: string, c: string) => s + c.toUpperCase()) : k;
      const question = rnd() < 0.2 ? `q${Math.floor(rnd() * 30)}_` : '';
      const analytics = rnd() < 0.15 ? pick(['ep.', 'epn.', 'up.', 'upn.']) : '';
      const nesting = rnd() < 0.3 ? pick(['user[', 'patient[', 'fields[0][', 'a]b[', 'x[y][', '[']) : '';
      const part = rnd() < 0.2 ? pick(['[month]', '[day]', '[year]', '[Month]', '[month', ']', ']]']) : '';
      return `${question}${analytics}${nesting}${k}${part}`;
    };
    const values = ['Rosa+Garcia', '1947-02-11', '02%2F11%2F1947', '555-201-3344', 'rosa%40example.com', '536-22-1845', 'x;dob=1950-01-01', 'a?b=c', 'MRN12345678', '%E2%80%93', "O'Keefe", '=', 'yes'];
    agreeOn(3000, formFields, formFieldsByGroups, () => {
      const pairs = Array.from({ length: 1 + Math.floor(rnd() * 4) }, () => `${rnd() < 0.75 ? name() : pick(['utm_source', 'page', 'ref'])}=${pick(values)}`);
      return (rnd() < 0.2 ? pick(['?', '&', ';', '/collect?']) : '') + pairs.join(pick(['&', ';', '?']));
    });
  });
});

describe('logfmt pairs read without groups', () => {
  it("agrees with the groups on 2,000 random log lines of the pack's field names, bare and quoted values", () => {
    const { rnd, pick, names } = generator(17);
    const values = ['"Rosa Garcia"', 'Rosa', '1947-02-11', '"02/11/1947"', '555-201-3344', 'rosa@example.com', '536-22-1845', '"unclosed', '""', 'x=y', 'a+b', '"a\nb"', 'MRN12345678'];
    agreeOn(2000, logfmtFields, logfmtFieldsByGroups, () => {
      const pairs = Array.from({ length: 1 + Math.floor(rnd() * 4) }, () => {
        const key = rnd() < 0.7 ? pick(names).split(/[\s_-]+/).join(pick(['_', '-', '.', ''])) : pick(['level', 'msg', 'ts']);
        return `${rnd() < 0.3 ? key.toUpperCase() : key}=${pick(values)}`;
      });
      return (rnd() < 0.3 ? pick([' ', '\t', 'level=info ']) : '') + pairs.join(pick([' ', '\t', '  ']));
    });
  });
});

describe('XML pairs read without groups', () => {
  it("agrees with the groups on 2,000 random documents of the pack's field names as elements, with namespaces and attributes", () => {
    const { rnd, pick, names, prefixes } = generator(29);
    const values = ['Rosa Garcia', '1947-02-11', '02/11/1947', '555-201-3344', 'rosa@example.com', '536-22-1845', 'a > b', 'MRN12345678', 'Evanston', 'yes'];
    agreeOn(2000, xmlFields, xmlFieldsByGroups, () => {
      const elements = Array.from({ length: 1 + Math.floor(rnd() * 4) }, () => {
        let name = rnd() < 0.75 ? pick(names).split(/[\s_-]+/).join(pick(['_', '-', '.', ' ', ''])) : pick(['code', 'status', 'item']);
        if (rnd() < 0.4) name = `${pick(prefixes)}${pick(['_', ' ', ''])}${name}`;
        if (rnd() < 0.3) name = name.toUpperCase();
        const ns = rnd() < 0.3 ? pick(['hl7:', 'ns0:', 'x_1:']) : '';
        const attributes = rnd() < 0.3 ? pick([' id="1"', '\ttype="home"', ' use="official" period="x"', ' ']) : '';
        return `<${ns}${name}${attributes}>${pick(values)}</${ns}${name}>`;
      });
      return `<record>${elements.join(pick(['', '\n', ' ']))}</record>`;
    });
  });
});
