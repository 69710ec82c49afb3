import { EventEmitter, ThemeColor, ThemeIcon, TreeItem, TreeItemCollapsibleState, type Event, type TreeView } from 'vscode';
import type { StorySummary } from '../../server/src/protocol';
import { BankCommands, openStoryCommand } from './bankIds';
import { noGapsMessage, principleRows, summaryRow, type CheckRow, type PrincipleRow, type SummaryRow } from './bankViewModel';
import type { BankStore } from './bankStore';

export type CoverageNode =
  | { kind: 'summary' }
  | { kind: 'check'; row: CheckRow }
  | { kind: 'principle'; row: PrincipleRow }
  | { kind: 'story'; principleId: string; story: StorySummary };

/** The principles of the active set in rank order, each with its stories: where the bank is thin. */
export class CoverageTreeProvider {
  private readonly changed = new EventEmitter<void>();
  readonly onDidChangeTreeData: Event<void> = this.changed.event;
  private onlyGaps = false;
  view: TreeView<CoverageNode> | undefined;

  constructor(private readonly bank: BankStore) {
    bank.onDidChange(() => this.refresh());
  }

  get showsOnlyGaps(): boolean {
    return this.onlyGaps;
  }

  setOnlyGaps(onlyGaps: boolean): void {
    this.onlyGaps = onlyGaps;
    this.refresh();
  }

  refresh(): void {
    this.changed.fire();
  }

  getChildren(node?: CoverageNode): CoverageNode[] {
    const snapshot = this.bank.snapshot;
    // No stories (or no bank): an empty tree lets the welcome view offer New Story.
    if (!snapshot || snapshot.stories.length === 0) {
      this.setMessage(undefined);
      return [];
    }
    if (!node) {
      const rows = principleRows(snapshot, this.onlyGaps);
      this.setMessage(rows.length === 0 ? noGapsMessage(snapshot) : undefined);
      return [{ kind: 'summary' }, ...rows.map((row) => ({ kind: 'principle' as const, row }))];
    }
    if (node.kind === 'summary') return summaryRow(snapshot).checks.map((row) => ({ kind: 'check', row }));
    if (node.kind === 'principle') return node.row.stories.map((story) => ({ kind: 'story', principleId: node.row.principle.id, story }));
    return [];
  }

  getTreeItem(node: CoverageNode): TreeItem {
    const snapshot = this.bank.snapshot;
    if (node.kind === 'summary') return summaryItem(snapshot ? summaryRow(snapshot) : undefined);
    if (node.kind === 'check') {
      const item = new TreeItem(node.row.label);
      item.id = `check/${node.row.check.id}`;
      item.description = node.row.description;
      item.tooltip = node.row.tooltip;
      item.iconPath = new ThemeIcon(node.row.icon, new ThemeColor(node.row.color));
      item.contextValue = node.row.contextValue;
      return item;
    }
    if (node.kind === 'principle') {
      const { row } = node;
      const item = new TreeItem(row.label, row.stories.length ? TreeItemCollapsibleState.Collapsed : TreeItemCollapsibleState.None);
      item.id = `principle/${row.principle.id}`;
      item.description = row.description;
      item.tooltip = row.tooltip;
      item.iconPath = new ThemeIcon(row.icon, new ThemeColor(row.color));
      item.contextValue = row.contextValue;
      return item;
    }
    const item = new TreeItem(node.story.title || '(untitled story)');
    // A story serving two principles appears under both; the id must differ per parent.
    item.id = `principle/${node.principleId}/${node.story.id}`;
    item.iconPath = new ThemeIcon('note');
    item.tooltip = `Open “${node.story.title}”`;
    item.command = openStoryCommand(node.story);
    return item;
  }

  private setMessage(message: string | undefined): void {
    if (this.view && this.view.message !== message) this.view.message = message;
  }
}

function summaryItem(row: SummaryRow | undefined): TreeItem {
  // Expanded at first: the failed checks are what to write next.
  const item = new TreeItem(row?.label ?? '', row?.checks.length ? TreeItemCollapsibleState.Expanded : TreeItemCollapsibleState.None);
  item.id = 'summary';
  item.description = row?.description;
  item.iconPath = new ThemeIcon('graph');
  item.tooltip = row?.tooltip;
  item.contextValue = 'summary';
  item.command = { command: BankCommands.showCoverageReport, title: 'Show Coverage Report' };
  return item;
}
