import type { Result } from './errors';
import type { EventMessage, EventName, EventPayload } from './events';
import type { MethodInput, MethodName, MethodOutput } from './methods';

/** How the renderer talks to the backend: IPC in Electron, HTTP in browser mode, in memory in component tests. */
export interface Transport {
  /** Answers every failure, a lost connection included, as a failed Result: the promise never rejects. */
  invoke<M extends MethodName>(method: M, input: MethodInput<M>): Promise<Result<MethodOutput<M>>>;
  subscribe<E extends EventName>(name: E, handler: (payload: EventPayload<E>) => void): () => void;
}

/** The raw bridge the preload script exposes on `window.klankbord` (untyped at the boundary). */
export interface RawBridge {
  invoke(message: { method: string; input: unknown }): Promise<unknown>;
  subscribe(handler: (message: EventMessage) => void): () => void;
  /** The path of a File object the user dropped (contract code has no DOM types, hence `object`); granted to the window. */
  pathForFile(file: object): string;
  /** Shows the main process's open dialog; resolves to the chosen files as import sources ([] when cancelled). */
  openFiles(purpose: FileDialogPurpose): Promise<unknown>;
  /** Shows the main process's save dialog for an exported file and copies it there; resolves to a SaveExportResult. */
  saveExport(exportId: string): Promise<unknown>;
}

/** What an open dialog is for: calls and transcripts to import, or a calibration package. */
export type FileDialogPurpose = 'import' | 'package' | 'transcript';

/** The answer of a save dialog: where the export was written (its file name only), or that the user cancelled. */
export type SaveExportResult = { readonly saved: true; readonly fileName: string } | { readonly saved: false };

/** The IPC channel names: calls, pushed events, the open and save dialogs, and dropped files' paths. */
export const ipcChannels = {
  invoke: 'klankbord:invoke',
  event: 'klankbord:event',
  openFiles: 'klankbord:open-files',
  saveExport: 'klankbord:save-export',
  grantDropped: 'klankbord:grant-dropped',
} as const;
