import type { RawBridge } from '../../../contract/transport';
import { createHttpTransport } from './http-transport';
import { createIpcTransport } from './ipc-transport';
import type { Transport } from './types';

declare global {
  interface Window {
    klankbord?: RawBridge;
  }
}

/** Electron's preload bridge when present, otherwise browser mode with the secret the server put in the page. */
export function pickTransport(): Transport {
  if (window.klankbord) return createIpcTransport(window.klankbord);
  const secret = document.querySelector<HTMLMetaElement>('meta[name="klankbord-secret"]')?.content ?? '';
  return createHttpTransport(secret);
}
