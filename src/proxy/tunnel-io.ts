import type { Socket } from 'node:net';
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
