/** One part of a multipart/form-data body: its headers and where its content lies. */
export interface Part {
  readonly contentType: string | undefined;
  readonly filename: string | undefined;
  readonly name: string | undefined;
  /** Where the part's header lines lie (names and file names can carry PHI too). */
  readonly headerStart: number;
  readonly headerEnd: number;
  readonly start: number;
  readonly end: number;
}

export function boundaryOf(contentType: string | undefined): string | null {
  const m = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType ?? '');
  return m === null ? null : (m[1] ?? m[2] ?? null);
}

/**
 * Splits a multipart body into parts with offsets, so that each part can be scanned in place.
 * Returns null when the body does not follow its boundary (the caller treats it as unscannable).
 */
export function splitMultipart(buf: Buffer, boundary: string): Part[] | null {
  const delim = Buffer.from(`--${boundary}`);
  const parts: Part[] = [];
  let i = buf.indexOf(delim);
  if (i === -1) return null;
  for (;;) {
    let after = i + delim.length;
    if (buf[after] === 0x2d && buf[after + 1] === 0x2d) return parts; // closing delimiter
    if (buf[after] === 0x0d) after++;
    if (buf[after] !== 0x0a) return null;
    const headerEnd = buf.indexOf('\r\n\r\n', after);
    const headerEndLf = buf.indexOf('\n\n', after);
    let bodyStart: number;
    let headerStop: number;
    if (headerEnd !== -1 && (headerEndLf === -1 || headerEnd < headerEndLf)) {
      headerStop = headerEnd;
      bodyStart = headerEnd + 4;
    } else if (headerEndLf !== -1) {
      headerStop = headerEndLf;
      bodyStart = headerEndLf + 2;
    } else {
      return null;
    }
    const headerText = buf.toString('latin1', after + 1, headerStop);
    const next = buf.indexOf(delim, bodyStart);
    if (next === -1) return null;
    let bodyEnd = next;
    if (buf[bodyEnd - 1] === 0x0a) bodyEnd--;
    if (buf[bodyEnd - 1] === 0x0d) bodyEnd--;
    const header = (name: string): string | undefined => new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(headerText)?.[1]?.trim();
    const disposition = header('content-disposition') ?? '';
    parts.push({
      contentType: header('content-type'),
      filename: /filename="?([^";]*)"?/i.exec(disposition)?.[1],
      name: /\bname="?([^";]*)"?/i.exec(disposition)?.[1],
      headerStart: after + 1,
      headerEnd: headerStop,
      start: bodyStart,
      end: Math.max(bodyStart, bodyEnd),
    });
    i = next;
  }
}
