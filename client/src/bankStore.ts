/**
 * The client's copy of the story bank: the latest snapshot from the server, kept fresh by the
 * `changed` notification. No `vscode` import: the connection and the log are passed in, so a test
 * can drive it with a fake server that fails, answers late or never answers.
 */
import type { NotificationType, RequestType, RequestType0 } from 'vscode-languageserver-protocol';
import {
  BankChangedNotification,
  BankDeltaNotification,
  BankSnapshotRequest,
  CoverageReportRequest,
  FollowUpsRequest,
  LoopPlanRequest,
  LoopSheetRequest,
  NewStoryTemplateRequest,
  type BankDelta,
  type BankSnapshot,
  type FollowUp,
  type LoopPlan,
  type LoopSheetParams,
  type NewStoryParams,
  type StorySummary,
} from '../../server/src/protocol';

/** The part of the language client the store uses (`LanguageClient` is one). */
export interface BankConnection {
  sendRequest<R>(type: RequestType0<R, void>): Promise<R>;
  sendRequest<P, R>(type: RequestType<P, R, void>, params: P): Promise<R>;
  onNotification<P>(type: NotificationType<P>, handler: (params: P) => void): { dispose(): void };
}

/** loading: no answer yet; unavailable: the last request failed; empty: no stories; ready. */
export type BankState = 'loading' | 'unavailable' | 'empty' | 'ready';

export class BankStore {
  private current: BankSnapshot | undefined;
  private currentState: BankState = 'loading';
  /** Bumped by every snapshot that arrives, so an older request's answer cannot overwrite a newer push. */
  private generation = 0;
  private readonly failing = new Set<string>();
  private readonly listeners = new Set<() => void>();
  private readonly subscriptions: Array<{ dispose(): void }>;
  /** The server's number for what `current` holds: a delta applies only on top of it. */
  private seq: number | undefined;
  /** `current`'s stories by the server's URI of their file, which orders them. */
  private byFile = new Map<string, StorySummary[]>();
  /** Deltas that did not apply, each asking for the whole bank; those during a refresh share one more. */
  private resyncsAsked = 0;
  private resyncing = false;

  constructor(
    private readonly connection: BankConnection,
    private readonly log: (message: string) => void,
    /** Makes the server's URIs comparable with the editor's (e.g. `Uri.parse(u).toString()`). */
    private readonly normalizeUri: (uri: string) => string = (u) => u,
  ) {
    // The payload is checked before use: a snapshot from another server version may lack fields.
    this.subscriptions = [
      connection.onNotification(BankChangedNotification, (params: unknown) => {
        this.generation++;
        this.accept(params);
      }),
      connection.onNotification(BankDeltaNotification, (params: unknown) => this.acceptDelta(params)),
    ];
  }

  get snapshot(): BankSnapshot | undefined {
    return this.current;
  }

  get state(): BankState {
    return this.currentState;
  }

