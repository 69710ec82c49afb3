/**
 * "Check All Stories": diagnostics for every story file of the bank, open or not, so the Problems
 * panel shows the whole bank before a loop (diagnostics for the whole bank on
 * request). Files checked this way stay current when they change on disk, and are cleared when
 * deleted; open documents keep their live diagnostics.
 */
import { FileChangeType, type Connection, type FileEvent, type TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { documentDiagnostics } from './diagnostics';
import type { DocumentLints } from './documents';
import { LANGUAGE_ID, type CheckAllResult } from './protocol';
import type { BankFeatures } from './bankFeatures';
import { LinterPool, MAX_DOCUMENT_LENGTH } from './engine';
import type { WorkspaceFiles } from './workspaceFiles';
import { bankKey } from './workspaceIndex';

export class WorkspaceLint {
  /** Closed files whose diagnostics this module published, by the URI they were published under. */
  private readonly checked = new Set<string>();
  private readonly linters = new LinterPool();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly bank: BankFeatures,
    private readonly lints: DocumentLints,
    private readonly files: WorkspaceFiles,
  ) {}

  /** Lints every closed story file of the bank and publishes its diagnostics. */
  checkAll(): CheckAllResult {
    let problems = 0;
    const uris = this.bank.index.bank.uris();
    for (const uri of uris) {
      const open = this.documents.all().find((d) => bankKey(d.uri) === uri);
      if (open) {
        problems += this.lints.get(open).findings.length + this.bank.index.bank.findings(uri).length;
        continue;
      }
      const text = this.bank.index.bank.text(uri);
      if (text === undefined) continue;
      problems += this.publish(uri, text);
    }
    return { files: uris.length, problems };
  }

  /** Keeps checked closed files current: re-read when changed on disk, cleared when deleted. */
  filesChanged(changes: readonly FileEvent[]): void {
    for (const change of changes) {
      const uri = change.uri;
      if (!this.checked.has(uri) || this.isOpen(uri)) continue;
      if (change.type === FileChangeType.Deleted) {
        this.clear(uri);
        continue;
      }
      this.files.readText(uri).then(
        (text) => (this.checked.has(uri) && !this.isOpen(uri) ? void this.publish(uri, text) : undefined),
        () => this.clear(uri),
      );
    }
  }

  /** An opened document takes over its diagnostics; closing it clears them, as for any document. */
  opened(uri: string): void {
    this.checked.delete(uri);
  }

  private publish(uri: string, text: string): number {
    if (text.length > MAX_DOCUMENT_LENGTH) return 0;
    const { result } = this.linters.lint(text, this.lints.settingsFor(uri));
    const document = TextDocument.create(uri, LANGUAGE_ID, 0, text);
    const diagnostics = documentDiagnostics(document, result.findings, this.bank.index.bank.findings(bankKey(uri)));
    this.checked.add(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics });
    return diagnostics.length;
  }

  private clear(uri: string): void {
    this.checked.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  private isOpen(uri: string): boolean {
    return this.documents.all().some((d) => bankKey(d.uri) === bankKey(uri));
  }
}
