import { parseArgs, type ParseArgsConfig } from 'node:util';
import { policyWarnings } from '../policy/check.js';
import { dayIn, isDay } from '../policy/dates.js';
import { decide } from '../policy/decide.js';
import { stripPort } from '../policy/hosts.js';
import { formatProblem } from '../policy/yaml-source.js';
import { EXIT, UsageError, instantOn, loadOrReport, loadRunnableOrReport, type Io } from './io.js';
import { vendorRows, vendorTable } from './vendors.js';

export interface Context {
  readonly io: Io;
  readonly now: Date;
}

export function args(argv: readonly string[], options: NonNullable<ParseArgsConfig['options']>, positionals = false) {
  try {
    return parseArgs({ args: [...argv], options, allowPositionals: positionals, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

const policyOption = { policy: { type: 'string', default: 'policies' }, json: { type: 'boolean', default: false } } as const;

export function check(argv: readonly string[], { io, now }: Context): number {
  const { values, positionals } = args(argv, policyOption, true);
  const dir = positionals[0] ?? (values.policy as string);
  const loaded = loadOrReport(dir, io);
  if (loaded === null || loadRunnableOrReport(dir, io) === null) return EXIT.invalid;
  const warnings = [...loaded.warnings, ...policyWarnings(loaded.policy, now)];
  if (values.json === true) {
    io.out(JSON.stringify({ valid: true, policy: dir, vendors: loaded.policy.vendors.length, warnings: warnings.map((w) => ({ ...w, text: formatProblem(w) })) }));
  } else {
    for (const w of warnings) io.out(formatProblem(w));
    io.out(`${dir}: valid, ${loaded.policy.vendors.length} vendors, ${warnings.length} warning${warnings.length === 1 ? '' : 's'}`);
  }
  return EXIT.ok;
}

/** Reads the host out of a URL, or out of `host:port` as a CONNECT names it. */
function hostOf(target: string): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(target)) {
    try {
      return new URL(target).hostname;
    } catch {
      throw new UsageError(`"${target}" is not a valid URL`);
    }
  }
  return stripPort(target);
}

export function explain(argv: readonly string[], { io, now }: Context): number {
  const { values, positionals } = args(argv, { ...policyOption, at: { type: 'string' }, method: { type: 'string', default: 'GET' } }, true);
  const target = positionals[0];
  if (target === undefined || positionals.length > 1) throw new UsageError('explain takes one URL (or host:port)');
  const at = values.at as string | undefined;
  if (at !== undefined && !isDay(at)) throw new UsageError(`--at "${at}" is not a date (YYYY-MM-DD)`);
  const loaded = loadOrReport(values.policy as string, io);
  if (loaded === null) return EXIT.invalid;
  const { policy } = loaded;
  const when = at === undefined ? now : instantOn(at, (d) => dayIn(d, policy.settings.timezone));
  const method = (values.method as string).toUpperCase();
  const d = decide({ host: hostOf(target), method }, policy, when);
  const result = {
    vendor: d.vendor?.id ?? null,
    action: d.action,
    reason: d.reason,
    scan: d.scan,
    enforced: d.enforced,
    method,
    date: d.today,
    baa: d.baa === null ? null : { status: d.baa.status, in_force: d.baa.inForce, expires: d.baa.expires, days_remaining: d.baa.daysRemaining },
  };
  if (values.json === true) {
    io.out(JSON.stringify(result));
    return EXIT.ok;
  }
  const rows: [string, string][] = [
    ['destination', target],
    ['vendor', d.vendor === null ? '(not in inventory)' : `${d.vendor.id} — ${d.vendor.name}`],
    ['classification', d.vendor?.classification ?? '-'],
    ['action', d.enforced ? d.action : `${d.action} (monitor mode: enforce would block)`],
    ['reason', d.reason],
    ['scan', d.scan ? 'yes: body and URL are held and scanned; PHI is blocked (phi_detected)' : 'no'],
    ['baa', d.baa === null ? '-' : `${d.baa.status}, ${d.baa.inForce ? 'in force' : `not in force (${d.baa.gap})`}${d.baa.expires === null ? '' : `, expires ${d.baa.expires} (${d.baa.daysRemaining} days)`}`],
    ['as of', `${d.today} (${policy.settings.timezone})`],
  ];
  io.out(rows.map(([k, v]) => `${k.padEnd(15)}${v}`).join('\n'));
  return EXIT.ok;
}

export function vendors(argv: readonly string[], { io, now }: Context): number {
  const { values } = args(argv, policyOption);
  const loaded = loadOrReport(values.policy as string, io);
  if (loaded === null) return EXIT.invalid;
  const rows = vendorRows(loaded.policy, now);
  io.out(values.json === true ? JSON.stringify({ vendors: rows }) : vendorTable(rows));
  return EXIT.ok;
}

