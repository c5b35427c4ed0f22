/** After a JSON key: colon, an optional array start, then a string or a number. */
const JSON_VALUE = '\\s*:\\s*(?:\\[\\s*)?(?:"(?:[^"\\\\]|\\\\.)*"|-?\\d[\\d.eE+-]*)';

/**
 * A JSON pair whose key is one of the PHI field names (`keys`: the pack's key alternation):
 * `"key": "value"`, `"key": 123`, `"key": ["value", ...]`. No capturing groups. The scanner's
 * RE2 set holds this same source, so that its answer ("a pair occurs") is exactly whether
 * jsonFields would find one.
 */
export function jsonPairSource(keys: string): string {
  return `"(?:${keys})"${JSON_VALUE}`;
}
