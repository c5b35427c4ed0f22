import type { Socket } from 'node:net';
import type { Reason } from '../policy/reasons.js';
import type { Policy } from '../policy/types.js';
import { peekClientHello, type HelloPeek } from '../tls/client-hello.js';
import type { ProxyContext } from './context.js';

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

/**
 * Carries bytes both ways between the client and the upstream, untouched, until either side
 * closes or nothing moves for `idleMs`. The relay counts in the open-tunnels gauge and is
 * registered with the open tunnels: when the rules change and `refusal` names a reason, both
 * sides are closed and `onCut` records why. `onClose` runs once when the relay ends.
 */
export function relay(
  ctx: ProxyContext,
  client: Socket,
  upstream: Socket,
  idleMs: number,
  rules: { refusal(policy: Policy, now: Date): Reason | null; onCut(reason: Reason): void },
  onClose: () => void = () => undefined,
): void {
  upstream.setTimeout(idleMs, () => {
    upstream.destroy();
    client.destroy();
  });
  upstream.pipe(client);
  client.pipe(upstream);
  ctx.events.tunnel?.(1);
  const forget = ctx.tunnels.add({
    recheck(policy, now) {
      const reason = rules.refusal(policy, now);
      if (reason === null) return false;
      client.destroy();
      upstream.destroy();
      rules.onCut(reason);
      return true;
    },
  });
  let closed = false;
  const close = (): void => {
    if (closed) return;
    closed = true;
    forget();
    onClose();
    ctx.events.tunnel?.(-1);
    upstream.destroy();
    client.destroy();
  };
  upstream.once('close', close);
  client.once('close', close);
}
