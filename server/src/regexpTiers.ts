/**
 * Imported first by the Node entry points (the language server, dist/start.js and the CLI). V8
 * runs a regular expression from bytecode the first time and compiles it again to machine code
 * the second; the rules hold a few hundred large case-insensitive Unicode patterns, so a fresh
 * process paid for both compilations on its first lint (one story: 230 ms, 90 ms with machine
 * code at once; a warm lint is unchanged). docs/performance.md has the figures. The client passes
 * the flag on the command line (SERVER_EXEC_ARGV); loading node:v8 to set it costs a few ms of the
 * start, so only a process started without it does. A browser takes no V8 flags.
 */
export const NO_REGEXP_TIER_UP = '--no-regexp-tier-up';

if (!process.execArgv.includes(NO_REGEXP_TIER_UP)) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (require('node:v8') as typeof import('node:v8')).setFlagsFromString(NO_REGEXP_TIER_UP);
}
