import cluster, { type Worker } from 'node:cluster';
import { randomUUID } from 'node:crypto';
import { AggregatorRegistry } from 'prom-client';
import type { ChainedRecord } from '../audit/record.js';
import { vendorRows } from '../cli/vendors.js';
import { loadPolicy } from '../policy/load.js';
import type { Policy } from '../policy/types.js';
import type { AdminSource } from './server.js';

/** What a worker answers to the primary's status request. */
export interface WorkerStatus {
  readonly type: 'phiwall:status';
  readonly id: string;
  readonly ready: Record<string, boolean>;
  readonly recent: ChainedRecord[];
}

function ask(worker: Worker, limit: number): Promise<WorkerStatus | null> {
  const id = randomUUID();
  // A worker that is exiting cannot answer (and a message to it would fail with EPIPE).
  if (!worker.isConnected()) return Promise.resolve(null);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      worker.off('message', onMessage);
      resolve(null);
    }, 1500);
    const onMessage = (m: WorkerStatus): void => {
      if (m?.type !== 'phiwall:status' || m.id !== id) return;
      clearTimeout(timer);
      worker.off('message', onMessage);
      resolve(m);
    };
    worker.on('message', onMessage);
    worker.send({ type: 'phiwall:status?', id, limit });
  });
}

/**
 * The admin answers of the cluster's primary: metrics aggregated across workers by
 * prom-client, decisions and readiness gathered from every worker over IPC.
 */
export function clusterSource(policyDir: string, expectedWorkers: number): AdminSource & { reload(): void } {
  const aggregator = new AggregatorRegistry();
  let policy: Policy = loadPolicy(policyDir).policy;
  const workers = (): Worker[] => Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined);
  return {
    reload() {
      try {
        policy = loadPolicy(policyDir).policy;
      } catch {
        // The primary keeps the last good inventory, as the workers do.
      }
    },
    async metrics() {
      return { contentType: aggregator.contentType, body: await aggregator.clusterMetrics() };
    },
    vendors: () => vendorRows(policy, new Date()),
    async recent(limit) {
      const answers = await Promise.all(workers().map((w) => ask(w, limit)));
      return answers
        .flatMap((a) => a?.recent ?? [])
        .sort((a, b) => b.time.localeCompare(a.time))
        .slice(0, limit);
    },
    async ready() {
      const answers = await Promise.all(workers().map((w) => ask(w, 0)));
      const checks: Record<string, boolean> = { workers_running: answers.length === expectedWorkers && answers.every((a) => a !== null) };
      for (const a of answers) for (const [k, v] of Object.entries(a?.ready ?? {})) checks[k] = (checks[k] ?? true) && v;
      return { ready: Object.values(checks).every(Boolean), checks };
    },
  };
}