  onDidChange(listener: () => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** Asks the server for a fresh snapshot; resolves to what the views now show (undefined if it failed). */
  async refresh(): Promise<BankSnapshot | undefined> {
    const asked = this.generation;
    const answer = await this.request(BankSnapshotRequest.method, () => this.connection.sendRequest(BankSnapshotRequest));
    if (answer === undefined) {
      if (this.current === undefined) this.setState('unavailable');
      return this.current;
    }
    if (asked === this.generation) {
      this.generation++;
      this.accept(answer);
    }
    return this.current;
  }

  coverageReport(): Promise<string | undefined> {
    return this.request(CoverageReportRequest.method, () => this.connection.sendRequest(CoverageReportRequest));
  }

  newStoryTemplate(params: NewStoryParams): Promise<string | undefined> {
    return this.request(NewStoryTemplateRequest.method, () => this.connection.sendRequest(NewStoryTemplateRequest, params));
  }

  loopPlan(): Promise<LoopPlan | undefined> {
    return this.request(LoopPlanRequest.method, () => this.connection.sendRequest(LoopPlanRequest));
  }

  followUps(storyId: string): Promise<FollowUp[] | undefined> {
    return this.request(FollowUpsRequest.method, () => this.connection.sendRequest(FollowUpsRequest, { storyId }));
  }

  loopSheet(format: LoopSheetParams['format']): Promise<string | undefined> {
    return this.request(LoopSheetRequest.method, () => this.connection.sendRequest(LoopSheetRequest, { format }));
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.listeners.clear();
  }

  /**
   * A failed request resolves to undefined and is logged once per method until that method works
   * again: a server without the bank (or a crashed one) must not flood the output channel.
   */
  private async request<R>(method: string, send: () => Promise<R>): Promise<R | undefined> {
    try {
      const result = await send();
      this.failing.delete(method);
      return result;
    } catch (error) {
      if (!this.failing.has(method)) {
        this.failing.add(method);
        this.log(
          `Story bank: the request ${method} failed (${error instanceof Error ? error.message : String(error)}). The story views stay empty until the server answers.`,
        );
      }
      return undefined;
    }
  }

  private accept(value: unknown): void {
    if (!isSnapshot(value)) {
      this.log('Story bank: ignored a snapshot without principles or stories.');
      return;
    }
    this.byFile = new Map();
    for (const story of value.stories) {
      const stories = this.byFile.get(story.uri) ?? [];
      if (!stories.length) this.byFile.set(story.uri, stories);
      stories.push(this.normalized(story));
    }
    this.show(value);
  }

  private acceptDelta(value: unknown): void {
    if (!isDelta(value)) {
      this.log('Story bank: ignored a delta without principles or files.');
      return;
    }
    if (this.seq === undefined || value.base !== this.seq) {
      // Built on a snapshot this store does not hold (a refresh's answer overtook it): ask for the whole bank.
      void this.resynchronize();
      return;
    }
    this.generation++;
    for (const file of value.files) {
      if (file.stories.length)
        this.byFile.set(
          file.uri,
          file.stories.map((s) => this.normalized(s)),
        );
      else this.byFile.delete(file.uri);
    }
    const { files, base, ...rest } = value;
    this.show({ ...rest, stories: [] });
  }

  /** `current` from `value`'s totals and `byFile`'s stories, in the server's order: by file, then line. */
  private show(value: BankSnapshot): void {
    const uris = [...this.byFile.keys()].sort();
    const { seq, ...rest } = value;
    this.current = {
      ...rest,
      stories: uris.flatMap((uri) => this.byFile.get(uri)!),
      folders: (Array.isArray(value.folders) ? value.folders : []).map((f) => this.normalizeUri(f)),
    };
    this.seq = typeof seq === 'number' ? seq : undefined;
    this.setState(this.current.stories.length ? 'ready' : 'empty', true);
  }

  private normalized(story: StorySummary): StorySummary {
    return { ...story, uri: this.normalizeUri(story.uri) };
  }

  private async resynchronize(): Promise<void> {
    this.resyncsAsked++;
    if (this.resyncing) return;
    this.resyncing = true;
    for (let answered = 0; answered < this.resyncsAsked;) {
      answered = this.resyncsAsked;
      await this.refresh();
    }
    this.resyncing = false;
  }

  private setState(state: BankState, changed = false): void {
    if (state === this.currentState && !changed) return;
    this.currentState = state;
    for (const listener of [...this.listeners]) listener();
  }
}

function isDelta(value: unknown): value is BankDelta {
  const v = value as Partial<BankDelta> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.seq === 'number' &&
    typeof v.base === 'number' &&
    Array.isArray(v.principles) &&
    Array.isArray(v.files) &&
    v.files.every((f) => typeof f?.uri === 'string' && Array.isArray(f.stories)) &&
    typeof v.principleSet === 'object' &&
    v.principleSet !== null
  );
}

function isSnapshot(value: unknown): value is BankSnapshot {
  const v = value as Partial<BankSnapshot> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    Array.isArray(v.principles) &&
    Array.isArray(v.stories) &&
    typeof v.principleSet === 'object' &&
    v.principleSet !== null
  );
}
