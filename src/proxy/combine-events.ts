import type { ProxyEvents } from './events.js';

/** Every event, once: an event added to ProxyEvents and not here fails to compile. */
const EVENTS: Record<keyof ProxyEvents, true> = { decision: true, upstreamError: true, handshakeFailed: true, scanned: true, connection: true, tunnel: true, reloaded: true };
const keys = Object.keys(EVENTS) as (keyof ProxyEvents)[];

/** One ProxyEvents that calls each of several in turn. */
export function combineEvents(...all: ProxyEvents[]): ProxyEvents {
  const out: Record<string, (...args: never[]) => void> = {};
  for (const k of keys) {
    const fns = all.map((e) => e[k]).filter((f) => f !== undefined) as ((...args: never[]) => void)[];
    if (fns.length > 0) out[k] = (...args: never[]) => { for (const f of fns) f(...args); };
  }
  return out as ProxyEvents;
}
