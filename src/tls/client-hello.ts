/** What the first bytes of a tunnel say about TLS. */
export type HelloPeek =
  | { readonly kind: 'incomplete' }
  | { readonly kind: 'not-tls' }
  | { readonly kind: 'hello'; readonly sni: string | null };

/**
 * Reads the server name (SNI) from a TLS ClientHello without consuming it, so that the
 * CONNECT host can be compared with the name the client really asks for (domain fronting).
 * Only the first record is read; a ClientHello fits in one record in practice.
 */
export function peekClientHello(buf: Buffer): HelloPeek {
  if (buf.length < 1) return { kind: 'incomplete' };
  if (buf[0] !== 0x16) return { kind: 'not-tls' };
  if (buf.length < 5) return { kind: 'incomplete' };
  const recordLength = buf.readUInt16BE(3);
  if (buf.length < 5 + recordLength) return { kind: 'incomplete' };
  const rec = buf.subarray(5, 5 + recordLength);
  if (rec[0] !== 0x01) return { kind: 'not-tls' }; // not a ClientHello
  let p = 4 + 2 + 32; // handshake header, client version, random
  const need = (n: number): boolean => p + n <= rec.length;
  if (!need(1)) return { kind: 'not-tls' };
  p += 1 + rec[p]!; // session id
  if (!need(2)) return { kind: 'not-tls' };
  p += 2 + rec.readUInt16BE(p); // cipher suites
  if (!need(1)) return { kind: 'not-tls' };
  p += 1 + rec[p]!; // compression methods
  if (!need(2)) return { kind: 'hello', sni: null }; // no extensions
  const end = Math.min(rec.length, p + 2 + rec.readUInt16BE(p));
  p += 2;
  while (p + 4 <= end) {
    const type = rec.readUInt16BE(p);
    const len = rec.readUInt16BE(p + 2);
    const body = rec.subarray(p + 4, p + 4 + len);
    if (type === 0x0000 && body.length >= 5) {
      // server_name_list: length, then entries of (type, length, name); type 0 is host_name.
      let q = 2;
      while (q + 3 <= body.length) {
        const nameType = body[q]!;
        const nameLen = body.readUInt16BE(q + 1);
        if (nameType === 0) return { kind: 'hello', sni: body.toString('ascii', q + 3, q + 3 + nameLen) };
        q += 3 + nameLen;
      }
    }
    p += 4 + len;
  }
  return { kind: 'hello', sni: null };
}
