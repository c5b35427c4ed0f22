import type { Policy } from '../policy/types.js';

/**
 * A connection that outlives the decision that opened it: a CONNECT tunnel, an intercepted
 * tunnel or an upgraded (WebSocket) connection. A request is decided once and ends; a tunnel
 * can carry traffic for hours, so it is decided again whenever the rules may have changed.
 */
export interface OpenTunnel {
  /**
   * Decides the connection again under `policy` on `now`: false while it may stay as it is;
   * otherwise it closes itself (recording the cut where the policy now refuses it) and says true.
   */
  recheck(policy: Policy, now: Date): boolean;
}

/**
 * The open tunnels of one process. After a policy reload (a BAA terminated, a vendor
 * reclassified) and as the calendar turns (a BAA that expires today), each is decided again
 * and those the policy would now refuse are cut, so that "blocked" holds for connections
 * already open too, not only for new ones; an intercepted one whose vendor needs no scan any
 * more is closed too, so that the client reconnects to a tunnel phiwall does not decrypt.
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

  /** Decides every open tunnel again under `policy`. Returns how many were closed. */
  recheck(policy: Policy, now: Date): number {
    let closed = 0;
    for (const tunnel of [...this.open]) {
      if (!tunnel.recheck(policy, now)) continue;
      this.open.delete(tunnel);
      closed++;
    }
    return closed;
  }
}
