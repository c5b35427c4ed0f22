/**
 * A keep-alive upstream for demos and benchmarks: reads the whole body, answers a small JSON.
 * node dist/bench/upstream.js [port]   (default 8080, on 127.0.0.1)
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

export function startUpstream(port = 0): Promise<{ server: Server; port: number }> {
  const server = createServer((req, res) => {
    let bytes = 0;
    req.on('data', (c: Buffer) => (bytes += c.length));
    req.on('end', () => {
      const body = `{"ok":true,"received":${bytes}}`;
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
      res.end(body);
    });
  });
  server.keepAliveTimeout = 60_000;
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve({ server, port: (server.address() as AddressInfo).port })));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { port } = await startUpstream(Number(process.argv[2] ?? 8080));
  console.log(`demo upstream listening on 127.0.0.1:${port}`);
}
