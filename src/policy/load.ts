import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isMap, type Node, type Pair } from 'yaml';
import RE2 from 're2';
import { mayMatchEmpty } from '../detect/find-all.js';
import { OwnIdentifiers } from '../detect/own.js';
import { isDay, isTimeZone } from './dates.js';
import { buildHostMatcher, normalizeName, parseHostPattern, patternKey, patternText, type HostPattern } from './hosts.js';
import { parseCidr, parseIp } from './ip.js';
import {
  BAA_GAP_ACTIONS,
  BAA_STATUSES,
  CLASSIFICATIONS,
  MODES,
  REQUIRED_TERMS,
  UNKNOWN_ACTIONS,
  type Baa,
  type BaaTerm,
  type Policy,
  type Settings,
  type Vendor,
} from './types.js';
import { PolicyError, YamlSource, type Problem } from './yaml-source.js';

export const SETTINGS_FILE = 'phiwall.yaml';
export const VENDORS_FILE = 'vendors.yaml';

/** Every setting's default, as design.md lists them; paths are relative to the policy directory. */
export const DEFAULT_SETTINGS: Settings = {
  listen: '127.0.0.1:3128',
  admin: '127.0.0.1:9090',
  mode: 'enforce',
  unknownDestinations: 'block',
  scan: { maxBodyBytes: 10_485_760, maxHeldBytes: 268_435_456, offloadBytes: 65_536, timeoutMs: 5_000, unscannable: 'block', detectors: [], minConfidence: 0.5, mrnPatterns: [], ownIdentifiers: [] },
  tls: { intercept: false, caCert: 'ca/phiwall-ca.pem', caKey: 'ca/phiwall-ca.key', upstreamCa: [], unintercepted: 'block' },
  audit: { path: 'audit/phiwall-audit.jsonl' },
  connectPorts: [443],
  dns: { hosts: {} },
  clients: ['127.0.0.0/8', '::1/128'],
  timezone: 'UTC',
  timeouts: {
    clientHeadersMs: 10_000,
    clientRequestMs: 60_000,
    upstreamConnectMs: 10_000,
    upstreamHeadersMs: 30_000,
    upstreamBodyMs: 60_000,
    tunnelIdleMs: 300_000,
  },
};

const VENDOR_ID = /^[a-z0-9-]+$/;

/** A host:port listen address; the error is why it is not one. */
export function parseListen(text: string): { host: string; port: number } | { error: string } {
  const m = /^(?:\[([0-9a-fA-F:.]+)\]|([^:[\]]+)):(\d{1,5})$/.exec(text);
  if (m === null) return { error: `"${text}" is not host:port (IPv6 in brackets: [::1]:3128)` };
  const host = m[1] ?? m[2]!;
  const port = Number(m[3]);
  if (port > 65535) return { error: `port ${port} is out of range` };
  if (parseIp(host) === null && normalizeName(host) === null) return { error: `"${host}" is not an address or host name` };
  return { host, port };
}

interface Input {
  readonly file: string;
  readonly text: string;
}

/** The pure part of loading: file texts in, a policy and every problem out. */
export function parsePolicy(dir: string, settingsInput: Input | null, vendorsInput: Input): { policy: Policy | null; problems: Problem[] } {
  const problems: Problem[] = [];
  const settings = settingsInput === null ? DEFAULT_SETTINGS : readSettings(new YamlSource(settingsInput.file, settingsInput.text, problems));
  const vendors = readVendors(new YamlSource(vendorsInput.file, vendorsInput.text, problems));
  if (problems.some((p) => p.severity === 'error') || settings === undefined) return { policy: null, problems };
  const resolved = resolvePaths(dir, settings);
  const policy: Policy = {
    dir,
    settings: resolved,
    vendors,
    vendorsById: new Map(vendors.map((v) => [v.id, v])),
    matcher: buildHostMatcher(vendors.flatMap((v) => v.hostPatterns.map((pattern) => ({ pattern, value: v })))),
  };
  return { policy: deepFreeze(policy), problems };
}

