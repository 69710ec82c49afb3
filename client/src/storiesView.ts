import { EventEmitter, ThemeColor, ThemeIcon, TreeItem, type Event } from 'vscode';
import type { StorySummary } from '../../server/src/protocol';
import { openStoryCommand } from './bankIds';
import { sortedStories, storyRow } from './bankViewModel';
import type { BankStore } from './bankStore';

/** Every story of the bank with its speaking time, problems and principles. */
export class StoriesViewProvider {
  private readonly changed = new EventEmitter<void>();
  readonly onDidChangeTreeData: Event<void> = this.changed.event;

  constructor(private readonly bank: BankStore) {
    bank.onDidChange(() => this.changed.fire());
  }

  getChildren(story?: StorySummary): StorySummary[] {
    const snapshot = this.bank.snapshot;
    return story || !snapshot ? [] : sortedStories(snapshot);
  }

  /** A flat list; TreeView.reveal needs the method to select the status bar's story. */
  getParent(): undefined {
    return undefined;
  }

  getTreeItem(story: StorySummary): TreeItem {
    const row = storyRow(story);
    const item = new TreeItem(row.label);
    item.id = story.id;
    item.description = row.description;
    item.tooltip = row.tooltip;
    item.iconPath = row.needsWork ? new ThemeIcon('note', new ThemeColor('list.warningForeground')) : new ThemeIcon('note');
    item.contextValue = 'story';
    item.command = openStoryCommand(story);
    return item;
  }
}
