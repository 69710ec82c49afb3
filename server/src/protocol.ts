/**
 * Messages and payloads shared by the client and the server. Both import this file, so a
 * name or shape can only change in one place.
 */

/** What a diagnostic carries so a code action can be checked against the document it was made for. */
export interface DiagnosticData {
  /** Document version the finding was computed for; fixes for other versions are refused. */
  version: number;
  rule: string;
  hasFix: boolean;
}

export const LANGUAGE_ID = 'star-markdown';
export const DIAGNOSTIC_SOURCE = 'star-stories';
export const FIX_ALL_KIND = 'source.fixAll.starStories';
export const CONFIG_SECTION = 'starStories';

export const Commands = {
  restartServer: 'starStories.restartServer',
  /** Runs `source.fixAll.starStories` on the active editor. */
  fixAll: 'starStories.fixAll',
  showOutput: 'starStories.showOutput',
} as const;

/** Settings the server reads from the `starStories` section. */
export interface ServerSettings {
  rules?: Record<string, unknown>;
  targetSeconds?: number;
  wordsPerMinute?: number;
}
