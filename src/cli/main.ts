#!/usr/bin/env node
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { check, explain, vendors, type Context } from './commands.js';
import { scanCommand } from './scan.js';
import { startCommand } from './start.js';
import { auditCommand } from './audit.js';
import { caCommand } from './ca.js';
import { EXIT, UsageError, processIo, type Io } from './io.js';

export const USAGE = `phiwall — stops PHI from reaching vendors without a Business Associate Agreement

usage:
  phiwall start   [--policy DIR] [--workers N] [--listen HOST:PORT]
  phiwall check   [--policy DIR] [--json]                 exit 0 valid, 1 invalid
  phiwall explain [--policy DIR] [--at YYYY-MM-DD] [--method M] [--json] URL
  phiwall vendors [--policy DIR] [--json]
  phiwall scan    [--detectors DIR] [--json] [--preview] [FILE...|-]   exit 0 no PHI, 3 PHI found
  phiwall audit verify [--continuous] FILE...             exit 0 intact, 1 broken
  phiwall ca init [--out DIR] [--force]                   create the clinic CA for TLS interception
`;

type Command = (argv: readonly string[], ctx: Context) => number | Promise<number>;

const COMMANDS: Record<string, Command> = {
  check,
  explain,
  vendors,
  scan: scanCommand,
  start: startCommand,
  audit: auditCommand,
  ca: caCommand,
};

/** Runs one CLI invocation; returns the exit code. */
export async function run(argv: readonly string[], io: Io = processIo, now: Date = new Date()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    io.out(USAGE);
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const command = COMMANDS[name];
  if (command === undefined) {
    io.err(`phiwall: unknown command "${name}"\n\n${USAGE}`);
    return EXIT.usage;
  }
  try {
    return await command(rest, { io, now });
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`phiwall ${name}: ${e.message}`);
      return EXIT.usage;
    }
    throw e;
  }
}

function isMain(): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  try {
    return realpathSync(script) === fileURLToPath(import.meta.url);
  } catch {
    return false;
  }
}

if (isMain()) {
  process.exitCode = await run(process.argv.slice(2));
}
