import type { Reason } from '../policy/reasons.js';
import type { Policy } from '../policy/types.js';

/**
 * A relayed connection that outlives the decision that opened it: a CONNECT tunnel or an
 * upgraded (WebSocket) connection. A request is decided once and ends; a tunnel can carry
 * traffic for hours, so it is decided again whenever the rules may have changed.
 */
export interface OpenTunnel {
  /** Why the policy in force would refuse it now; null while it may stay open. */
  refusal(policy: Policy, now: Date): Reason | null;
  /** Closes both sides and records the cut with its reason. */
  cut(reason: Reason): void;
}

/**
 * The open tunnels of one process. After a policy reload (a BAA terminated, a vendor
 * reclassified) and as the calendar turns (a BAA that expires today), each is decided again
 * and those the policy would now refuse are cut, so that "blocked" holds for connections
 * already open too, not only for new ones.
 */
export class OpenTunnels {
  private readonly open = new Set<OpenTunnel>();

  get size(): number {
    return this.open.size;
  }

  /** Registers a tunnel; the returned function removes it (call it when the tunnel closes). */
  add(tunnel: OpenTunnel): () => void {
    this.open.add(tunnel);
    return () => this.open.delete(tunnel);
  }

  /** Decides every open tunnel again under `policy`; cuts the refused ones. Returns how many were cut. */
  recheck(policy: Policy, now: Date): number {
    let cut = 0;
    for (const tunnel of [...this.open]) {
      const reason = tunnel.refusal(policy, now);
      if (reason === null) continue;
      this.open.delete(tunnel);
      tunnel.cut(reason);
      cut++;
    }
    return cut;
  }
}
