/**
 * JSON text built by hand for the lines written once per decision (the audit record and the
 * stdout summary): each value written exactly as JSON.stringify writes it, without building
 * an object for JSON.stringify to walk. Tests check both lines against JSON.stringify / pino.
 */

/** A finite number as JSON.stringify writes it (the records' numbers are never NaN or infinite, but if one were: null). */
export const jsonNumber = (x: number | null): string => (x === null || !Number.isFinite(x) ? 'null' : String(x));

const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/** A string as JSON.stringify writes it; most need no escaping and are only quoted. */
export const jsonString = (x: string | null): string => (x === null ? 'null' : NEEDS_ESCAPE.test(x) ? JSON.stringify(x) : `"${x}"`);
