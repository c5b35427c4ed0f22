import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, cli, spawnCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

const CLINIC_B = join(ROOT, 'test', 'fixtures', 'clinic-b');
const BROKEN = join(ROOT, 'test', 'fixtures', 'broken');

describe('phiwall explain --json agrees with the decision table on another inventory', () => {
  it.each([
    ['https://chart.dentalcloud.example/api', 'dentrix-cloud', 'allow', 'baa_in_force', { status: 'executed', in_force: true, expires: '2026-12-31', days_remaining: 39 }],
    ['https://pacs.imagestore.example/', 'imaging-archive', 'allow', 'baa_in_force', { status: 'executed', in_force: true, expires: null, days_remaining: null }],
    ['https://reader.xray.example/', 'xray-reader', 'block', 'parent_baa_not_in_force', { status: 'executed', in_force: true, expires: null, days_remaining: null }],
    ['https://orders.oldlab.example/', 'old-lab', 'scan', 'baa_terminated', { status: 'terminated', in_force: false, expires: null, days_remaining: null }],
    ['https://sms.remindly.example/', 'reminders', 'block', 'baa_pending', { status: 'pending', in_force: false, expires: null, days_remaining: null }],
    ['https://support.deskly.example/', 'helpdesk', 'block', 'baa_refused', { status: 'refused', in_force: false, expires: null, days_remaining: null }],
    ['https://api.payroll.example/', 'payroll', 'block', 'baa_expired', { status: 'executed', in_force: false, expires: '2025-12-31', days_remaining: -326 }],
    ['https://api.erx.example/', 'e-rx', 'block', 'baa_not_yet_effective', { status: 'executed', in_force: false, expires: null, days_remaining: null }],
    ['https://api.dictate.example/', 'dictation', 'block', 'baa_missing_terms', { status: 'executed', in_force: false, expires: null, days_remaining: null }],
    ['https://fonts.cdn.example/css', 'fonts', 'scan', 'not_business_associate', null],
    ['http://198.51.100.7/', 'vpn-carrier', 'allow', 'conduit', null],
    ['https://app.ainotes.example/', 'ai-notes', 'block', 'classification_pending', null],
    ['https://chat.random-ai.example/', null, 'scan', 'unknown_destination', null],
  ])('%s', async (url, vendor, action, reason, baa) => {
    const { code, out } = await cli(['explain', '--policy', CLINIC_B, '--json', '--at', '2026-11-22', url]);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ vendor, action, reason, scan: action === 'scan', baa });
  });

  it('--at moves the clock: the cloud EHR BAA has expired in January', async () => {
    const { out } = await cli(['explain', '--policy', CLINIC_B, '--json', '--at', '2027-01-01', 'https://x.dentalcloud.example']);
    expect(JSON.parse(out)).toMatchObject({ action: 'block', reason: 'baa_expired', date: '2027-01-01' });
  });

  it('accepts host:port as a CONNECT names it', async () => {
    const { out } = await cli(['explain', '--policy', CLINIC_B, '--json', 'support.deskly.example:443']);
    expect(JSON.parse(out)).toMatchObject({ vendor: 'helpdesk', reason: 'baa_refused' });
  });

  it('prints a readable explanation without --json', async () => {
    const { out } = await cli(['explain', '--policy', CLINIC_B, 'https://orders.oldlab.example/']);
    expect(out).toMatch(/vendor\s+old-lab/);
    expect(out).toMatch(/reason\s+baa_terminated/);
    expect(out).toMatch(/scan\s+yes/);
  });

  it('rejects a bad --at with a usage error', async () => {
    const { code, err } = await cli(['explain', '--policy', CLINIC_B, '--at', '2026-13-01', 'https://x.example']);
    expect(code).toBe(2);
    expect(err).toMatch(/--at "2026-13-01" is not a date/);
  });
});

