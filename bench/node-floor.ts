/**
 * The floor for scenario 6: the least a Node.js TLS-intercepting forward proxy can do with the
 * same parts phiwall uses (node:http for CONNECT and the decrypted requests, a TLSSocket on
 * the client's socket with a leaf from the same CA, undici's Pool with a verified TLS upstream,
 * the response body streamed into the client's response) and nothing else: no policy, no
 * scan, no audit record, no metrics, no log line. What phiwall costs beyond it is phiwall's
 * own work; what it costs at all is Node's. A bench reference, not a product.
 *
 *   node dist/bench/node-floor.js PORT CA_CERT CA_KEY UPSTREAM_CA
 * Every CONNECT goes to 127.0.0.1 at the port asked for, with the host as the TLS server name.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { TLSSocket, createSecureContext, rootCertificates } from 'node:tls';
import { Pool } from 'undici';
import { LeafCertificates } from '../src/tls/leaf-certs.js';

const [port, caCert, caKey, upstreamCa] = process.argv.slice(2);
if (upstreamCa === undefined) throw new Error('usage: node-floor PORT CA_CERT CA_KEY UPSTREAM_CA');
const leaves = new LeafCertificates(caCert!, caKey!);
// Built once, as phiwall does: a `ca` list in the connect options would make every new
// upstream connection parse the whole system store again (16 % of this process's CPU in a
// profile, which made the floor look dearer than Node's least).
const secureContext = createSecureContext({ ca: [...rootCertificates, readFileSync(upstreamCa, 'utf8')] });
const pools = new Map<string, Pool>();
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'te', 'trailer']);
const tunnels = new WeakMap<object, { host: string; port: number }>();

const decrypted = createServer({ keepAliveTimeout: 5_000 }, (req: IncomingMessage, res: ServerResponse) => {
  const t = tunnels.get(req.socket)!;
  const key = `${t.host}:${t.port}`;
  let pool = pools.get(key);
  if (pool === undefined) {
    pool = new Pool(`https://127.0.0.1:${t.port}`, { connect: { servername: t.host, secureContext } });
    pools.set(key, pool);
  }
  const headers: Record<string, string> = {};
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    const name = req.rawHeaders[i]!.toLowerCase();
    if (!HOP_BY_HOP.has(name)) headers[name] = req.rawHeaders[i + 1]!;
  }
  pool
    .stream({ path: req.url ?? '/', method: req.method ?? 'GET', headers, body: req }, ({ statusCode, headers: h }) => {
      const out: Record<string, string | string[]> = {};
      for (const [name, value] of Object.entries(h)) if (value !== undefined && !HOP_BY_HOP.has(name)) out[name] = value;
      res.writeHead(statusCode, out);
      return res;
    })
    .catch(() => res.destroy());
});

const front = createServer();
front.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
  const [host, p] = (req.url ?? '').split(':');
  client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
  leaves.contextFor(host!).then((secureContext) => {
    if (head.length > 0) client.unshift(head);
    const tls = new TLSSocket(client, { isServer: true, secureContext, ALPNProtocols: ['http/1.1'] });
    tunnels.set(tls, { host: host!, port: Number(p) });
    tls.on('error', () => tls.destroy());
    decrypted.emit('connection', tls);
  }, () => client.destroy());
});
front.listen(Number(port), '127.0.0.1');
