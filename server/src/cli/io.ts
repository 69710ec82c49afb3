import { escapeText } from './escape';

/** Where a command writes: its report to `out`, notices and errors to `err`. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
}

/** One line on standard error; names and text in it come from the disk, so it is escaped. */
export function notice(io: Io, message: string): void {
  io.err(`star-stories: ${escapeText(message)}\n`);
}
