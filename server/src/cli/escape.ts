/**
 * What the CLI prints comes partly from the user's disk: file names and story text quoted in
 * messages. A newline in a file name would start a line of its own (which CI systems read as a
 * command, `::error …`), and escape sequences would drive the terminal. So every name and
 * message is escaped before it is printed, in every format.
 */

/** C0 and C1 controls, DEL, the line and paragraph separators, and bidirectional overrides that reorder what a reader sees. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
/** Those JSON.stringify leaves raw (it escapes only U+0000 to U+001F). */
const UNSAFE_IN_JSON = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

const hex4 = (c: string) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0');

/** For plain-text output: one line, every unsafe character spelled as an escape (`\n`, `\u001b`). */
export function escapeText(text: string): string {
  return text.replace(UNSAFE, (c) => NAMED[c] ?? hex4(c));
}

/** For JSON output: the same JSON, with the characters JSON.stringify leaves raw written as `\uXXXX` (they occur only inside strings). */
export function escapeJson(json: string): string {
  return json.replace(UNSAFE_IN_JSON, hex4);
}
