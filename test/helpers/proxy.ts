import { execFile } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { ProxyAgent, request } from 'undici';
import { runProxy, type Running } from '../../src/proxy/run.js';
import { tempDir } from './temp.js';

export const ALL_TERMS = '[permitted-uses, safeguards, reporting, subcontractors, individual-rights, hhs-access, return-or-destroy, termination]';

export interface TestProxy {
  readonly running: Running;
  readonly port: number;
  readonly url: string;
  /** The admin server: /metrics, /healthz, /readyz, /api/... */
  readonly adminUrl: string;
  readonly dir: string;
  readonly auditPath: string;
  /** Every line the proxy logged to its stdout summary. */
  readonly logs: string[];
  readonly agent: ProxyAgent;
  stop(): Promise<void>;
}

/**
 * phiwall for a whole test file: started before its tests (after the hooks registered before
 * this call, such as the recording upstream's, so `policy` may read their ports), stopped after.
 */
export function useProxy(hooks: { beforeAll: (fn: () => Promise<unknown>) => void; afterAll: (fn: () => Promise<unknown>) => void }, policy: () => [vendorsYaml: string, settingsYaml?: string]): TestProxy {
  const proxy = {} as TestProxy;
  hooks.beforeAll(async () => Object.assign(proxy, await startProxy(...policy())));
  hooks.afterAll(() => proxy.stop());
  return proxy;
}

/**
 * Starts phiwall in this process on 127.0.0.1:0 with a policy written to a temp folder.
 * `dns.hosts` maps the vendors' names to 127.0.0.1, where the test upstreams listen.
 */
export async function startProxy(vendorsYaml: string, settingsYaml = ''): Promise<TestProxy> {
  const dir = tempDir('proxy');
  const auditPath = join(dir, 'audit.jsonl');
  writeFileSync(join(dir, 'vendors.yaml'), vendorsYaml);
  writeFileSync(join(dir, 'phiwall.yaml'), settingsYaml);
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, cb) {
      logs.push(...chunk.toString().split('\n').filter((l) => l !== ''));
      cb();
    },
  });
  const running = await runProxy({ policyDir: dir, listen: '127.0.0.1:0', admin: '127.0.0.1:0', auditPath, log: pino(sink), watch: false });
  const url = `http://127.0.0.1:${running.address.port}`;
  const agent = new ProxyAgent({ uri: url, proxyTunnel: false });
  return {
    running,
    port: running.address.port,
    url,
    adminUrl: `http://127.0.0.1:${running.adminAddress!.port}`,
    dir,
    auditPath,
    logs,
    agent,
    async stop() {
      await agent.close();
      await running.stop(1000);
    },
  };
}

export interface CurlResult {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

let curlSeq = 0;

/** Runs the real curl through the proxy (`-x`), with extra arguments; never throws on HTTP errors. */
export function curl(proxyUrl: string, args: string[], input?: Buffer): Promise<CurlResult> {
  const dir = tempDir(`curl-${curlSeq++}`);
  const headerFile = join(dir, 'headers');
  const bodyFile = join(dir, 'body');
  return new Promise((resolve, reject) => {
    const child = execFile('curl', ['-sS', '-x', proxyUrl, '-D', headerFile, '-o', bodyFile, '-w', '%{http_code}', '--max-time', '20', ...args], (err, stdout, stderr) => {
      const status = Number(stdout);
      if (!Number.isFinite(status) || status === 0) return reject(new Error(`curl failed: ${stderr} ${err?.message ?? ''}`));
      // The last header block is the final response (after any proxy CONNECT or 100 Continue).
      const blocks = readFileSync(headerFile, 'latin1').split('\r\n\r\n').filter((b) => b.startsWith('HTTP/'));
      const headers: Record<string, string> = {};
      for (const line of (blocks[blocks.length - 1] ?? '').split('\r\n').slice(1)) {
        const c = line.indexOf(':');
        if (c > 0) headers[line.slice(0, c).toLowerCase()] = line.slice(c + 1).trim();
      }
      let body = '';
      try {
        body = readFileSync(bodyFile, 'utf8');
      } catch {
        // no body
      }
      resolve({ status, headers, body });
    });
    if (input !== undefined) child.stdin?.end(input);
  });
}

/** A request through the proxy with undici's ProxyAgent. */
export async function viaAgent(
  p: TestProxy,
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: Buffer | string } = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  const r = await request(url, { dispatcher: p.agent, method: (init.method ?? 'GET') as 'GET', headers: init.headers ?? {}, body: init.body ?? null });
  return { status: r.statusCode, headers: r.headers, body: await r.body.text() };
}

/** The audit file's records, after flushing. */
export async function auditRecords(p: TestProxy): Promise<Record<string, unknown>[]> {
  await p.running.audit.flush();
  if (!existsSync(p.auditPath)) return [];
  return readFileSync(p.auditPath, 'utf8').split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as Record<string, unknown>);
}

/** Asserts that none of the values appear anywhere in the proxy's logs and audit file. */
export async function outputsOf(p: TestProxy): Promise<string> {
  await p.running.audit.flush();
  return `${p.logs.join('\n')}\n${readFileSync(p.auditPath, 'utf8')}`;
}

/**
 * Runs `action` and returns the audit record it produced. The record of a forwarded request
 * is written once the response has been relayed, which can be just after the client has
 * read it, so this waits for it rather than racing it.
 */
export async function recordOf(p: TestProxy, action: () => Promise<unknown>): Promise<Record<string, unknown>> {
  const before = (await auditRecords(p)).length;
  await action();
  for (let i = 0; i < 100; i++) {
    const records = await auditRecords(p);
    if (records.length > before) return records[records.length - 1]!;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('no audit record was written');
}
