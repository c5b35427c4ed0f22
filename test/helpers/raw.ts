import { connect, type Socket } from 'node:net';

/** Opens a raw TCP connection to the proxy, sends `text`, and returns what came back until close or `untilMs`. */
export function raw(port: number, text: string | Buffer, untilMs = 2000): Promise<string> {
  return new Promise((resolve) => {
    const s: Socket = connect(port, '127.0.0.1');
    let out = '';
    const done = (): void => {
      clearTimeout(timer);
      s.destroy();
      resolve(out);
    };
    const timer = setTimeout(done, untilMs);
    s.on('data', (d: Buffer) => (out += d.toString('latin1')));
    s.on('close', done);
    s.on('error', done);
    s.write(text);
  });
}

/** Opens a CONNECT tunnel; resolves with the proxy's answer head and the socket. */
export function openTunnel(port: number, authority: string): Promise<{ head: string; socket: Socket }> {
  return new Promise((resolve, reject) => {
    const s = connect(port, '127.0.0.1');
    let buf = '';
    s.on('error', reject);
    s.on('data', function onData(d: Buffer) {
      buf += d.toString('latin1');
      const end = buf.indexOf('\r\n\r\n');
      if (end !== -1) {
        s.off('data', onData);
        resolve({ head: buf, socket: s });
      }
    });
    s.on('close', () => resolve({ head: buf, socket: s }));
    s.write(`CONNECT ${authority} HTTP/1.1\r\nHost: ${authority}\r\n\r\n`);
  });
}
