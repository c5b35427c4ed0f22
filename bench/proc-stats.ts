import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100;

/** A process and its descendants (a cluster primary and its workers), from /proc. */
export function processTree(pid: number): number[] {
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) {
    try {
      for (const task of readdirSync(`/proc/${tree[i]}/task`)) {
        for (const child of readFileSync(`/proc/${tree[i]}/task/${task}/children`, 'utf8').split(' ')) if (child.trim() !== '') tree.push(Number(child));
      }
    } catch {
      // The process ended meanwhile: it has no more children.
    }
  }
  return tree;
}

function cpuOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

function rssOf(pid: number): number | null {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m === null ? null : Number(m[1]) * 1024;
  } catch {
    return null;
  }
}

/** Sums over the process tree; null when the process itself is unreadable. */
function sum(pid: number, of: (pid: number) => number | null): number | null {
  if (of(pid) === null) return null;
  return processTree(pid).reduce((total, p) => total + (of(p) ?? 0), 0);
}

/** CPU seconds (user + system) a process, its threads and its child processes have used so far. */
export function cpuSeconds(pid: number): number | null {
  return sum(pid, cpuOf);
}

/** Resident memory of a process and its child processes (a cluster's primary and workers). */
export function rssBytes(pid: number): number | null {
  return sum(pid, rssOf);
}

/** Samples a process while `run` goes: its peak RSS and the CPU it used (in cores). */
export async function measured<T>(pid: number | null, run: () => Promise<T>): Promise<{ result: T; peakRss: number | null; cpuCores: number | null }> {
  if (pid === null) return { result: await run(), peakRss: null, cpuCores: null };
  const cpu0 = cpuSeconds(pid);
  const t0 = performance.now();
  let peak = rssBytes(pid) ?? 0;
  const timer = setInterval(() => (peak = Math.max(peak, rssBytes(pid) ?? 0)), 200);
  try {
    const result = await run();
    const cpu1 = cpuSeconds(pid);
    const seconds = (performance.now() - t0) / 1000;
    return { result, peakRss: peak, cpuCores: cpu0 === null || cpu1 === null ? null : (cpu1 - cpu0) / seconds };
  } finally {
    clearInterval(timer);
  }
}
