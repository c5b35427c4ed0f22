import autocannon from 'autocannon';
import { ProxyAgent, request, type Dispatcher } from 'undici';
import { median } from './common.js';

export interface LoadResult {
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  /** Connection errors and timeouts. */
  readonly errors: number;
  /** Responses other than the expected status. */
  readonly unexpected: number;
}

export interface Scenario {
  readonly method: 'GET' | 'POST';
  /** For a proxy: an absolute URI; for direct: the same URL, sent in origin form. */
  readonly url: string;
  readonly headers?: Record<string, string>;
  readonly body?: Buffer;
  readonly expect: number;
}

/**
 * autocannon against a forward proxy: it connects to the proxy and sends the absolute URI
 * as the request target, which is exactly what a proxy client does for http:// URLs.
 */
export async function autocannonLoad(proxy: string | null, s: Scenario, connections: number, seconds: number, connectTo?: string): Promise<LoadResult> {
  const target = new URL(s.url);
  const result = await autocannon({
    url: proxy ?? `${target.protocol}//${connectTo ?? target.host}`,
    connections,
    duration: seconds,
    requests: [{ method: s.method, path: proxy === null ? `${target.pathname}${target.search}` : s.url, headers: { host: target.host, ...(s.headers ?? {}) }, ...(s.body === undefined ? {} : { body: s.body }) }],
  });
  const okResponses = s.expect === 200 ? result['2xx'] : result.non2xx;
  return {
    rps: okResponses / seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    unexpected: s.expect === 200 ? result.non2xx : result['2xx'],
  };
}

/**
 * HTTPS through a proxy (CONNECT, then TLS inside the tunnel) with keep-alive: autocannon
 * cannot do that, so this loop of undici requests does, with the same connections and time.
 */
export async function httpsLoad(proxy: string | null, caPem: string[], s: Scenario, connections: number, seconds: number, reset = false): Promise<LoadResult> {
  const dispatcher: Dispatcher = proxy === null
    ? new (await import('undici')).Agent({ connections, connect: { ca: caPem } })
    : new ProxyAgent({ uri: proxy, requestTls: { ca: caPem }, connections } as ConstructorParameters<typeof ProxyAgent>[0]);
  const latencies: number[] = [];
  let errors = 0;
  let unexpected = 0;
  let ok = 0;
  const until = performance.now() + seconds * 1000;
  await Promise.all(Array.from({ length: connections }, async () => {
    while (performance.now() < until) {
      const t = performance.now();
      try {
        // reset: close the connection after the response, so every request is a new CONNECT and handshake.
        const r = await request(s.url, { dispatcher, method: s.method, headers: s.headers ?? {}, body: s.body ?? null, reset });
        await r.body.dump();
        latencies.push(performance.now() - t);
        if (r.statusCode === s.expect) ok++;
        else unexpected++;
      } catch {
        errors++;
      }
    }
  }));
  await dispatcher.close();
  latencies.sort((a, b) => a - b);
  const q = (p: number): number => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0;
  return { rps: ok / seconds, p50: Math.round(q(0.5) * 100) / 100, p99: Math.round(q(0.99) * 100) / 100, errors, unexpected };
}

export function summarize(samples: readonly LoadResult[]): LoadResult & { spread: [number, number] } {
  const rps = samples.map((s) => s.rps);
  return {
    rps: median(rps),
    p50: median(samples.map((s) => s.p50)),
    p99: median(samples.map((s) => s.p99)),
    errors: samples.reduce((n, s) => n + s.errors, 0),
    unexpected: samples.reduce((n, s) => n + s.unexpected, 0),
    spread: [Math.min(...rps), Math.max(...rps)],
  };
}