/** Reads `dir/phiwall.yaml` (optional) and `dir/vendors.yaml`; throws PolicyError on any error. */
export function loadPolicy(dir: string): { policy: Policy; warnings: Problem[] } {
  const read = (name: string): Input | null => {
    const file = join(dir, name);
    return existsSync(file) ? { file, text: readFileSync(file, 'utf8') } : null;
  };
  const vendors = read(VENDORS_FILE);
  if (vendors === null) {
    const file = join(dir, VENDORS_FILE);
    throw new PolicyError([{ file, line: 1, col: 1, severity: 'error', message: 'file not found: a policy directory needs vendors.yaml' }]);
  }
  const { policy, problems } = parsePolicy(dir, read(SETTINGS_FILE), vendors);
  if (policy === null) throw new PolicyError(problems.filter((p) => p.severity === 'error'));
  return { policy, warnings: problems };
}

function resolvePaths(dir: string, s: Settings): Settings {
  const r = (p: string): string => resolve(dir, p);
  return {
    ...s,
    scan: { ...s.scan, detectors: s.scan.detectors.map(r) },
    tls: { ...s.tls, caCert: r(s.tls.caCert), caKey: r(s.tls.caKey), upstreamCa: s.tls.upstreamCa.map(r) },
    audit: { path: r(s.audit.path) },
  };
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value) && !(value instanceof Map)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

const v = (pair: Pair<Node, Node | null> | undefined): Node | null | undefined => pair?.value;

