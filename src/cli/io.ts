import { loadPolicy } from '../policy/load.js';
import { loadAll, type Loaded } from '../proxy/state.js';
import type { Policy } from '../policy/types.js';
import { PolicyError, formatProblem, type Problem } from '../policy/yaml-source.js';

/** Exit codes of the phiwall command. */
export const EXIT = { ok: 0, invalid: 1, usage: 2, phiFound: 3, unscannable: 4 } as const;

export class UsageError extends Error {
  override name = 'UsageError';
}

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

export const processIo: Io = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
};

/** Loads a policy or prints its problems; null means the command should exit 1. */
export function loadOrReport(dir: string, io: Io): { policy: Policy; warnings: Problem[] } | null {
  return reported(dir, io, () => loadPolicy(dir));
}

/**
 * What `phiwall start` loads besides the files: the CA that tls.intercept names and the
 * detector pack (custom detector folders, scan.mrn_patterns) compiled. `check` asks the same,
 * so that a policy it calls valid starts. Prints the problems; null means exit 1.
 */
export function loadRunnableOrReport(dir: string, io: Io): Loaded | null {
  return reported(dir, io, () => loadAll(dir));
}

function reported<T>(dir: string, io: Io, load: () => T): T | null {
  try {
    return load();
  } catch (e) {
    if (!(e instanceof PolicyError)) throw e;
    for (const p of e.problems) io.err(formatProblem(p));
    io.err(`${dir}: ${e.problems.length} error${e.problems.length === 1 ? '' : 's'}`);
    return null;
  }
}

/** Parses `--at YYYY-MM-DD` into an instant that falls on that day in the clinic's zone. */
export function instantOn(day: string, dayIn: (d: Date) => string): Date {
  let at = new Date(`${day}T12:00:00Z`);
  for (let i = 0; i < 3 && dayIn(at) !== day; i++) {
    at = new Date(at.getTime() + (dayIn(at) < day ? 1 : -1) * 43_200_000);
  }
  return at;
}
