import { StatusBarAlignment, ThemeColor, window, type Disposable, type StatusBarItem, type TextEditor } from 'vscode';
import { LANGUAGE_ID } from '../../server/src/protocol';
import { BankCommands } from './bankIds';
import { isOverTarget, practiceTimerText, speakingTimeStatus, storyAt } from './bankViewModel';
import type { BankStore } from './bankStore';

const WARNING_BACKGROUND = new ThemeColor('statusBarItem.warningBackground');

/** The speaking time of the story under the cursor; hidden outside story files and between stories. */
export class StoryStatusBar implements Disposable {
  private readonly item: StatusBarItem;
  private readonly subscriptions: Disposable[];

  constructor(private readonly bank: BankStore) {
    this.item = window.createStatusBarItem('starStories.speakingTime', StatusBarAlignment.Right, 100);
    this.item.name = 'STAR Stories: speaking time';
    const bankSubscription = bank.onDidChange(() => this.update());
    this.subscriptions = [
      window.onDidChangeActiveTextEditor(() => this.update()),
      window.onDidChangeTextEditorSelection((e) => e.textEditor === window.activeTextEditor && this.update()),
      { dispose: () => bankSubscription.dispose() },
    ];
    this.update();
  }

  update(editor: TextEditor | undefined = window.activeTextEditor): void {
    const story =
      editor && editor.document.languageId === LANGUAGE_ID
        ? storyAt(this.bank.snapshot, editor.document.uri.toString(), editor.selection.active.line)
        : undefined;
    if (!story) {
      this.item.hide();
      return;
    }
    const status = speakingTimeStatus(story);
    this.item.text = status.text;
    this.item.tooltip = status.tooltip;
    this.item.backgroundColor = status.over ? WARNING_BACKGROUND : undefined;
    this.item.command = { command: BankCommands.revealStory, title: 'Show in Stories view', arguments: [story.id] };
    this.item.show();
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.item.dispose();
  }
}

/** The practice stopwatch: counts up against the story's target until stopped. */
export class PracticeTimer implements Disposable {
  private readonly item: StatusBarItem;
  private interval: ReturnType<typeof setInterval> | undefined;
  private startedAt = 0;
  private target = 0;

  constructor(private readonly onRunningChange: (running: boolean) => void) {
    this.item = window.createStatusBarItem('starStories.practiceTimer', StatusBarAlignment.Left, 1000);
    this.item.name = 'STAR Stories: practice timer';
    this.item.command = { command: BankCommands.stopPractice, title: 'Stop' };
  }

  get running(): boolean {
    return this.interval !== undefined;
  }

  start(targetSeconds: number, question: string): void {
    this.stop();
    this.startedAt = Date.now();
    this.target = targetSeconds;
    this.item.tooltip = `Practice: ${question}\nClick to stop the timer.`;
    this.tick();
    this.item.show();
    this.interval = setInterval(() => this.tick(), 1000);
    this.onRunningChange(true);
  }

  /** Stops the timer; returns the elapsed and target seconds, or undefined when none ran. */
  stop(): { elapsed: number; target: number } | undefined {
    if (this.interval === undefined) return undefined;
    clearInterval(this.interval);
    this.interval = undefined;
    this.item.hide();
    this.onRunningChange(false);
    return { elapsed: this.elapsed(), target: this.target };
  }

  dispose(): void {
    this.stop();
    this.item.dispose();
  }

  private elapsed(): number {
    return Math.floor((Date.now() - this.startedAt) / 1000);
  }

  private tick(): void {
    const elapsed = this.elapsed();
    this.item.text = `${practiceTimerText(elapsed, this.target)} $(debug-stop)`;
    this.item.backgroundColor = isOverTarget(elapsed, this.target) ? WARNING_BACKGROUND : undefined;
  }
}
