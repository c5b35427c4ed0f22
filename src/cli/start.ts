import cluster from 'node:cluster';
import { watch } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { availableParallelism } from 'node:os';
import { stdoutLogger } from '../proxy/log.js';
import { AggregatorRegistry } from 'prom-client';
import { clusterSource } from '../admin/cluster-source.js';
import { createAdminServer } from '../admin/server.js';
import { policyWarnings } from '../policy/check.js';
import { parseListen } from '../policy/load.js';
import { formatProblem } from '../policy/yaml-source.js';
import { StartError, listenOn, runProxy, type Running } from '../proxy/run.js';
import { args, type Context } from './commands.js';
import { EXIT, UsageError, loadOrReport, loadRunnableOrReport, type Io } from './io.js';

/** With several workers each writes its own hash chain: audit.jsonl -> audit.w1.jsonl. */
export function workerAuditPath(path: string, worker: number): string {
  const dot = path.lastIndexOf('.');
  return dot > path.lastIndexOf('/') ? `${path.slice(0, dot)}.w${worker}${path.slice(dot)}` : `${path}.w${worker}`;
}

interface StartOptions {
  readonly policyDir: string;
  readonly workers: number;
  readonly listen: string | undefined;
  readonly admin: string | undefined;
}

function parseStart(argv: readonly string[]): StartOptions {
  const { values } = args(argv, {
    policy: { type: 'string', default: 'policies' },
    workers: { type: 'string' },
    listen: { type: 'string' },
    admin: { type: 'string' },
  });
  const workers = values.workers === undefined ? availableParallelism() : Number(values.workers);
  if (!Number.isInteger(workers) || workers < 1 || workers > 64) throw new UsageError('--workers takes a whole number from 1 to 64');
  const listen = values.listen as string | undefined;
  if (listen !== undefined && 'error' in parseListen(listen)) throw new UsageError(`--listen "${listen}" is not host:port`);
  const admin = values.admin as string | undefined;
  if (admin !== undefined && 'error' in parseListen(admin)) throw new UsageError(`--admin "${admin}" is not host:port`);
  return { policyDir: values.policy as string, workers, listen, admin };
}

/** Resolves when the process should exit: after SIGTERM/SIGINT and a drain. */
function untilSignalled(onReload: () => void, onStop: () => Promise<void>): Promise<number> {
  return new Promise((resolve) => {
    process.on('SIGHUP', onReload);
    const stop = (): void => {
      onStop().then(() => resolve(EXIT.ok), () => resolve(EXIT.invalid));
    };
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  });
}

async function runWorker(o: StartOptions, worker: number | null, io: Io): Promise<number> {
  const log = stdoutLogger(worker === null ? null : { worker });
  // Checked by the primary (or by startCommand) already; a file may have gone since.
  const loaded = loadRunnableOrReport(o.policyDir, io);
  if (loaded === null) return EXIT.invalid;
  const auditPath = worker === null ? loaded.policy.settings.audit.path : workerAuditPath(loaded.policy.settings.audit.path, worker);
  const running: Running = await runProxy({
    policyDir: o.policyDir,
    auditPath,
    log,
    watch: worker === null,
    // In a cluster the primary serves the admin API for all workers.
    admin: worker === null ? (o.admin ?? loaded.policy.settings.admin) : false,
    ...(o.listen === undefined ? {} : { listen: o.listen }),
  });
  const admin = running.adminAddress === null ? null : `${running.adminAddress.address}:${running.adminAddress.port}`;
  log.info({ listen: `${running.address.address}:${running.address.port}`, admin, policy: o.policyDir, audit: auditPath, vendors: loaded.policy.vendors.length, mode: loaded.policy.settings.mode, scanner_sets: loaded.scanner.setEngine }, 'phiwall listening');
  if (worker !== null) {
    // Constructing one installs prom-client's worker-side listener; then point it at our registry.
    new AggregatorRegistry();
    AggregatorRegistry.setRegistries([running.metrics.registry]);
    process.on('message', (m: unknown) => {
      if (m === 'reload') running.reload();
      if (m === 'reopen') running.audit.reopen();
      if (m === 'stop') void running.stop().then(() => process.exit(0));
      const q = m as { type?: string; id?: string; limit?: number };
      if (q?.type === 'phiwall:status?') {
        void running.ready().then((ready) => process.send?.({ type: 'phiwall:status', id: q.id, ready, recent: running.recent.list(q.limit ?? 0) }));
      }
    });
  }
  // SIGHUP (systemctl reload, logrotate's postrotate): the policy, and the audit file by its path.
  return untilSignalled(() => {
    running.reload();
    running.audit.reopen();
  }, () => running.stop());
}

