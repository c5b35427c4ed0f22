import type { ProxyEvents } from './events.js';

/** One ProxyEvents that calls each of several in turn. */
export function combineEvents(...all: ProxyEvents[]): ProxyEvents {
  const keys = ['decision', 'upstreamError', 'scanned', 'connection', 'tunnel', 'reloaded'] as const;
  const out: Record<string, (...args: never[]) => void> = {};
  for (const k of keys) {
    const fns = all.map((e) => e[k]).filter((f) => f !== undefined) as ((...args: never[]) => void)[];
    if (fns.length > 0) out[k] = (...args: never[]) => { for (const f of fns) f(...args); };
  }
  return out as ProxyEvents;
}
