import type { Socket } from 'node:net';
import { Duplex } from 'node:stream';
import { peekClientHello, type HelloPeek } from '../tls/client-hello.js';

/** Reads from the client until its first bytes say whether and for which name it speaks TLS. */
export function readHello(socket: Socket, head: Buffer, timeoutMs: number): Promise<{ buffered: Buffer; peek: HelloPeek }> {
  return new Promise((resolve) => {
    let buffered = head;
    let peek = peekClientHello(buffered);
    if (peek.kind !== 'incomplete') return resolve({ buffered, peek });
    const done = (): void => {
      clearTimeout(timer);
      socket.off('data', onData);
      socket.off('close', done);
      socket.pause();
      resolve({ buffered, peek });
    };
    const onData = (chunk: Buffer): void => {
      buffered = Buffer.concat([buffered, chunk]);
      peek = peekClientHello(buffered);
      if (peek.kind !== 'incomplete' || buffered.length > 65_536) done();
    };
    const timer = setTimeout(done, timeoutMs);
    socket.on('data', onData);
    socket.once('close', done);
    socket.resume();
  });
}

/** A Duplex over `socket` that first replays `head`: the bytes read while peeking. */
export function replaying(socket: Socket, head: Buffer): Duplex {
  const d = new Duplex({
    read() {
      socket.resume();
    },
    write(chunk: Buffer, _enc, cb) {
      socket.write(chunk, cb);
    },
    final(cb) {
      socket.end();
      cb();
    },
    destroy(err, cb) {
      socket.destroy();
      cb(err);
    },
  });
  if (head.length > 0) d.push(head);
  socket.on('data', (c: Buffer) => {
    if (!d.push(c)) socket.pause();
  });
  socket.once('end', () => d.push(null));
  socket.once('error', (e) => d.destroy(e));
  socket.once('close', () => d.destroy());
  socket.resume();
  return d;
}