function readSettings(src: YamlSource): Settings | undefined {
  if (!src.ok) return undefined;
  const root = src.doc.contents;
  if (root === null) return DEFAULT_SETTINGS;
  const top = src.map(root, 'phiwall.yaml', [
    'listen', 'admin', 'mode', 'unknown_destinations', 'scan', 'tls', 'audit', 'connect_ports', 'dns', 'clients', 'timezone', 'timeouts',
  ]);
  if (top === undefined) return undefined;
  const d = DEFAULT_SETTINGS;
  const listen = (key: 'listen' | 'admin'): string => {
    const node = v(top.get(key));
    if (node === undefined) return d[key];
    const text = src.string(node, key);
    if (text === undefined) return d[key];
    const parsed = parseListen(text);
    if ('error' in parsed) src.report(node, `${key}: ${parsed.error}`);
    return text;
  };
  const get = <T>(node: Node | null | undefined, read: (n: Node | null) => T | undefined, fallback: T): T =>
    node === undefined ? fallback : (read(node) ?? fallback);

  const scanMap = top.has('scan')
    ? src.map(v(top.get('scan')), 'scan', ['max_body_bytes', 'max_held_bytes', 'offload_bytes', 'timeout_ms', 'unscannable', 'detectors', 'min_confidence', 'mrn_patterns', 'own_identifiers'])
    : new Map<string, Pair<Node, Node | null>>();
  const tlsMap = top.has('tls') ? src.map(v(top.get('tls')), 'tls', ['intercept', 'ca_cert', 'ca_key', 'upstream_ca', 'unintercepted']) : new Map<string, Pair<Node, Node | null>>();
  const auditMap = top.has('audit') ? src.map(v(top.get('audit')), 'audit', ['path']) : new Map<string, Pair<Node, Node | null>>();
  const TIMEOUT_KEYS = ['client_headers_ms', 'client_request_ms', 'upstream_connect_ms', 'upstream_headers_ms', 'upstream_body_ms', 'tunnel_idle_ms'];
  const timeoutMap = top.has('timeouts') ? src.map(v(top.get('timeouts')), 'timeouts', TIMEOUT_KEYS) : new Map<string, Pair<Node, Node | null>>();
  const ms = (key: string, fallback: number): number => get(v(timeoutMap?.get(key)), (n) => src.integer(n, `timeouts.${key}`, 1, 86_400_000), fallback);
  const dnsMap = top.has('dns') ? src.map(v(top.get('dns')), 'dns', ['hosts']) : new Map<string, Pair<Node, Node | null>>();

  const mrnPatterns = get(v(scanMap?.get('mrn_patterns')), (n) => src.strings(n, 'scan.mrn_patterns'), []).map(({ value, node }) => {
    try {
      new RE2(value, 'u');
      if (mayMatchEmpty(value)) src.report(node, 'scan.mrn_patterns: the pattern can match the empty string (every position would be an MRN): it must match at least one character');
    } catch (e) {
      src.report(node, `scan.mrn_patterns: not a valid RE2 pattern: ${(e as Error).message}`);
    }
    return value;
  });

  const ownIdentifiers = get(v(scanMap?.get('own_identifiers')), (n) => src.strings(n, 'scan.own_identifiers'), []).map(({ value, node }) => {
    if (OwnIdentifiers.empty(value)) src.report(node, `scan.own_identifiers: "${value}" names nothing (a telephone number, an address, a ZIP code, an e-mail address or "@domain", a name or an NPI)`);
    return value;
  });

  const connectPorts: number[] = [];
  for (const item of get(v(top.get('connect_ports')), (n) => src.seq(n, 'connect_ports'), null) ?? []) {
    const port = src.integer(item, 'each entry of connect_ports', 1, 65535);
    if (port !== undefined) connectPorts.push(port);
  }

  const dnsHosts: Record<string, string> = {};
  const hostsNode = v(dnsMap?.get('hosts'));
  if (hostsNode !== undefined && hostsNode !== null) {
    // dns.hosts has free-form keys (host names), so it is read pair by pair.
    if (!isMap(hostsNode)) src.report(hostsNode, 'dns.hosts must be a mapping of name: address');
    else {
      for (const pair of hostsNode.items as Pair<Node, Node | null>[]) {
        const rawName = src.string(pair.key, 'a dns.hosts name');
        const addr = src.string(pair.value, 'a dns.hosts address');
        if (rawName === undefined || addr === undefined) continue;
        const name = normalizeName(rawName);
        if (name === null) src.report(pair.key, `dns.hosts: "${rawName}" is not a valid host name`);
        else if (parseIp(addr) === null) src.report(pair.value, `dns.hosts: "${addr}" is not an IP address`);
        else dnsHosts[name] = addr;
      }
    }
  }

  const clients = get(v(top.get('clients')), (n) => src.strings(n, 'clients'), null)?.map(({ value, node }) => {
    if (parseCidr(value) === null) src.report(node, `clients: "${value}" is not an IP address or CIDR range`);
    return value;
  });

  const tzNode = v(top.get('timezone'));
  const timezone = get(tzNode, (n) => src.string(n, 'timezone'), d.timezone);
  if (!isTimeZone(timezone)) src.report(tzNode, `timezone: "${timezone}" is not an IANA time zone name (such as America/Chicago)`);

  const path = (m: Map<string, Pair<Node, Node | null>> | undefined, key: string, what: string, fallback: string): string =>
    get(v(m?.get(key)), (n) => src.string(n, what), fallback);

  return {
    listen: listen('listen'),
    admin: listen('admin'),
    mode: get(v(top.get('mode')), (n) => src.oneOf(n, 'mode', MODES), d.mode),
    unknownDestinations: get(v(top.get('unknown_destinations')), (n) => src.oneOf(n, 'unknown_destinations', UNKNOWN_ACTIONS), d.unknownDestinations),
    scan: {
      maxBodyBytes: get(v(scanMap?.get('max_body_bytes')), (n) => src.integer(n, 'scan.max_body_bytes', 1, 2 ** 31), d.scan.maxBodyBytes),
      maxHeldBytes: get(v(scanMap?.get('max_held_bytes')), (n) => src.integer(n, 'scan.max_held_bytes', 1, 2 ** 40), d.scan.maxHeldBytes),
      offloadBytes: get(v(scanMap?.get('offload_bytes')), (n) => src.integer(n, 'scan.offload_bytes', 0, 2 ** 31), d.scan.offloadBytes),
      timeoutMs: get(v(scanMap?.get('timeout_ms')), (n) => src.integer(n, 'scan.timeout_ms', 1, 600_000), d.scan.timeoutMs),
      unscannable: get(v(scanMap?.get('unscannable')), (n) => src.oneOf(n, 'scan.unscannable', ['block', 'allow'] as const), d.scan.unscannable),
      detectors: get(v(scanMap?.get('detectors')), (n) => src.strings(n, 'scan.detectors'), []).map((s) => s.value),
      minConfidence: get(v(scanMap?.get('min_confidence')), (n) => src.number(n, 'scan.min_confidence', 0, 1), d.scan.minConfidence),
      mrnPatterns,
      ownIdentifiers,
    },
    tls: {
      intercept: get(v(tlsMap?.get('intercept')), (n) => src.boolean(n, 'tls.intercept'), d.tls.intercept),
      caCert: path(tlsMap, 'ca_cert', 'tls.ca_cert', d.tls.caCert),
      caKey: path(tlsMap, 'ca_key', 'tls.ca_key', d.tls.caKey),
      upstreamCa: get(v(tlsMap?.get('upstream_ca')), (n) => src.strings(n, 'tls.upstream_ca'), []).map((s) => s.value),
      unintercepted: get(v(tlsMap?.get('unintercepted')), (n) => src.oneOf(n, 'tls.unintercepted', ['block', 'allow'] as const), d.tls.unintercepted),
    },
    audit: { path: path(auditMap, 'path', 'audit.path', d.audit.path) },
    connectPorts: top.has('connect_ports') ? connectPorts : d.connectPorts,
    dns: { hosts: dnsHosts },
    clients: clients ?? d.clients,
    timezone,
    timeouts: {
      clientHeadersMs: ms('client_headers_ms', d.timeouts.clientHeadersMs),
      clientRequestMs: ms('client_request_ms', d.timeouts.clientRequestMs),
      upstreamConnectMs: ms('upstream_connect_ms', d.timeouts.upstreamConnectMs),
      upstreamHeadersMs: ms('upstream_headers_ms', d.timeouts.upstreamHeadersMs),
      upstreamBodyMs: ms('upstream_body_ms', d.timeouts.upstreamBodyMs),
      tunnelIdleMs: ms('tunnel_idle_ms', d.timeouts.tunnelIdleMs),
    },
  };
}

