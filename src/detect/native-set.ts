import { createRequire } from 'node:module';
import { join } from 'node:path';
import { packageRoot } from '../paths.js';

/**
 * native/re2set.cc: an RE2 set with a DFA budget of our choosing (node-re2's is fixed at 8 MiB),
 * as its match function: how many entries match somewhere in `bytes`; their numbers, ascending,
 * are written to `out` (as long as the set).
 */
export type NativeMatch = (bytes: Uint8Array, out: Int32Array) => number;

/** Compiles the entries (RE2 syntax) into one set; throws "RE2Set: entry N: ..." on one RE2 refuses. */
export type CreateNativeSet = (sources: readonly string[], maxMemBytes: number) => NativeMatch;

let loaded: CreateNativeSet | null | undefined;

/**
 * The addon's createSet, built by `npm ci` (package.json "install") into native/build; null when
 * it was not built (no C++ toolchain, `npm ci --ignore-scripts`): the scanner then uses node-re2's
 * sets, with the same results and less room for DFA states.
 */
export function nativeSet(): CreateNativeSet | null {
  if (loaded !== undefined) return loaded;
  try {
    const addon = createRequire(import.meta.url)(join(packageRoot(), 'native', 'build', 'Release', 'phiwall_re2set.node')) as { createSet: CreateNativeSet };
    loaded = addon.createSet;
  } catch {
    loaded = null;
  }
  return loaded;
}
