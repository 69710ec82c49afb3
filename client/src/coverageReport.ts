import { commands, EventEmitter, Uri, window, workspace, type Disposable, type TextDocumentContentProvider } from 'vscode';

const SCHEME = 'star-stories-report';
/** `.md`, so the document is Markdown and the built-in preview renders it. */
const REPORT_URI = Uri.from({ scheme: SCHEME, path: '/Coverage Report.md' });

/**
 * The coverage report as a read-only document: unlike an untitled one, closing it never asks
 * to save, and showing it again replaces the old text.
 */
export class CoverageReportDocument implements TextDocumentContentProvider, Disposable {
  private readonly changed = new EventEmitter<Uri>();
  readonly onDidChange = this.changed.event;
  private text = '';
  private readonly registration = workspace.registerTextDocumentContentProvider(SCHEME, this);

  provideTextDocumentContent(): string {
    return this.text;
  }

  async show(markdown: string): Promise<void> {
    this.text = markdown;
    this.changed.fire(REPORT_URI);
    try {
      await commands.executeCommand('markdown.showPreview', REPORT_URI);
    } catch {
      // Without the built-in Markdown extension, the source is still readable.
      await window.showTextDocument(await workspace.openTextDocument(REPORT_URI));
    }
  }

  dispose(): void {
    this.registration.dispose();
    this.changed.dispose();
  }
}
