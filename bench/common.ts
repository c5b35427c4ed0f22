import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, hostname, totalmem } from 'node:os';
import { join } from 'node:path';
import { formatTable } from '../src/cli/table.js';
import { packageRoot } from '../src/paths.js';

/** What the numbers were measured on; recorded with every result file. */
export function machine(): Record<string, string | number> {
  const cpu = cpus();
  return {
    host: hostname(),
    cpu: cpu[0]?.model ?? 'unknown',
    cores: cpu.length,
    memory_gib: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
  };
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Writes bench/results/<date>-<host>-<name>.json and returns its path. */
export function writeResult(name: string, data: unknown): string {
  const dir = join(packageRoot(), 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${new Date().toISOString().slice(0, 10)}-${hostname()}-${name}.json`);
  writeFileSync(file, `${JSON.stringify({ machine: machine(), date: new Date().toISOString(), ...(data as object) }, null, 2)}\n`);
  return file;
}

/** Benchmark tables: the CLI's table, numbers right-aligned. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return formatTable(header, rows, true);
}
