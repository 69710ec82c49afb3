import { commands, EventEmitter, Uri, window, workspace, type Disposable, type TextDocumentContentProvider } from 'vscode';

const SCHEME = 'star-stories-preview';

/**
 * Generated Markdown (the coverage report, the loop plan, the loop sheet) as read-only documents
 * shown in the built-in preview: unlike an untitled document, closing one never asks to save,
 * and showing it again replaces the old text (an open preview follows).
 */
export class PreviewDocuments implements TextDocumentContentProvider, Disposable {
  private readonly changed = new EventEmitter<Uri>();
  readonly onDidChange = this.changed.event;
  private readonly texts = new Map<string, string>();
  private readonly registration = workspace.registerTextDocumentContentProvider(SCHEME, this);

  provideTextDocumentContent(uri: Uri): string {
    return this.texts.get(uri.path) ?? '';
  }

  /** `name` ends in `.md`, so the document is Markdown and the preview renders it. */
  uriOf(name: string): Uri {
    return Uri.from({ scheme: SCHEME, path: `/${name}` });
  }

  isShowing(name: string): boolean {
    return this.texts.has(this.uriOf(name).path);
  }

  /** Replaces the text; an open preview re-renders. */
  update(name: string, markdown: string): void {
    const uri = this.uriOf(name);
    this.texts.set(uri.path, markdown);
    this.changed.fire(uri);
  }

  async show(name: string, markdown: string): Promise<void> {
    this.update(name, markdown);
    const uri = this.uriOf(name);
    try {
      await commands.executeCommand('markdown.showPreview', uri);
    } catch {
      // Without the built-in Markdown extension, the source is still readable.
      await window.showTextDocument(await workspace.openTextDocument(uri));
    }
  }

  dispose(): void {
    this.registration.dispose();
    this.changed.dispose();
  }
}
