import {
  EventEmitter,
  MarkdownString,
  ThemeColor,
  ThemeIcon,
  TreeItem,
  Uri,
  type Event,
  type FileDecoration,
  type FileDecorationProvider,
} from 'vscode';
import type { StorySummary } from '../../server/src/protocol';
import { openStoryCommand } from './bankIds';
import { plural, sortedStories, storyRow } from './bankViewModel';
import type { BankStore } from './bankStore';

/** Row resources: not files, only a key for the badge, so the problem count sits at the row's right edge, never cut. */
const ROW_SCHEME = 'star-stories-row';

function rowUri(story: StorySummary): Uri {
  return Uri.from({ scheme: ROW_SCHEME, path: '/story', query: story.id });
}

/** Every story of the bank: the title, its problem count as a badge, then rating, time and principles. */
export class StoriesViewProvider implements FileDecorationProvider {
  private readonly changed = new EventEmitter<void>();
  readonly onDidChangeTreeData: Event<void> = this.changed.event;
  private readonly decorationsChanged = new EventEmitter<undefined>();
  readonly onDidChangeFileDecorations: Event<undefined> = this.decorationsChanged.event;

  constructor(private readonly bank: BankStore) {
    bank.onDidChange(() => {
      this.changed.fire();
      this.decorationsChanged.fire(undefined);
    });
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
    item.resourceUri = rowUri(story);
    item.description = row.description;
    item.tooltip = new MarkdownString(row.tooltip);
    item.iconPath = row.needsWork ? new ThemeIcon('note', new ThemeColor('list.warningForeground')) : new ThemeIcon('note');
    item.contextValue = 'story';
    item.command = openStoryCommand(story);
    return item;
  }

  provideFileDecoration(uri: Uri): FileDecoration | undefined {
    if (uri.scheme !== ROW_SCHEME) return undefined;
    const story = this.bank.snapshot?.stories.find((s) => s.id === uri.query);
    const badge = story && storyRow(story).badge;
    return badge ? { badge, tooltip: plural(story.problems, 'problem') } : undefined;
  }
}