const VENDOR_KEYS = [
  'id', 'name', 'hosts', 'classification', 'data_flows', 'baa', 'last_reviewed', 'on_baa_gap', 'subcontractor_of', 'intercept', 'unscannable', 'notes', 'contact',
] as const;
const BAA_KEYS = ['status', 'effective', 'expires', 'terms', 'document', 'notes'] as const;

interface DraftVendor extends Vendor {
  readonly node: Node;
  readonly subNode: Node | null | undefined;
}

function readVendors(src: YamlSource): Vendor[] {
  if (!src.ok) return [];
  const top = src.map(src.doc.contents, 'vendors.yaml', ['vendors']);
  if (top === undefined) return [];
  const items = top.has('vendors') ? src.seq(v(top.get('vendors')), 'vendors') : src.report(src.doc.contents, 'vendors.yaml needs a "vendors:" list');
  if (items === undefined) return [];

  const drafts: DraftVendor[] = [];
  const ids = new Map<string, Node>();
  const claimed = new Map<string, { vendor: string; node: Node }>();
  for (const item of items) {
    const vendor = readVendor(src, item);
    if (vendor === undefined) continue;
    const prior = ids.get(vendor.id);
    if (prior !== undefined) {
      src.report(v(vendor.pairs.get('id')), `duplicate vendor id "${vendor.id}" (first at line ${src.position(prior).line})`);
      continue;
    }
    ids.set(vendor.id, item);
    for (const { pattern, node } of vendor.patternNodes) {
      const key = patternKey(pattern);
      const owner = claimed.get(key);
      if (owner !== undefined) {
        const where = `vendor "${owner.vendor}" at line ${src.position(owner.node).line}`;
        src.report(node, `host "${String((node as { value?: unknown }).value)}" is already claimed by ${where}`);
      } else {
        claimed.set(key, { vendor: vendor.id, node });
      }
    }
    drafts.push(vendor.draft);
  }

  // Subcontractor links: the parent must exist, be a business associate, and no chain may loop.
  const byId = new Map(drafts.map((d) => [d.id, d]));
  for (const d of drafts) {
    if (d.subcontractorOf === null) continue;
    const parent = byId.get(d.subcontractorOf);
    if (parent === undefined) {
      src.report(d.subNode, `subcontractor_of names "${d.subcontractorOf}", which is not a vendor in this file`);
      continue;
    }
    if (parent.classification !== 'business-associate') {
      src.report(d.subNode, `subcontractor_of names "${parent.id}", which is ${parent.classification}, not a business-associate`);
    }
    const seen = new Set([d.id]);
    for (let p: DraftVendor | undefined = parent; p !== undefined; p = p.subcontractorOf === null ? undefined : byId.get(p.subcontractorOf)) {
      if (seen.has(p.id)) {
        src.report(d.subNode, `subcontractor_of forms a cycle: ${[...seen, p.id].join(' -> ')}`);
        break;
      }
      seen.add(p.id);
    }
  }
  return drafts.map(({ node: _n, subNode: _s, ...vendor }) => vendor);
}

