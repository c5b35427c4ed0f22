import { watch, type FSWatcher } from 'node:fs';
import type { AddressInfo } from 'node:net';
import pino, { type Logger } from 'pino';
import { AuditLog } from '../audit/audit-log.js';
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
}

export interface Running {
  readonly proxy: Proxy;
  readonly state: PolicyState;
  readonly audit: AuditLog;
  readonly address: AddressInfo;
  reload(): ReloadResult;
  stop(graceMs?: number): Promise<void>;
}

/** Loads the policy, opens the audit log, starts the proxy and the reload triggers. */
export async function runProxy(options: RunOptions): Promise<Running> {
  const log = options.log ?? pino();
  const state = new PolicyState(options.policyDir);
  const settings = state.current.policy.settings;
  const audit = new AuditLog(options.auditPath ?? settings.audit.path);
  audit.onError = (e) => log.error({ err: { message: e.message } }, 'audit write failed');
  const proxy = createProxy({ state, audit, log, ...(options.events === undefined ? {} : { events: options.events }) });
  const listen = parseListen(options.listen ?? settings.listen);
  if ('error' in listen) throw new Error(`listen: ${listen.error}`);
  await new Promise<void>((resolve, reject) => {
    proxy.server.once('error', reject);
    proxy.server.listen(listen.port, listen.host, () => resolve());
  });

  const reload = (): ReloadResult => {
    const result = state.reload();
    if (result.ok) log.info({ policy: options.policyDir }, 'policy reloaded');
    else log.error({ policy: options.policyDir, errors: result.errors }, 'policy reload failed; the last good policy stays in force');
    proxy.context.events.reloaded?.(result);
    return result;
  };

  let watcher: FSWatcher | undefined;
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
    reload,
    async stop(graceMs) {
      watcher?.close();
      clearTimeout(debounce);
      await proxy.close(graceMs);
      await audit.close();
    },
  };
}
