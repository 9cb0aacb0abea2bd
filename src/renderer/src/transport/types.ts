import type { Result } from '../../../contract/errors';
import type { ImportSource } from '../../../contract/imports';
import type { FileDialogPurpose, SaveExportResult, Transport as ContractTransport } from '../../../contract/transport';

export type { MethodInput, MethodName, MethodOutput } from '../../../contract/methods';

/** The contract transport plus what only a UI has: turning a user-chosen File into an import source. */
export interface Transport extends ContractTransport {
  /** Its path in Electron (nothing is copied over IPC); an upload to the staging area in browser mode. */
  stageFile(file: File): Promise<Result<ImportSource>>;
  /**
   * Desktop only: the main process's open dialog, its choice as import sources ([] when cancelled). Without it the
   * page's own file input is used.
   */
  chooseFiles?(purpose: FileDialogPurpose): Promise<Result<readonly ImportSource[]>>;
  /** Desktop only: the main process's save dialog for an export the backend wrote. Without it the page downloads it. */
  saveExport?(exportId: string): Promise<Result<SaveExportResult>>;
}
