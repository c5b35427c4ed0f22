import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { spawnCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

const PHI_VALUES = ['536-22-1845', 'Rosa Garcia', '02/11/1947', 'XGH48291033', 'Okafor', '1958-09-30', '(217) 555-0188'];

const dir = tempDir('scan');
const files = {
  note: join(dir, 'note.txt'),
  gz: join(dir, 'note.txt.gz'),
  fhir: join(dir, 'patient.json'),
  clean: join(dir, 'event.json'),
  pdf: join(dir, 'scan.pdf'),
  utf16: join(dir, 'note-utf16.txt'),
};
const NOTE = 'Patient: Rosa Garcia DOB 02/11/1947 SSN 536-22-1845 member id XGH48291033 phone (217) 555-0188';
writeFileSync(files.note, NOTE);
writeFileSync(files.gz, gzipSync(Buffer.from(NOTE)));
writeFileSync(files.fhir, JSON.stringify({ resourceType: 'Patient', name: [{ family: 'Okafor', given: ['Chidi'] }], birthDate: '1958-09-30' }));
writeFileSync(files.clean, JSON.stringify({ event: 'page_view', path: '/flu-shots', n: 3 }));
writeFileSync(files.pdf, Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from(NOTE)]));
writeFileSync(files.utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(NOTE, 'utf16le')]));

function expectNoPhi(text: string): void {
  for (const v of PHI_VALUES) expect(text).not.toContain(v);
}

describe('phiwall scan', () => {
  it('--json prints one line per input in the design.md shape, and exits 3 when PHI is found', () => {
    const r = spawnCli(['scan', '--json', files.note, files.gz, files.fhir, files.clean]);
    expect(r.code).toBe(3);
    const lines = r.out.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatchObject({ file: files.note, phi: true, format: 'text', bytes: NOTE.length });
    expect(lines[1]).toMatchObject({ file: files.gz, phi: true });
    expect(lines[2]).toMatchObject({ file: files.fhir, phi: true, format: 'fhir-json' });
    expect(lines[3]).toEqual({ file: files.clean, phi: false, format: 'json', bytes: JSON.stringify({ event: 'page_view', path: '/flu-shots', n: 3 }).length, findings: [] });
    const finding = (lines[0]!['findings'] as Record<string, unknown>[]).find((f) => f['detector'] === 'us-ssn');
    expect(finding).toEqual({ detector: 'us-ssn', identifier: 'ssn', start: NOTE.indexOf('536'), end: NOTE.indexOf('536') + 11, confidence: 0.97 });
    expectNoPhi(r.out + r.err);
  });

  it('exits 0 on PHI-free input, reading stdin with -', () => {
    const r = spawnCli(['scan', '--json', '-'], JSON.stringify({ ok: true, items: [1, 2, 3] }));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ file: '-', phi: false });
  });

  it("--own names the clinic's own identifiers, as scan.own_identifiers does for the proxy", () => {
    const page = join(dir, 'newsletter.txt');
    writeFileSync(page, 'Flu shots on Saturdays. Call (217) 555-0100. Riverbend Family Medicine, 100 Clinic Way, Springfield IL 62711');
    expect(spawnCli(['scan', page]).code).toBe(3);
    const r = spawnCli(['scan', '--json', '--own', '(217) 555-0100', '--own', '100 Clinic Way', '--own', '62711', page]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ phi: false, findings: [] });
    const bad = spawnCli(['scan', '--own=()', page]);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--own "\(\)" names nothing/);
  });

  it('--policy scans with the settings the proxy would use: its MRN formats, threshold and own identifiers', () => {
    const policy = tempDir('scan-policy');
    writeFileSync(join(policy, 'vendors.yaml'), 'vendors:\n  - id: isp\n    hosts: [isp.example]\n    classification: conduit\n    data_flows: transport\n');
    writeFileSync(join(policy, 'phiwall.yaml'), "scan:\n  mrn_patterns: ['\\bRB-\\d{7}\\b']\n  own_identifiers: ['(217) 555-0100', '100 Clinic Way', '62711']\n");
    const page = join(dir, 'page.txt');
    writeFileSync(page, 'Riverbend Family Medicine, 100 Clinic Way, Springfield IL 62711. Call (217) 555-0100.');
    expect(spawnCli(['scan', page]).code).toBe(3);
    expect(spawnCli(['scan', '--policy', policy, page]).code).toBe(0);
    const chart = join(dir, 'chart.txt');
    writeFileSync(chart, 'chart RB-0012345 attached');
    expect(spawnCli(['scan', chart]).code).toBe(0);
    const r = spawnCli(['scan', '--json', '--policy', policy, chart]);
    expect(r.code).toBe(3);
    expect(JSON.parse(r.out)).toMatchObject({ findings: [{ detector: 'clinic-mrn', start: 6, end: 16 }] });
    const broken = spawnCli(['scan', '--policy', join(dir, 'no-such-policy'), chart]);
    expect(broken.code).toBe(1);
    expect(broken.err).toMatch(/vendors\.yaml:1:1: /);
  });

  it('exits 4 when an input cannot be scanned and reports why', () => {
    const r = spawnCli(['scan', '--json', files.pdf]);
    expect(r.code).toBe(4);
    expect(JSON.parse(r.out)).toMatchObject({ phi: false, format: 'binary', unscannable: 'binary' });
  });

  it('prints a table without values, and a masked preview only on request', () => {
    const table = spawnCli(['scan', files.note]);
    expect(table.out).toMatch(/DETECTOR\s+IDENTIFIER\s+BYTES\s+CONFIDENCE/);
    expect(table.out).not.toMatch(/PREVIEW/);
    expectNoPhi(table.out);
    const preview = spawnCli(['scan', '--preview', files.note]);
    expect(preview.out).toMatch(/###-##-####/);
    expectNoPhi(preview.out);
    // UTF-16 (Windows "Unicode" text): found, and its preview has the same shape, without the zero bytes.
    const wide = spawnCli(['scan', '--preview', files.utf16]);
    expect(wide.out).toMatch(/###-##-####/);
    expect(wide.out).not.toMatch(/#\?#/);
    expectNoPhi(wide.out);
  });

  it('a missing file is an error (exit 1), named without content', () => {
    const r = spawnCli(['scan', join(dir, 'nope.txt')]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/nope\.txt: ENOENT/);
  });
});
