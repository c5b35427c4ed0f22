import { describe, expect, it } from 'vitest';
import { buildHostMatcher, normalizeName, parseHostPattern, stripPort } from '../../src/policy/hosts.js';
import { cidrContains, parseCidr, parseIp } from '../../src/policy/ip.js';

describe('host names', () => {
  it.each([
    ['API.Example.', 'api.example'],
    ['bücher.example', 'xn--bcher-kva.example'],
    ['under_score.example', 'under_score.example'],
  ])('normalizes %s to %s', (raw, want) => expect(normalizeName(raw)).toBe(want));

  it.each(['', '-bad.example', 'a..b', 'sp ace.example', 'x'.repeat(64) + '.example'])('rejects %j', (raw) => {
    expect(normalizeName(raw)).toBeNull();
  });

  it.each([
    ['host:443', 'host'],
    ['[2001:db8::1]:443', '[2001:db8::1]'],
    ['2001:db8::1', '2001:db8::1'],
    ['host', 'host'],
  ])('stripPort(%s) = %s', (raw, want) => expect(stripPort(raw)).toBe(want));
});

describe('IP addresses and ranges', () => {
  it('parses IPv6 with :: and an embedded IPv4', () => {
    expect(parseIp('::ffff:192.0.2.1')?.value).toBe(0xffffc0000201n);
    expect(parseIp('2001:db8::1')?.value).toBe(0x20010db8000000000000000000000001n);
    expect(parseIp('::')?.value).toBe(0n);
    expect(parseIp('[fe80::1%eth0]')?.family).toBe(6);
  });

  it('checks containment by prefix', () => {
    const net = parseCidr('10.20.0.0/16')!;
    expect(cidrContains(net, parseIp('10.20.255.1')!)).toBe(true);
    expect(cidrContains(net, parseIp('10.21.0.1')!)).toBe(false);
    expect(cidrContains(parseCidr('fc00::/7')!, parseIp('fd12::1')!)).toBe(true);
    expect(cidrContains(parseCidr('0.0.0.0/0')!, parseIp('8.8.8.8')!)).toBe(true);
    expect(cidrContains(parseCidr('0.0.0.0/0')!, parseIp('::1')!)).toBe(false);
  });

  it.each(['10.0.0.0/33', '::/129', '1.2.3.4/x', '300.1.1.1'])('rejects %s', (raw) => expect(parseCidr(raw)).toBeNull());
});

describe('the compiled matcher', () => {
  const entries = ['exact.example', '*.example', '*.deep.example', '10.0.0.0/8', '10.1.0.0/16', '10.1.2.3'].map((raw, i) => {
    const pattern = parseHostPattern(raw);
    if ('error' in pattern) throw new Error(pattern.error);
    return { pattern, value: i };
  });
  const m = buildHostMatcher(entries);

  it.each([
    ['exact.example', 0],
    ['other.example', 1],
    ['x.deep.example', 2],
    ['deep.example', 1],
    ['example', null],
    ['10.9.9.9', 3],
    ['10.1.9.9', 4],
    ['10.1.2.3', 5],
    ['11.0.0.1', null],
  ])('%s -> entry %s (most specific wins)', (host, want) => {
    expect(m.match(host)?.value ?? null).toBe(want);
  });

  it('refuses the same pattern twice', () => {
    const p = parseHostPattern('dup.example');
    if ('error' in p) throw new Error(p.error);
    expect(() => buildHostMatcher([{ pattern: p, value: 1 }, { pattern: p, value: 2 }])).toThrow(/listed twice/);
  });
});
