import { describe, expect, it } from 'vitest';
import { ScanStream } from '../../src/detect/index.js';
import { scanner } from '../helpers/scanner.js';

const BODY = Buffer.from(JSON.stringify({ note: 'follow-up', ssn: '536-22-1845', memo: 'Patient: Rosa Garcia DOB 02/11/1947' }));

function feed(chunks: Buffer[], maxBytes = 1 << 20) {
  const s = new ScanStream(scanner(), { maxBytes });
  for (const c of chunks) s.write(c);
  return s;
}

describe('ScanStream: chunks as they arrive', () => {
  it('finds a value split at every possible byte boundary', () => {
    const ssnAt = BODY.indexOf('536-22-1845');
    for (let cut = ssnAt - 1; cut <= ssnAt + 12; cut++) {
      const r = feed([BODY.subarray(0, cut), BODY.subarray(cut)]).end();
      expect(r.findings.some((f) => f.detector === 'us-ssn' && f.start === ssnAt)).toBe(true);
    }
  });

  it('gives the same findings for one-byte chunks as for the whole body', () => {
    const whole = feed([BODY]).end();
    const bytes = feed([...BODY].map((b) => Buffer.from([b]))).end();
    expect(bytes.findings).toEqual(whole.findings);
  });

  it('returns the held bytes unchanged for forwarding', () => {
    const chunks = [BODY.subarray(0, 10), BODY.subarray(10, 40), BODY.subarray(40)];
    expect(feed(chunks).body().equals(BODY)).toBe(true);
  });

  it('refuses a body over the cap as soon as a chunk crosses it, and holds nothing more', () => {
    const s = new ScanStream(scanner(), { maxBytes: 20 });
    expect(s.write(Buffer.alloc(15, 'a'))).toBe(true);
    expect(s.write(Buffer.alloc(15, 'a'))).toBe(false);
    expect(s.tooLarge).toBe(true);
    expect(s.end()).toMatchObject({ phi: false, unscannable: 'too_large' });
  });
});
