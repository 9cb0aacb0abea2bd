import { Readable } from 'node:stream';
import { protocol } from 'electron';
import type { Backend } from '../server/backend';
import { contentSecurityPolicy } from '../server/content-security-policy';
import { mediaResponse } from '../server/media';
import { readStaticFile } from '../server/static-files';

export const appScheme = 'app';

/** Sent with every response of the scheme: documents, assets, media and errors alike. */
const securityHeaders = {
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
} as const;

/** Must run before `app.ready`: our scheme behaves like https (secure origin, fetch, media streaming). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
  ]);
}

function notFound(): Response {
  return new Response('Not found', {
    status: 404,
    headers: { ...securityHeaders, 'Content-Type': 'text/plain; charset=utf-8' },
  });
}

/**
 * The handler of `app://klankbord/`: the built renderer (never file://) and audio, peaks and exports under `/media/`
 * with Range support (protocol.handle does not do Range for us).
 */
export function appProtocolHandler(rendererDir: string, backend: Backend): (request: Request) => Promise<Response> {
  return async (request) => {
    const url = new URL(request.url);
    if (url.host !== 'klankbord') return notFound();
    if (url.pathname.startsWith('/media/')) {
      const media = await mediaResponse(backend, url.pathname, request.headers.get('range'));
      const body = media.body?.();
      const stream =
        body === undefined
          ? null
          : Buffer.isBuffer(body)
            ? new Uint8Array(body)
            : (Readable.toWeb(body) as ReadableStream<Uint8Array>);
      return new Response(stream, { status: media.status, headers: { ...media.headers, ...securityHeaders } });
    }
    const isDocument = url.pathname === '/' || !url.pathname.includes('.');
    const file = await readStaticFile(rendererDir, isDocument ? '/index.html' : url.pathname);
    if (!file) return notFound();
    return new Response(new Uint8Array(file.body), {
      headers: { 'Content-Type': file.contentType, ...securityHeaders },
    });
  };
}

export function handleAppProtocol(rendererDir: string, backend: Backend): void {
  protocol.handle(appScheme, appProtocolHandler(rendererDir, backend));
}
