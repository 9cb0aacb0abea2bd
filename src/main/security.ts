import { app, session, shell, type WebContents } from 'electron';

/** The only origin our windows may show. */
export const appOrigin = 'app://klankbord';
const appProtocol = 'app:';
const appHost = 'klankbord';

/** External links we are willing to open in the user's browser: https on these hosts only. */
const externalAllowList = new Set(['github.com', 'www.electronjs.org']);

/** Opens an https URL in the system browser if its host is allow-listed; returns whether it did. */
export function openExternalIfAllowed(rawUrl: string): boolean {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' || !externalAllowList.has(url.hostname)) return false;
  void shell.openExternal(url.toString());
  return true;
}

/**
 * True for a frame that shows our own app (used to trust IPC senders and navigations). Compares scheme and host, not
 * `origin`: for a scheme other than http(s), the URL standard gives every URL the origin "null".
 */
export function isAppUrl(rawUrl: string): boolean {
  try {
    const url = new URL(rawUrl);
    // The scheme is registered as standard, so Chromium treats its host case-insensitively; Node's URL does not lower it.
    return (
      url.protocol === appProtocol && url.host.toLowerCase() === appHost && url.username === '' && url.password === ''
    );
  } catch {
    return false;
  }
}

/** Denies navigation away from the app, new windows, webviews and every permission request. */
export function applySecurityBaseline(): void {
  session.defaultSession.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.setWindowOpenHandler(({ url }) => {
      openExternalIfAllowed(url);
      return { action: 'deny' };
    });
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}
