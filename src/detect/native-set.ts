import { createRequire } from 'node:module';
import { join } from 'node:path';
import { packageRoot } from '../paths.js';

/**
 * native/re2set.cc: an RE2 set with a DFA budget of our choosing (node-re2's is fixed at 8 MiB),
 * as its match function: how many entries match somewhere in `bytes`; their numbers, ascending,
 * are written to the `out` the set was made with.
 */
export type NativeMatch = (bytes: Uint8Array) => number;

/**
 * Compiles the entries (RE2 syntax) into one set whose matches go to `out` (at least as long as
 * the set; the set keeps it); throws "RE2Set: entry N: ..." on one RE2 refuses.
 */
export type CreateNativeSet = (sources: readonly string[], maxMemBytes: number, out: Int32Array) => NativeMatch;

/**
 * native/re2set.cc's base64Runs: decode.ts's base64Runs (the reference), as [start, end) pairs
 * in the `out` its reader was made with; returns how many pairs. `out` must hold
 * 2 * (floor(bytes.length / 24) + 1) numbers (it throws "out is too short" otherwise).
 */
export type NativeBase64Runs = (bytes: Uint8Array) => number;

/** Makes a base64 run reader that writes into `out` (kept alive by the reader). */
export type CreateBase64Reader = (out: Int32Array) => NativeBase64Runs;

/**
 * native/re2set.cc's find: the matches of one pattern in `bytes` from byte `from` on, as a
 * global exec() loop finds them, written to `out` as [start, end, then each wanted group's
 * start and end (-1 when it took no part)]; returns how many were written. When they fill
 * `out` there may be more, from the end of the last one (one byte on, if it was empty).
 */
export type NativeFind = (bytes: Uint8Array, from: number, out: Int32Array) => number;

/** Compiles `source` (RE2 syntax, UTF-8) for find(), with the spans of `groups` (1-based); throws "RE2Finder: ..." on one RE2 refuses. */
export type CreateFinder = (source: string, groups: readonly number[]) => NativeFind;

interface Addon {
  readonly createSet: CreateNativeSet;
  readonly createBase64Reader: CreateBase64Reader;
  readonly createFinder: CreateFinder;
}

let loaded: Addon | null | undefined;

function addon(): Addon | null {
  if (loaded !== undefined) return loaded;
  try {
    loaded = createRequire(import.meta.url)(join(packageRoot(), 'native', 'build', 'Release', 'phiwall_re2set.node')) as Addon;
  } catch {
    loaded = null;
  }
  return loaded;
}

/**
 * The addon's createSet, built by `npm ci` (package.json "install") into native/build; null when
 * it was not built (no C++ toolchain, `npm ci --ignore-scripts`): the scanner then uses node-re2's
 * sets, with the same results and less room for DFA states.
 */
export function nativeSet(): CreateNativeSet | null {
  return addon()?.createSet ?? null;
}

/** The addon's base64 run readers; null when native/ was not built (decode.ts then reads the runs itself). */
export function nativeBase64Reader(): CreateBase64Reader | null {
  return addon()?.createBase64Reader ?? null;
}

/** The addon's pattern finders; null when native/ was not built (find-all.ts then uses node-re2). */
export function nativeFinder(): CreateFinder | null {
  return addon()?.createFinder ?? null;
}