function readVendor(
  src: YamlSource,
  node: Node,
): { id: string; draft: DraftVendor; pairs: Map<string, Pair<Node, Node | null>>; patternNodes: { pattern: HostPattern; node: Node }[] } | undefined {
  const f = src.map(node, 'vendor', VENDOR_KEYS);
  if (f === undefined) return undefined;
  const idNode = v(f.get('id'));
  if (idNode === undefined) return src.report(node, 'vendor is missing "id"');
  const id = src.string(idNode, 'id');
  if (id === undefined) return undefined;
  if (!VENDOR_ID.test(id)) return src.report(idNode, `vendor id "${id}" must use only a-z, 0-9 and "-"`);
  const what = `vendor "${id}"`;

  const classNode = v(f.get('classification'));
  const classification =
    classNode === undefined ? src.report(node, `${what} is missing "classification" (${CLASSIFICATIONS.join(' | ')})`) : src.oneOf(classNode, 'classification', CLASSIFICATIONS);

  const patternNodes: { pattern: HostPattern; node: Node }[] = [];
  const seenHere = new Set<string>();
  for (const { value, node: hNode } of f.has('hosts') ? (src.strings(v(f.get('hosts')), `${what} hosts`) ?? []) : []) {
    const parsed = parseHostPattern(value);
    if ('error' in parsed) {
      src.report(hNode, parsed.error);
      continue;
    }
    if (seenHere.has(patternKey(parsed))) {
      src.report(hNode, `host "${value}" is listed twice for ${what}`);
      continue;
    }
    seenHere.add(patternKey(parsed));
    patternNodes.push({ pattern: parsed, node: hNode });
  }

  const day = (n: Node | null | undefined, label: string): string | null => {
    if (n === undefined || n === null) return null;
    const s = src.string(n, label);
    if (s === undefined) return null;
    if (!isDay(s)) {
      src.report(n, `${label}: "${s}" is not a calendar date (YYYY-MM-DD)`);
      return null;
    }
    return s;
  };

  const baaNode = v(f.get('baa'));
  let baa: Baa | null = null;
  if (baaNode !== undefined && baaNode !== null) baa = readBaa(src, baaNode, what, day) ?? null;
  if (classification === 'business-associate') {
    if (baaNode === undefined) src.report(node, `${what} is a business-associate but has no "baa:" (use status: pending if none is signed)`);
    else if (baa?.status === 'not-required') {
      src.report(v(src.map(baaNode, 'baa', BAA_KEYS)?.get('status')), `${what} is a business-associate, so its BAA cannot be "not-required"`);
    }
  }

  const subNode = v(f.get('subcontractor_of'));
  const subcontractorOf = subNode === undefined ? null : (src.string(subNode, 'subcontractor_of') ?? null);
  if (subcontractorOf === id) src.report(subNode, `${what} cannot be its own subcontractor`);
  if (subcontractorOf !== null && classification !== undefined && classification !== 'business-associate') {
    src.report(subNode, `${what} is a subcontractor, so it handles PHI: its classification must be business-associate`);
  }

  const onGapNode = v(f.get('on_baa_gap'));
  const draft: DraftVendor = {
    id,
    name: f.has('name') ? (src.string(v(f.get('name')), 'name') ?? id) : id,
    hosts: patternNodes.map((p) => patternText(p.pattern)),
    hostPatterns: patternNodes.map((p) => p.pattern),
    classification: classification ?? 'pending',
    dataFlows: f.has('data_flows') ? (src.string(v(f.get('data_flows')), 'data_flows') ?? null) : null,
    baa,
    lastReviewed: day(v(f.get('last_reviewed')), 'last_reviewed'),
    onBaaGap: onGapNode === undefined ? 'block-all' : (src.oneOf(onGapNode, 'on_baa_gap', BAA_GAP_ACTIONS) ?? 'block-all'),
    subcontractorOf,
    intercept: f.has('intercept') ? (src.boolean(v(f.get('intercept')), 'intercept') ?? null) : null,
    unscannable: f.has('unscannable') ? (src.oneOf(v(f.get('unscannable')), 'unscannable', ['block', 'allow'] as const) ?? null) : null,
    at: src.position(node),
    node,
    subNode,
  };
  return { id, draft, pairs: f, patternNodes };
}

