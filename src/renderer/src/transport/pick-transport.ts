import type { RawBridge } from '../../../contract/transport';
import { createHttpTransport } from './http-transport';
import { createIpcTransport } from './ipc-transport';
import type { Transport } from './types';

declare global {
  interface Window {
    klankbord?: RawBridge;
  }
}

const secretKey = 'klankbord-secret';

/**
 * Browser mode's API secret: the server's redirect puts it in the URL fragment (never sent to a server, so not in
 * the page either); it is kept in this tab's session storage for reloads and taken out of the address bar.
 */
function browserModeSecret(): string {
  const fromFragment = new URLSearchParams(window.location.hash.slice(1)).get('secret');
  if (fromFragment) {
    window.sessionStorage.setItem(secretKey, fromFragment);
    window.history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return window.sessionStorage.getItem(secretKey) ?? '';
}

/** Electron's preload bridge when present, otherwise browser mode with the secret handed over at the first visit. */
export function pickTransport(): Transport {
  if (window.klankbord) return createIpcTransport(window.klankbord);
  return createHttpTransport(browserModeSecret());
}
