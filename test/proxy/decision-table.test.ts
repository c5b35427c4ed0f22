import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { verifyChain } from '../../src/audit/chain.js';
import { curl, recordOf, useProxy, viaAgent } from '../helpers/proxy.js';
import { useRecordingUpstream } from '../helpers/upstream.js';
import { VENDORS, settings } from './policy-fixture.js';
import { readFileSync } from 'node:fs';

const up = useRecordingUpstream({ beforeAll, afterAll, beforeEach });
const proxy = useProxy({ beforeAll, afterAll }, () => [VENDORS, settings()]);

const BODY = JSON.stringify({ claim: 'A-100', lines: [{ cpt: '99213', units: 1 }], note: 'routine' });

// Every row of design.md's decision table, through the real proxy with a real client, and
// what the upstream received: identical bytes when allowed, nothing at all when blocked.
describe.each([
  ['business associate, BAA in force', 'ehr', 200, null],
  ['subcontractor, parent in force', 'storage', 200, null],
  ['subcontractor, parent refused', 'orphan', 403, 'parent_baa_not_in_force'],
  ['BAA refused', 'relay.itmsp', 403, 'baa_refused'],
  ['BAA pending', 'answering', 403, 'baa_pending'],
  ['BAA terminated', 'forms', 403, 'baa_terminated'],
  ['BAA expired', 'lapsed', 403, 'baa_expired'],
  ['BAA not yet effective', 'future', 403, 'baa_not_yet_effective'],
  ['BAA missing terms', 'template', 403, 'baa_missing_terms'],
  ['BAA gap with block-phi, clean body', 'scribe', 200, null],
  ['not a business associate, clean body', 'pixel', 200, null],
  ['conduit', 'transit', 200, null],
  ['classification pending', 'newtool', 403, 'classification_pending'],
  ['not in the inventory', 'unknown', 403, 'unknown_destination'],
] as const)('%s', (_row, name, status, reason) => {
  const target = () => `http://${name}.example:${up.port}/v1/submit?batch=7`;

  it(`curl: ${status}${reason === null ? '' : ` ${reason}`}`, async () => {
    const r = await curl(proxy.url, ['-X', 'POST', '-H', 'content-type: application/json', '--data-binary', BODY, target()]);
    expect(r.status).toBe(status);
    if (reason === null) {
      expect(up.requests).toHaveLength(1);
      expect(up.requests[0]!.body.toString()).toBe(BODY);
      expect(up.requests[0]!.url).toBe('/v1/submit?batch=7');
      expect(up.requests[0]!.headers['via']).toMatch(/phiwall/);
      expect(r.headers['x-upstream']).toBe('recording');
    } else {
      expect(r.headers['x-phiwall-reason']).toBe(reason);
      expect(r.headers['x-phiwall-incident']).toMatch(/^[0-9a-f-]{36}$/);
      expect(JSON.parse(r.body)).toMatchObject({ blocked: true, reason, incident: r.headers['x-phiwall-incident'] });
      expect(up.connections).toBe(0);
      expect(up.bytes).toBe(0);
    }
  });

  it(`undici ProxyAgent: ${status}`, async () => {
    const r = await viaAgent(proxy, target(), { method: 'POST', headers: { 'content-type': 'application/json' }, body: BODY });
    expect(r.status).toBe(status);
    expect(r.headers['x-phiwall-reason']).toBe(reason ?? undefined);
    expect(up.bytes === 0).toBe(reason !== null);
    if (reason === null) expect(up.requests[0]!.body.toString()).toBe(BODY);
  });
});

describe('block responses', () => {
  it('a browser asking for HTML gets a page that says why and whom to ask, never the request', async () => {
    const r = await curl(proxy.url, ['-H', 'accept: text/html,application/xhtml+xml', `http://relay.itmsp.example:${up.port}/session?patient=Rosa%20Garcia`]);
    expect(r.status).toBe(403);
    expect(r.headers['content-type']).toMatch(/text\/html/);
    expect(r.body).toMatch(/Blocked to protect patient information/);
    expect(r.body).toMatch(/it-msp/);
    expect(r.body).toMatch(/compliance\s+officer/);
    expect(r.body).not.toMatch(/Rosa/);
  });

  it('Expect: 100-continue is never answered for a blocked request, so the client never sends its body', async () => {
    const big = Buffer.alloc(256 * 1024, 'a');
    const r = await curl(proxy.url, ['-X', 'POST', '-H', 'expect: 100-continue', '--data-binary', '@-', `http://answering.example:${up.port}/upload`], big);
    expect(r.status).toBe(403);
    expect(up.bytes).toBe(0);
  });
});

describe('the audit record', () => {
  it('one chained record per decision, with the canonical fields', async () => {
    const last = [await recordOf(proxy, () => curl(proxy.url, [`http://ehr.example:${up.port}/`])), await recordOf(proxy, () => curl(proxy.url, [`http://newtool.example:${up.port}/`]))];
    expect(last[0]).toMatchObject({ channel: 'http', method: 'GET', host: 'ehr.example', port: up.port, vendor: 'ehr', action: 'allow', reason: 'baa_in_force', enforced: true, upstream_status: 200 });
    expect(last[1]).toMatchObject({ host: 'newtool.example', vendor: 'newtool', action: 'block', reason: 'classification_pending', upstream_status: null });
    expect(Object.keys(last[0]!)).toEqual(['record', 'time', 'incident', 'client', 'channel', 'method', 'host', 'port', 'vendor', 'action', 'reason', 'enforced', 'findings', 'detectors', 'request_bytes', 'upstream_status', 'duration_ms', 'added_ms', 'seq', 'prev', 'hash']);
    expect(verifyChain(readFileSync(proxy.auditPath, 'utf8')).ok).toBe(true);
  });

  it('unknown destinations are recorded by host, so the clinic sees unreviewed tools', async () => {
    const rec = await recordOf(proxy, () => curl(proxy.url, [`http://unknown.example:${up.port}/`]));
    expect(rec).toMatchObject({ host: 'unknown.example', vendor: null, reason: 'unknown_destination' });
  });
});
