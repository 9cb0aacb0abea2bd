import { Readable } from 'node:stream';
import { protocol } from 'electron';
import { contentSecurityPolicy } from '../server/content-security-policy';
import { mediaResponse, type MediaFiles, type MediaResponse } from '../server/media';
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

/** A media answer, or 503 when the backend process is not there to look the file up (it stopped). */
async function mediaOrUnavailable(media: MediaFiles, pathname: string, range: string | null): Promise<MediaResponse> {
  try {
    return await mediaResponse(media, pathname, range);
  } catch {
    return { status: 503, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Retry-After': '1' } };
  }
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
export function appProtocolHandler(rendererDir: string, media: MediaFiles): (request: Request) => Promise<Response> {
  return async (request) => {
    const url = new URL(request.url);
    if (url.host !== 'klankbord') return notFound();
    if (url.pathname.startsWith('/media/')) {
      const answer = await mediaOrUnavailable(media, url.pathname, request.headers.get('range'));
      const body = await answer.body?.();
      const stream =
        body === undefined
          ? null
          : Buffer.isBuffer(body)
            ? new Uint8Array(body)
            : (Readable.toWeb(body) as ReadableStream<Uint8Array>);
      return new Response(stream, { status: answer.status, headers: { ...answer.headers, ...securityHeaders } });
    }
    const isDocument = url.pathname === '/' || !url.pathname.includes('.');
    const file = await readStaticFile(rendererDir, isDocument ? '/index.html' : url.pathname);
    if (!file) return notFound();
    return new Response(new Uint8Array(file.body), {
      headers: { 'Content-Type': file.contentType, ...securityHeaders },
    });
  };
}

export function handleAppProtocol(rendererDir: string, media: MediaFiles): void {
  protocol.handle(appScheme, appProtocolHandler(rendererDir, media));
}
