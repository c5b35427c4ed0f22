import { readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100;

/** CPU seconds (user + system) a process and its threads have used so far; null if unreadable. */
export function cpuSeconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

export function rssBytes(pid: number): number | null {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m === null ? null : Number(m[1]) * 1024;
  } catch {
    return null;
  }
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
