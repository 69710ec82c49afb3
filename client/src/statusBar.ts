import { StatusBarAlignment, ThemeColor, window, type Disposable, type StatusBarItem, type TextEditor } from 'vscode';
import { LANGUAGE_ID } from '../../server/src/protocol';
import { BankCommands } from './bankIds';
import { isOverTarget, practiceTimerText, shortQuestion, speakingTimeStatus, storyAt } from './bankViewModel';
import type { BankStore } from './bankStore';

const WARNING_BACKGROUND = new ThemeColor('statusBarItem.warningBackground');

/** The length of the story under the cursor; hidden outside story files, between stories and while practising. */
export class StoryStatusBar implements Disposable {
  private readonly item: StatusBarItem;
  private readonly subscriptions: Disposable[];
  private practising = false;

  constructor(private readonly bank: BankStore) {
    this.item = window.createStatusBarItem('starStories.speakingTime', StatusBarAlignment.Right, 100);
    this.item.name = 'STAR Stories: story length';
    const bankSubscription = bank.onDidChange(() => this.update());
    this.subscriptions = [
      window.onDidChangeActiveTextEditor(() => this.update()),
      window.onDidChangeTextEditorSelection((e) => e.textEditor === window.activeTextEditor && this.update()),
      { dispose: () => bankSubscription.dispose() },
    ];
    this.update();
  }

  setPractising(practising: boolean): void {
    this.practising = practising;
    this.update();
  }

  update(editor: TextEditor | undefined = window.activeTextEditor): void {
    const story =
      editor && editor.document.languageId === LANGUAGE_ID
        ? storyAt(this.bank.snapshot, editor.document.uri.toString(), editor.selection.active.line)
        : undefined;
    if (!story || this.practising) {
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

/**
 * The practice stopwatch and its question: "$(watch) Practising 0:42 / 3:00" counts up against
 * the target until clicked, and beside it the question's first words, a click from the full text.
 */
export class PracticeTimer implements Disposable {
  private readonly item: StatusBarItem;
  private readonly questionItem: StatusBarItem;
  private interval: ReturnType<typeof setInterval> | undefined;
  private startedAt = 0;
  private readonly stopWaiters: Array<() => void> = [];
  private target = 0;
  private currentQuestion = '';

  constructor(private readonly onRunningChange: (running: boolean) => void) {
    this.item = window.createStatusBarItem('starStories.practiceTimer', StatusBarAlignment.Left, 1000);
    this.item.name = 'STAR Stories: practice timer';
    this.item.command = { command: BankCommands.stopPractice, title: 'Stop' };
    this.questionItem = window.createStatusBarItem('starStories.practiceQuestion', StatusBarAlignment.Left, 999);
    this.questionItem.name = 'STAR Stories: practice question';
    this.questionItem.command = { command: BankCommands.showPracticeQuestion, title: 'Show the question' };
  }

  get running(): boolean {
    return this.interval !== undefined;
  }

  /** The question being practised, or undefined when no timer runs. */
  get question(): string | undefined {
    return this.running ? this.currentQuestion : undefined;
  }

  start(targetSeconds: number, question: string): void {
    this.stop();
    this.startedAt = Date.now();
    this.target = targetSeconds;
    this.currentQuestion = question;
    this.item.tooltip = `Practising: ${question}\nClick to stop the timer.`;
    this.questionItem.text = `$(comment-discussion) ${shortQuestion(question)}`;
    this.questionItem.tooltip = `${question}\nClick to show the whole question.`;
    this.tick();
    this.item.show();
    this.questionItem.show();
    this.interval = setInterval(() => this.tick(), 1000);
    this.onRunningChange(true);
  }

  /** Resolves when the current run stops (at once when none runs). */
  whenStopped(): Promise<void> {
    if (this.interval === undefined) return Promise.resolve();
    return new Promise((resolve) => this.stopWaiters.push(resolve));
  }

  /** Stops the timer; returns the elapsed and target seconds, or undefined when none ran. */
  stop(): { elapsed: number; target: number; question: string } | undefined {
    if (this.interval === undefined) return undefined;
    clearInterval(this.interval);
    this.interval = undefined;
    for (const resolve of this.stopWaiters.splice(0)) resolve();
    this.item.hide();
    this.questionItem.hide();
    this.onRunningChange(false);
    return { elapsed: this.elapsed(), target: this.target, question: this.currentQuestion };
  }

  dispose(): void {
    this.stop();
    this.item.dispose();
    this.questionItem.dispose();
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
