// The messages between the main process and the backend's own process (an Electron utility process). Everything
// crosses as a structured clone: plain data, byte arrays, no functions or class instances.
import type { EventMessage } from '../contract/events';
import type { AppInfo } from '../contract/schemas';
import type { StartupFailure } from '../server/startup-failure';

/** What the backend process needs to open the data folder; decided in the main process (it knows app paths). */
export interface BackendProcessOptions {
  readonly dataDir: string;
  readonly nativeBinding?: string;
  readonly demoDir?: string;
  /** The data key (hex) the main process unwrapped from the credential store; absent: the config folder's key file. */
  readonly dataKeyHex?: string;
}

/** The file lookups the main process needs for app:// media and the save dialog; answered with paths or bytes. */
export type MediaQuery = 'audioFile' | 'peaks' | 'exportFile';

export type ToBackend =
  | { readonly kind: 'open'; readonly options: BackendProcessOptions }
  | { readonly kind: 'dispatch'; readonly id: number; readonly method: unknown; readonly input: unknown }
  | { readonly kind: 'media'; readonly id: number; readonly query: MediaQuery; readonly key: string }
  | { readonly kind: 'close' };

export type FromBackend =
  /** `dataKeyHex`: the key the backend opened the folder with, for the media main streams itself (none: plaintext). */
  | { readonly kind: 'ready'; readonly info: AppInfo; readonly dataKeyHex?: string }
  | { readonly kind: 'startup-failed'; readonly failure: StartupFailure }
  /** The answer to request `id`: a dispatch Result, or the media lookup's value (undefined: not found). */
  | { readonly kind: 'answer'; readonly id: number; readonly result: unknown }
  /** Request `id` threw inside the backend (a bug): the message, for the log and an `internal` error. */
  | { readonly kind: 'error'; readonly id: number; readonly message: string }
  | { readonly kind: 'event'; readonly event: EventMessage };

/** The name the backend process has in the operating system's and Electron's process lists. */
export const backendServiceName = 'Klankbord backend';
