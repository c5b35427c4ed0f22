import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { packageRoot } from '../src/paths.js';

export interface Target {
  readonly name: string;
  /** The proxy URL, or null for "direct" (no proxy). */
  readonly proxy: string | null;
  readonly pid: number | null;
  /** CA the client must trust for intercepted HTTPS, when the target intercepts. */
  readonly caPem?: string;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return (await freePorts(1))[0]!;
}

/** `count` distinct free ports: each is held until all are found, so that two calls cannot get the same one. */
export async function freePorts(count: number): Promise<number[]> {
  const servers = Array.from({ length: count }, () => createServer());
  await Promise.all(servers.map((s) => new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()))));
  const ports = servers.map((s) => (s.address() as AddressInfo).port);
  await Promise.all(servers.map((s) => new Promise<void>((r) => s.close(() => r()))));
  return ports;
}

export const installed = (bin: string): boolean => spawnSync('sh', ['-c', `command -v ${bin}`], { stdio: 'ignore' }).status === 0;

function waitForPort(port: number, child: ChildProcess, what: string, ms = 20_000): Promise<void> {
  const until = Date.now() + ms;
  return new Promise((resolve, reject) => {
    let exited = false;
    child.once('exit', (code) => {
      exited = true;
      reject(new Error(`${what} exited (${code}) before listening`));
    });
    const tryOnce = (): void => {
      if (exited) return;
      const s = createServer();
      s.once('error', () => resolve()); // in use: it is listening
      s.listen(port, '127.0.0.1', () => s.close(() => (Date.now() > until ? reject(new Error(`${what} did not listen on ${port}`)) : setTimeout(tryOnce, 100))));
    };
    tryOnce();
  });
}

function stopper(child: ChildProcess): () => Promise<void> {
  return () =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 3000);
    });
}

export async function startPhiwall(policyDir: string, workers = 1): Promise<Target> {
  // The proxy's and the admin port, found together: two separate look-ups can return the same one.
  const [port, admin] = (await freePorts(2)) as [number, number];
  // PHIWALL_BENCH_PROFILE=DIR: the proxy's processes write CPU profiles there when they stop.
  // PHIWALL_BENCH_NODE_ARGS: extra node flags for the proxy (V8 heap experiments).
  const profile = process.env['PHIWALL_BENCH_PROFILE'];
  const node = [...(profile === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${profile}`]), ...(process.env['PHIWALL_BENCH_NODE_ARGS'] ?? '').split(' ').filter((a) => a !== '')];
  const child = spawn(process.execPath, [...node, join(packageRoot(), 'dist', 'src', 'cli', 'main.js'), 'start', '--policy', policyDir, '--workers', String(workers), '--listen', `127.0.0.1:${port}`, '--admin', `127.0.0.1:${admin}`], { stdio: ['ignore', 'ignore', 'ignore'] });
  await waitForPort(port, child, 'phiwall');
  return { name: 'phiwall', proxy: `http://127.0.0.1:${port}`, pid: child.pid ?? null, stop: stopper(child) };
}

/** bench/node-floor.ts: the least a Node TLS-intercepting proxy does (scenario 6's floor). */
export async function startNodeFloor(caCert: string, caKey: string, upstreamCa: string): Promise<Target> {
  const port = await freePort();
  const child = spawn(process.execPath, [join(packageRoot(), 'dist', 'bench', 'node-floor.js'), String(port), caCert, caKey, upstreamCa], { stdio: ['ignore', 'ignore', 'ignore'] });
  await waitForPort(port, child, 'node-floor');
  return { name: 'node-floor', proxy: `http://127.0.0.1:${port}`, pid: child.pid ?? null, stop: stopper(child) };
}

export async function startSquid(dir: string): Promise<Target> {
  const port = await freePort();
  const d = join(dir, 'squid');
  mkdirSync(d, { recursive: true });
  chmodSync(d, 0o777);
  writeFileSync(join(d, 'squid.conf'), `http_port 127.0.0.1:${port}
acl bench src 127.0.0.1/32
http_access allow bench
http_access deny all
cache deny all
cache_mem 8 MB
access_log none
cache_store_log none
cache_log ${d}/cache.log
pid_filename ${d}/squid.pid
coredump_dir ${d}
visible_hostname bench
shutdown_lifetime 1 seconds
forwarded_for off
`);
  const child = spawn('squid', ['-N', '-f', join(d, 'squid.conf')], { stdio: 'ignore' });
  await waitForPort(port, child, 'squid');
  return { name: 'squid', proxy: `http://127.0.0.1:${port}`, pid: child.pid ?? null, stop: stopper(child) };
}

export async function startTinyproxy(dir: string): Promise<Target> {
  const port = await freePort();
  const d = join(dir, 'tinyproxy');
  mkdirSync(d, { recursive: true });
  chmodSync(d, 0o777);
  writeFileSync(join(d, 'tinyproxy.conf'), `User nobody
Group nogroup
Port ${port}
Listen 127.0.0.1
Timeout 600
MaxClients 1000
Allow 127.0.0.1
LogLevel Critical
DisableViaHeader Yes
`);
  const child = spawn('tinyproxy', ['-d', '-c', join(d, 'tinyproxy.conf')], { stdio: 'ignore' });
  await waitForPort(port, child, 'tinyproxy');
  return { name: 'tinyproxy', proxy: `http://127.0.0.1:${port}`, pid: child.pid ?? null, stop: stopper(child) };
}

/** mitmdump as a regular forward proxy; it intercepts every HTTPS CONNECT with its own CA. */
export async function startMitmdump(dir: string, upstreamCaFile: string): Promise<Target> {
  const port = await freePort();
  const confdir = join(dir, 'mitmproxy');
  mkdirSync(confdir, { recursive: true });
  const child = spawn('mitmdump', ['--listen-host', '127.0.0.1', '--listen-port', String(port), '-q', '--set', `confdir=${confdir}`, '--set', `ssl_verify_upstream_trusted_ca=${upstreamCaFile}`], { stdio: 'ignore' });
  await waitForPort(port, child, 'mitmdump', 60_000);
  const { readFileSync } = await import('node:fs');
  return { name: 'mitmproxy', proxy: `http://127.0.0.1:${port}`, pid: child.pid ?? null, caPem: readFileSync(join(confdir, 'mitmproxy-ca-cert.pem'), 'utf8'), stop: stopper(child) };
}
