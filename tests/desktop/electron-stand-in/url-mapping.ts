// Chromium cannot load a custom scheme (navigating to app://klankbord/ aborts with ERR_ABORTED), so each app://HOST
// origin is shown at https://HOST.app-scheme.test: like a scheme registered `standard` and `secure`, it is a secure,
// hierarchical origin. Every request to it goes to the real protocol handler under its app:// URL, and every URL the
// main process sees (IPC sender frames, navigation events) is mapped back to app://.
const mappedDomain = '.app-scheme.test';

export function toPageUrl(electronUrl: string): string {
  const url = new URL(electronUrl);
  if (url.protocol !== 'app:') return electronUrl;
  return `https://${url.host}${mappedDomain}${url.pathname}${url.search}${url.hash}`;
}

export function toElectronUrl(pageUrl: string): string {
  let url: URL;
  try {
    url = new URL(pageUrl);
  } catch {
    return pageUrl;
  }
  if (url.protocol !== 'https:' || !url.hostname.endsWith(mappedDomain) || url.port !== '') return pageUrl;
  return `app://${url.hostname.slice(0, -mappedDomain.length)}${url.pathname}${url.search}${url.hash}`;
}
