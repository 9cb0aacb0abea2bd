import type { Result } from '../../../contract/errors';
import type { ImportSource } from '../../../contract/imports';
import type { Transport as ContractTransport } from '../../../contract/transport';

export type { MethodInput, MethodName, MethodOutput } from '../../../contract/methods';

/** The contract transport plus what only a UI has: turning a user-chosen File into an import source. */
export interface Transport extends ContractTransport {
  /** Its path in Electron (nothing is copied over IPC); an upload to the staging area in browser mode. */
  stageFile(file: File): Promise<Result<ImportSource>>;
}