describe('phiwall check', () => {
  it('accepts the shipped example with its warnings (exit 0)', async () => {
    const { code, out } = await cli(['check', '--policy', join(ROOT, 'policies')]);
    expect(code).toBe(0);
    expect(out).toMatch(/warning: vendor "faxline": BAA expires on 2027-01-05 \(in 44 days\)/);
    expect(out).toMatch(/warning: vendor "lakeside-lab": BAA expired on 2026-09-30/);
    expect(out).toMatch(/warning: vendor "scribewell": executed BAA is missing required terms: subcontractors, individual-rights, hhs-access, return-or-destroy/);
    expect(out).toMatch(/warning: vendor "mailburst": last reviewed 2025-06-01/);
    expect(out).toMatch(/valid, 15 vendors/);
  });

  it('--json is one document', async () => {
    const { out } = await cli(['check', '--policy', join(ROOT, 'policies'), '--json']);
    const doc = JSON.parse(out) as { valid: boolean; warnings: unknown[] };
    expect(doc.valid).toBe(true);
    expect(doc.warnings.length).toBeGreaterThanOrEqual(4);
  });

  it('the built command exits 0 on the example and 1 on every broken fixture, with a position', () => {
    expect(spawnCli(['check', '--policy', 'policies']).code).toBe(0);
    for (const name of ['unknown-key', 'bad-wildcard', 'subcontractor-cycle', 'settings-bad-timezone']) {
      const r = spawnCli(['check', '--policy', join(BROKEN, name)]);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/\.yaml:\d+:\d+: /);
    }
  });

  it('asks what start needs too: the CA of tls.intercept and a compilable detector pack (start refuses the same, exit 1)', async () => {
    const dir = tempDir('check');
    cpSync(join(ROOT, 'policies', 'vendors.yaml'), join(dir, 'vendors.yaml'));
    writeFileSync(join(dir, 'phiwall.yaml'), `tls:\n  intercept: true\n  ca_cert: ${join(dir, 'ca', 'phiwall-ca.pem')}\n  ca_key: ${join(dir, 'ca', 'phiwall-ca.key')}\n`);
    const missingCa = await cli(['check', '--policy', dir]);
    expect(missingCa.code).toBe(1);
    expect(missingCa.err).toContain(`phiwall.yaml:1:1: tls.intercept is true but ${join(dir, 'ca', 'phiwall-ca.pem')} does not exist (create the CA with: phiwall ca init --out ${join(dir, 'ca')})`);
    const started = spawnCli(['start', '--policy', dir, '--workers', '1', '--listen', '127.0.0.1:0', '--admin', '127.0.0.1:0']);
    expect(started.code).toBe(1);
    expect(started.err).toContain('tls.intercept is true but');
    expect(started.err).not.toMatch(/^\s+at /m);
    // A pattern that matches the empty string is refused when the pack is compiled.
    writeFileSync(join(dir, 'phiwall.yaml'), `scan:\n  mrn_patterns: ['\\d*']\n`);
    const badPattern = await cli(['check', '--policy', dir]);
    expect(badPattern.code, badPattern.out).toBe(1);
    expect(badPattern.err).toMatch(/phiwall\.yaml:\d+:\d+: .*can match the empty string/);
  });
});

describe('phiwall vendors', () => {
  it('lists the inventory with BAA state, days left and review due', async () => {
    const { code, out } = await cli(['vendors', '--policy', join(ROOT, 'policies')]);
    expect(code).toBe(0);
    expect(out).toMatch(/faxline\s+business-associate\s+executed\s+yes\s+2027-01-05\s+44\s+2027-01-10/);
    expect(out).toMatch(/old-it-msp\s+business-associate\s+refused\s+no \(baa_refused\)/);
  });

  it('shows each vendor\'s exceptions to the global settings (no interception, unscannable allowed)', async () => {
    const dir = tempDir('vendors');
    writeFileSync(join(dir, 'vendors.yaml'), 'vendors:\n  - id: pinned\n    hosts: [pinned.example]\n    classification: not-business-associate\n    intercept: false\n  - id: ocr\n    hosts: [ocr.example]\n    classification: not-business-associate\n    unscannable: allow\n  - id: plain\n    hosts: [plain.example]\n    classification: not-business-associate\n');
    const { out } = await cli(['vendors', '--policy', dir]);
    expect(out).toMatch(/pinned\s.*not intercepted/);
    expect(out).toMatch(/ocr\s.*unscannable allowed/);
    expect(out).toMatch(/plain\s.*-\s*$/m);
    const doc = JSON.parse((await cli(['vendors', '--policy', dir, '--json'])).out) as { vendors: { id: string; intercept: boolean | null; unscannable: string | null }[] };
    expect(doc.vendors.map((v) => [v.id, v.intercept, v.unscannable])).toEqual([['pinned', false, null], ['ocr', null, 'allow'], ['plain', null, null]]);
  });

  it('--json lists every vendor', async () => {
    const { out } = await cli(['vendors', '--policy', join(ROOT, 'policies'), '--json']);
    const doc = JSON.parse(out) as { vendors: { id: string }[] };
    expect(doc.vendors).toHaveLength(15);
  });
});

describe('usage', () => {
  it('an unknown command exits 2 with the usage', async () => {
    const { code, err } = await cli(['frobnicate']);
    expect(code).toBe(2);
    expect(err).toMatch(/unknown command "frobnicate"/);
  });
  it('an unknown flag exits 2', async () => {
    expect((await cli(['check', '--polcy', 'x'])).code).toBe(2);
  });
});