async function runPrimary(o: StartOptions, adminAt: string): Promise<number> {
  const log = stdoutLogger({ role: 'primary' });
  const source = clusterSource(o.policyDir, o.workers);
  const adminServer = createAdminServer(source);
  const at = parseListen(adminAt);
  if ('error' in at) throw new UsageError(`admin: ${at.error}`);
  await listenOn(adminServer, at, 'admin API');
  const addr = adminServer.address() as AddressInfo;
  log.info({ admin: `${addr.address}:${addr.port}`, workers: o.workers }, 'phiwall admin listening');
  let stopping = false;
  // A reload is checked once here; only a valid policy is sent to the workers.
  const reload = (): void => {
    if (stopping) return;
    const loaded = loadOrReport(o.policyDir, { out: () => undefined, err: (t) => log.error({ error: t.trim() }, 'policy reload failed') });
    if (loaded === null) return;
    source.reload();
    for (const w of Object.values(cluster.workers ?? {})) if (w?.isConnected() === true) w.send('reload');
    log.info('policy reload sent to workers');
  };
  let debounce: NodeJS.Timeout | undefined;
  const watcher = watch(o.policyDir, () => {
    clearTimeout(debounce);
    debounce = setTimeout(reload, 250);
  });
  let stopped: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopped ??= (async () => {
      stopping = true;
      watcher.close();
      // A policy edit just before the stop must not reload workers that are draining.
      clearTimeout(debounce);
      adminServer.close();
      const exits = Object.values(cluster.workers ?? {}).map((w) => new Promise<void>((resolve) => {
        if (w === undefined) return resolve();
        w.once('exit', () => resolve());
        if (w.isConnected()) w.send('stop');
      }));
      await Promise.all(exits);
    })());

  // Worker slots 1..N name the audit files: a restarted worker takes its slot (and file, and
  // chain) over, whatever id the cluster gives the new process.
  const slots = new Map<number, number>();
  const fork = (slot: number): void => {
    const w = cluster.fork({ PHIWALL_WORKER: String(slot) });
    slots.set(w.id, slot);
    // A message to a worker that is exiting fails with EPIPE, emitted as 'error' on the
    // worker: unhandled, it would take the primary (and every worker) down.
    w.on('error', (e: Error) => log.error({ worker: slot, err: { message: e.message } }, 'message to worker failed'));
  };
  // A worker that exits before it listens (the address is taken, say) would fail the same way
  // again: the primary stops the others and exits rather than restart it in a loop.
  const listening = new Set<number>();
  cluster.on('listening', (w) => listening.add(w.id));
  let failed: (code: number) => void = () => undefined;
  const failure = new Promise<number>((resolve) => (failed = resolve));
  cluster.on('exit', (w, code) => {
    const slot = slots.get(w.id) ?? w.id;
    slots.delete(w.id);
    if (stopping) return;
    if (!listening.has(w.id)) {
      log.error({ worker: slot, code }, 'worker could not start; stopping');
      void stop().then(() => failed(EXIT.invalid));
      return;
    }
    log.error({ worker: slot, code }, 'worker exited; starting another');
    fork(slot);
  });
  for (let i = 1; i <= o.workers; i++) fork(i);
  // SIGHUP also has every worker open its audit file again (log rotation), whatever the policy says.
  const hangup = (): void => {
    if (stopping) return;
    for (const w of Object.values(cluster.workers ?? {})) if (w?.isConnected() === true) w.send('reopen');
    reload();
  };
  return Promise.race([untilSignalled(hangup, stop), failure]);
}

/** Runs a process's part; what keeps it from starting (StartError) is one plain line and exit 1. */
async function started(io: Io, run: () => Promise<number>): Promise<number> {
  try {
    return await run();
  } catch (e) {
    if (!(e instanceof StartError)) throw e;
    io.err(`phiwall start: ${e.message}`);
    return EXIT.invalid;
  }
}

export async function startCommand(argv: readonly string[], { io, now }: Context): Promise<number> {
  const o = parseStart(argv);
  if (cluster.isWorker) {
    const code = await started(io, () => runWorker(o, Number(process.env['PHIWALL_WORKER'] ?? '1'), io));
    // A worker that could not start ends here: its IPC channel to the primary would keep it alive.
    if (code !== EXIT.ok) process.exit(code);
    return code;
  }
  const loaded = loadOrReport(o.policyDir, io);
  if (loaded === null) return EXIT.invalid;
  for (const w of [...loaded.warnings, ...policyWarnings(loaded.policy, now)]) io.err(formatProblem(w));
  // The CA of tls.intercept and the detector pack too, before any worker is started.
  if (loadRunnableOrReport(o.policyDir, io) === null) return EXIT.invalid;
  return started(io, () => (o.workers === 1 ? runWorker(o, null, io) : runPrimary(o, o.admin ?? loaded.policy.settings.admin)));
}