function readBaa(src: YamlSource, node: Node, what: string, day: (n: Node | null | undefined, label: string) => string | null): Baa | undefined {
  const f = src.map(node, `the baa of ${what}`, BAA_KEYS);
  if (f === undefined) return undefined;
  const statusNode = v(f.get('status'));
  if (statusNode === undefined) return src.report(node, `the baa of ${what} is missing "status" (${BAA_STATUSES.join(' | ')})`);
  const status = src.oneOf(statusNode, 'baa.status', BAA_STATUSES);
  if (status === undefined) return undefined;
  const effective = day(v(f.get('effective')), 'baa.effective');
  const expires = day(v(f.get('expires')), 'baa.expires');
  if (status === 'executed' && effective === null && !f.has('effective')) {
    src.report(node, `the executed baa of ${what} needs an "effective" date`);
  }
  if (effective !== null && expires !== null && expires < effective) {
    src.report(v(f.get('expires')), `baa.expires (${expires}) is before baa.effective (${effective})`);
  }
  const terms: BaaTerm[] = [];
  for (const { value, node: tNode } of f.has('terms') ? (src.strings(v(f.get('terms')), 'baa.terms') ?? []) : []) {
    if (!(REQUIRED_TERMS as readonly string[]).includes(value)) {
      src.report(tNode, `unknown BAA term "${value}"; the terms are: ${REQUIRED_TERMS.join(', ')}`);
    } else if (!terms.includes(value as BaaTerm)) {
      terms.push(value as BaaTerm);
    }
  }
  return {
    status,
    effective,
    expires,
    terms,
    document: f.has('document') ? (src.string(v(f.get('document')), 'baa.document') ?? null) : null,
  };
}
