import { protocol } from 'electron';
import { contentSecurityPolicy } from '../server/content-security-policy';
import { readStaticFile } from '../server/static-files';

export const appScheme = 'app';

/** Must run before `app.ready`: our scheme behaves like https (secure origin, fetch, media streaming). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
  ]);
}

/** Serves the built renderer from `app://klankbord/`, never from file://, with the app's CSP. */
export function handleAppProtocol(rendererDir: string): void {
  protocol.handle(appScheme, async (request) => {
    const url = new URL(request.url);
    if (url.host !== 'klankbord') return new Response('Not found', { status: 404 });
    const isDocument = url.pathname === '/' || !url.pathname.includes('.');
    const file = await readStaticFile(rendererDir, isDocument ? '/index.html' : url.pathname);
    if (!file) return new Response('Not found', { status: 404 });
    return new Response(new Uint8Array(file.body), {
      headers: {
        'Content-Type': file.contentType,
        'Content-Security-Policy': contentSecurityPolicy,
        'X-Content-Type-Options': 'nosniff',
      },
    });
  });
}
