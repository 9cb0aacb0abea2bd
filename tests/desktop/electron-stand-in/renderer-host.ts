// Shows a stand-in webContents in a Chromium page: requests to app:// origins go to the real protocol handler,
// renderer-initiated navigations and redirects ask the main process's handlers, window.open asks the window-open
// handler, and the preload's API is connected. Nothing reaches the network.
import type { BrowserContext, Page, Request as PageRequest, Route } from '@playwright/test';
import { protocolState } from './app';
import { connectPageBridge } from './page-bridge';
import { toElectronUrl, toPageUrl } from './url-mapping';
import type { StandInWebContents } from './web-contents';

export interface ServedResponse {
  readonly url: string;
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly requestHeaders: Readonly<Record<string, string>>;
  readonly navigation: boolean;
}

export interface HostedPage {
  readonly page: Page;
  readonly contents: StandInWebContents;
  /** Every response the protocol handler gave, in order. */
  readonly served: ServedResponse[];
  /** Requests that would have left the machine (refused: no handler for their scheme). */
  readonly refusedRequests: string[];
  /** window.open calls the handler allowed (the stand-in opens no second page for them). */
  readonly allowedWindowOpens: string[];
}

function redirectTarget(response: Response, electronUrl: string): string | undefined {
  const location = response.status >= 300 && response.status < 400 ? response.headers.get('location') : null;
  return location ? new URL(location, electronUrl).href : undefined;
}

// A prevented navigation is aborted with ERR_ABORTED: Chromium then keeps the current document (no error page), as
// Electron does when will-navigate is prevented.
async function answer(hosted: HostedPage, loads: Set<string>, route: Route, request: PageRequest): Promise<void> {
  const electronUrl = toElectronUrl(request.url());
  const mainNavigation = request.isNavigationRequest() && request.frame() === hosted.page.mainFrame();
  const byLoadUrl = mainNavigation && loads.delete(request.url());
  if (
    mainNavigation &&
    !byLoadUrl &&
    request.redirectedFrom() === null &&
    !hosted.contents.emitNavigation('will-navigate', electronUrl)
  ) {
    return route.abort('aborted');
  }
  const handler = protocolState.handlers.get(new URL(electronUrl).protocol.slice(0, -1));
  if (!handler) {
    hosted.refusedRequests.push(electronUrl);
    return route.abort('internetdisconnected');
  }
  const requestHeaders = await request.allHeaders();
  const response = await handler(new Request(electronUrl, { method: request.method(), headers: requestHeaders }));
  const headers = Object.fromEntries(response.headers);
  hosted.served.push({
    url: electronUrl,
    status: response.status,
    headers,
    requestHeaders,
    navigation: request.isNavigationRequest(),
  });
  const target = redirectTarget(response, electronUrl);
  if (target !== undefined) {
    if (request.isNavigationRequest() && !hosted.contents.emitNavigation('will-redirect', target))
      return route.abort('aborted');
    headers.location = toPageUrl(target);
  }
  await route.fulfill({ status: response.status, headers, body: Buffer.from(await response.arrayBuffer()) });
}

/** window.open in the page asks the main process's handler; denied, it returns null as in Electron. */
function windowOpenShim(): void {
  const host = globalThis as unknown as {
    standInWindowOpen(url: string, name: string, features: string): Promise<void>;
    location: Location;
  };
  window.open = (url?: string | URL, target?: string, features?: string) => {
    void host.standInWindowOpen(new URL(String(url ?? ''), host.location.href).href, target ?? '', features ?? '');
    return null;
  };
}

/** Opens a page for a webContents in the given browser context and makes it the webContents' renderer. */
export async function hostWebContents(context: BrowserContext, contents: StandInWebContents): Promise<HostedPage> {
  // The preload runs before the page (once per process here: its module is the same for every window).
  const preload = contents.webPreferences.preload;
  if (typeof preload === 'string') await import(preload);
  const page = await context.newPage();
  const hosted: HostedPage = { page, contents, served: [], refusedRequests: [], allowedWindowOpens: [] };
  const loads = new Set<string>();
  const openWindow = (url: string, name = '', features = '') => {
    const response = contents.requestWindowOpen(toElectronUrl(url), name, features);
    if (response.action === 'allow') hosted.allowedWindowOpens.push(url);
    return response;
  };
  await page.exposeBinding('standInWindowOpen', (_source, url: string, name: string, features: string) => {
    openWindow(url, name, features);
  });
  await page.addInitScript(windowOpenShim);
  // Links with target=_blank open a popup without window.open: ask the same handler, close it when denied.
  page.on('popup', (popup) => {
    if (openWindow(popup.url()).action === 'deny') void popup.close();
  });
  await connectPageBridge(page, contents);
  await page.route('**/*', (route, request) => answer(hosted, loads, route, request));
  contents.host = {
    load: async (url) => {
      const pageUrl = toPageUrl(url);
      loads.add(pageUrl);
      await page.goto(pageUrl);
    },
    close: () => page.close(),
    currentUrl: () => toElectronUrl(page.url()),
  };
  return hosted;
}
