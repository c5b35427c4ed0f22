import { watch, type FSWatcher } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { stdoutLogger } from './log.js';
import type { Server } from 'node:http';
import { AuditLog } from '../audit/audit-log.js';
import { localSource } from '../admin/local-source.js';
import { RecentDecisions } from '../admin/recent.js';
import { createAdminServer } from '../admin/server.js';
import { createMetrics, type Metrics } from '../metrics/metrics.js';
import { combineEvents } from './combine-events.js';
import { parseListen } from '../policy/load.js';
import type { ProxyEvents } from './events.js';
import { createProxy, type Proxy } from './server.js';
import { PolicyState, type ReloadResult } from './state.js';

export interface RunOptions {
  readonly policyDir: string;
  /** Overrides `listen:` from phiwall.yaml (tests use port 0). */
  readonly listen?: string;
  /** Overrides `audit.path` (with several workers each gets its own file). */
  readonly auditPath?: string;
  readonly events?: ProxyEvents;
  readonly log?: Logger;
  /** Reload when a file in the policy directory changes (default true). */
  readonly watch?: boolean;
  /** The admin server's address; `false` for none (cluster workers: the primary serves it). */
  readonly admin?: string | false;
}

export interface Running {
  readonly proxy: Proxy;
  readonly state: PolicyState;
  readonly audit: AuditLog;
  readonly address: AddressInfo;
  readonly metrics: Metrics;
  readonly recent: RecentDecisions;
  /** The admin server's address, when one was started. */
  readonly adminAddress: AddressInfo | null;
  reload(): ReloadResult;
  /** The readiness checks: policy loaded, detectors compiled, audit writable. */
  ready(): Promise<Record<string, boolean>>;
  stop(graceMs?: number): Promise<void>;
}

/** Loads the policy, opens the audit log, starts the proxy and the reload triggers. */
export async function runProxy(options: RunOptions): Promise<Running> {
  const log = options.log ?? stdoutLogger(null);
  const state = new PolicyState(options.policyDir);
  const settings = state.current.policy.settings;
  const auditPath = options.auditPath ?? settings.audit.path;
  let audit: AuditLog;
  try {
    audit = new AuditLog(auditPath);
    // Decisions must be recorded: a proxy that cannot write its evidence does not start.
    await audit.ready();
  } catch (e) {
    throw new StartError(`cannot open the audit log ${auditPath}: ${fileReason(e as NodeJS.ErrnoException)}`);
  }
  audit.onError = (e) => log.error({ err: { message: e.message } }, 'audit write failed');
  const recent = new RecentDecisions();
  let heldBytes = (): number => 0;
  const metrics = createMetrics(state, { heldBytes: () => heldBytes(), auditErrors: () => audit.errors });
  const events = combineEvents(metrics.events, { decision: (r) => recent.push(r) }, options.events ?? {});
  const proxy = createProxy({ state, audit, log, events });
  heldBytes = () => proxy.context.held.bytes;
  const listen = parseListen(options.listen ?? settings.listen);
  if ('error' in listen) throw new Error(`listen: ${listen.error}`);
  // What was opened before a listen fails is closed again: the caller reports and exits.
  const unwind = async (e: unknown): Promise<never> => {
    await proxy.close(0);
    await audit.close();
    throw e;
  };
  await listenOn(proxy.server, listen, 'proxy').catch(unwind);

  let admin: Server | null = null;
  if (options.admin !== false) {
    const at = parseListen(options.admin ?? settings.admin);
    if ('error' in at) throw new Error(`admin: ${at.error}`);
    admin = createAdminServer(localSource({ state, registry: metrics.registry, recent, audit }));
    await listenOn(admin, at, 'admin API').catch(unwind);
  }

  const reload = (): ReloadResult => {
    const result = state.reload();
    if (result.ok) {
      // Tunnels opened under the old rules are decided again: a terminated BAA cuts them too.
      const cut = proxy.recheckTunnels();
      log.info({ policy: options.policyDir, tunnels_cut: cut }, 'policy reloaded');
    } else log.error({ policy: options.policyDir, errors: result.errors }, 'policy reload failed; the last good policy stays in force');
    proxy.context.events.reloaded?.(result);
    return result;
  };

  let watcher: FSWatcher | undefined;
  let stopped: Promise<void> | undefined;
  let debounce: NodeJS.Timeout | undefined;
  if (options.watch !== false) {
    watcher = watch(options.policyDir, () => {
      clearTimeout(debounce);
      debounce = setTimeout(reload, 250);
    });
    watcher.on('error', () => undefined);
  }

  return {
    proxy,
    state,
    audit,
    address: proxy.server.address() as AddressInfo,
    metrics,
    recent,
    adminAddress: admin === null ? null : (admin.address() as AddressInfo),
    reload,
    async ready() {
      return (await localSource({ state, registry: metrics.registry, recent, audit }).ready()).checks;
    },
    // Once: in a cluster a Ctrl-C reaches every process, so a worker is told to stop by its
    // own signal and by the primary's message; the second call waits for the first.
    stop(graceMs) {
      stopped ??= (async () => {
        watcher?.close();
        clearTimeout(debounce);
        if (admin !== null) await new Promise<void>((resolve) => admin.close(() => resolve()));
        await proxy.close(graceMs);
        await audit.close();
      })();
      return stopped;
    },
  };
}

/** Why phiwall cannot start (an address it cannot listen on, an audit log it cannot open), said plainly rather than as a stack trace. */
export class StartError extends Error {
  override name = 'StartError';
}

/** Listens on `at`; a failure is a StartError naming the address and the reason. */
export function listenOn(server: Server, at: { host: string; port: number }, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const failed = (e: NodeJS.ErrnoException): void => reject(new StartError(`cannot listen on ${at.host}:${at.port} for the ${what}: ${listenReason(e)}`));
    server.once('error', failed);
    server.listen(at.port, at.host, () => {
      server.off('error', failed);
      resolve();
    });
  });
}

function fileReason(e: NodeJS.ErrnoException): string {
  // mkdir -p says EEXIST when a component of the path is a file.
  if (e.code === 'ENOTDIR' || (e.code === 'EEXIST' && e.syscall === 'mkdir')) return 'a part of the path is not a directory';
  if (e.code === 'EACCES' || e.code === 'EPERM') return 'permission denied';
  if (e.code === 'EROFS') return 'the file system is read-only';
  if (e.code === 'EISDIR') return 'the path is a directory';
  return e.message;
}

function listenReason(e: NodeJS.ErrnoException): string {
  if (e.code === 'EADDRINUSE') return 'the address is already in use (another phiwall or another proxy?)';
  if (e.code === 'EACCES') return 'permission denied (ports below 1024 need privileges)';
  if (e.code === 'EADDRNOTAVAIL') return 'this machine has no such address';
  return e.message;
}
