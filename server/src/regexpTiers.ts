/**
 * Imported first by the Node entry points (the language server and the CLI). V8 runs a regular
 * expression from bytecode the first time and compiles it again to machine code the second; the
 * rules hold a few hundred large case-insensitive Unicode patterns, so a fresh process paid for
 * both compilations on its first lint (one story: 230 ms, 90 ms with machine code at once; a
 * warm lint is unchanged). docs/performance.md has the figures. A browser takes no V8 flags.
 */
import { setFlagsFromString } from 'node:v8';

setFlagsFromString('--no-regexp-tier-up');
