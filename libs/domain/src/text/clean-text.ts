/**
 * Text the product stores and shows: no control characters a person never types, i.e. C0 except tab, line feed and
 * carriage return, and DEL. PostgreSQL cannot store NUL in text at all (a query with one fails), and the others only
 * hide or garble what is shown. The rule of the API's fields (IsCleanText); plan files have their own, which allows
 * the vertical tab and form feed of Word's text export (libs/plan-files).
 */
export const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** The same rule as a JSON-schema / OpenAPI `pattern`. */
export const CLEAN_TEXT_PATTERN = '^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F]*$';

/** Where the first control character is (1-based line and column), for a message a person can act on; null if clean. */
export function findControlCharacter(text: string, characters: RegExp = CONTROL_CHARACTERS): { line: number; column: number; codePoint: string } | null {
  const m = characters.exec(text);
  if (!m) return null;
  const before = text.slice(0, m.index);
  const line = before.split(/\r\n|\r|\n/).length;
  const column = m.index - Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'));
  return { line, column, codePoint: `U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` };
}
