import { randomBytes, timingSafeEqual } from 'node:crypto';
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { AddressInfo } from 'node:net';
import { fail } from '../contract/errors';
import type { Backend } from './backend';
import { contentSecurityPolicy } from './content-security-policy';
import { mediaResponse } from './media';
import { readStaticFile } from './static-files';

export const secretHeader = 'x-klankbord-secret';
export const secretQuery = 'secret';
/** The page reads the API secret from this fragment parameter; fragments never reach a server. */
export const secretFragment = 'secret';

/** The cookie's name carries the port: browsers send cookies to every port of a host, and two servers must not clash. */
export function documentCookieName(port: number): string {
  return `klankbord_documents_${port}`;
}
const maxBodyBytes = 1024 * 1024;
/** Uploads (browser-mode import) up to the import's own audio limit. */
const maxUploadBytes = 4 * 1024 ** 3;

export interface HttpTransportOptions {
  readonly backend: Backend;
  /** The built renderer (out/renderer). */
  readonly rendererDir: string;
  /** 0 picks a free port. */
  readonly port?: number;
  readonly secret?: string;
}

export interface RunningHttpTransport {
  readonly port: number;
  readonly secret: string;
  /** Opens documents, assets and media (never the API); the browser holds it in a per-port cookie. */
  readonly documentToken: string;
  /** The URL to open: it carries the secret once, which the server trades for a cookie. */
  readonly url: string;
  close(): Promise<void>;
}

/** Makes a fresh per-run secret. */
export function createSecret(): string {
  return randomBytes(32).toString('base64url');
}

function sameSecret(candidate: string | undefined, secret: string): boolean {
  if (!candidate) return false;
  const a = Buffer.from(candidate);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookieValue(request: IncomingMessage, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

function setCommonHeaders(response: ServerResponse): void {
  response.setHeader('Content-Security-Policy', contentSecurityPolicy);
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('Referrer-Policy', 'no-referrer');
  response.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  // Other local pages may not embed our scripts, media or data.
  response.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  response.setHeader('X-Frame-Options', 'DENY');
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  response.end(JSON.stringify(body));
}

function refuse(response: ServerResponse, status: number, message: string): void {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  response.end(message);
}

async function readBody(request: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > maxBodyBytes) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The browser-mode transport: HTTP on 127.0.0.1 only. API calls need the per-run secret in a header (which other
 * origins cannot send without a CORS preflight we never grant). Documents, assets and media need a second per-run
 * token in a SameSite=Strict, HttpOnly cookie named after the port, which the first visit obtains from the
 * `?secret=` in the printed URL. Browsers send a host's cookies to every port on it, so another local server may
 * see that cookie: it opens no API, and the page it opens does not contain the API secret (the redirect hands the
 * secret to the page in the URL fragment, which the page keeps in session storage and removes from the address).
 * Requests whose Host is not our loopback address are refused (DNS rebinding).
 */
export async function startHttpTransport(options: HttpTransportOptions): Promise<RunningHttpTransport> {
  const secret = options.secret ?? createSecret();
  const documentToken = createSecret();
  const streams = new Set<ServerResponse>();
  let port = 0;

  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      console.error('request failed', error);
      if (!response.headersSent) refuse(response, 500, 'Internal error');
      else response.destroy();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    setCommonHeaders(response);
    const host = request.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return refuse(response, 421, 'Wrong host');
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);
    const headerSecret = request.headers[secretHeader];
    const viaHeader = sameSecret(Array.isArray(headerSecret) ? headerSecret[0] : headerSecret, secret);

    if (url.pathname.startsWith('/api/')) {
      if (!viaHeader) return refuse(response, 403, 'Missing or wrong secret');
      if (url.pathname === '/api/invoke' && request.method === 'POST')
        return invoke(options.backend, request, response);
      if (url.pathname === '/api/events' && request.method === 'GET')
        return openEventStream(options.backend, streams, request, response);
      if (url.pathname === '/api/upload' && request.method === 'POST')
        return upload(options.backend, request, response, url);
      return refuse(response, 404, 'Not found');
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(response, 405, 'Method not allowed');

    const querySecret = url.searchParams.get(secretQuery) ?? undefined;
    if (sameSecret(querySecret, secret)) {
      // Trade the URL secret for the document cookie; the page gets the secret in the fragment. Always to our own
      // root: a path such as `/.//evil.example/` would otherwise become a protocol-relative Location off-site.
      response.writeHead(303, {
        'Set-Cookie': `${documentCookieName(port)}=${documentToken}; HttpOnly; SameSite=Strict; Path=/`,
        Location: `/#${secretFragment}=${encodeURIComponent(secret)}`,
        'Cache-Control': 'no-store',
      });
      return void response.end();
    }
    if (!viaHeader && !sameSecret(cookieValue(request, documentCookieName(port)), documentToken)) {
      return refuse(response, 403, 'Open Klankbord with the URL printed at start-up (it carries a per-run secret).');
    }
    if (url.pathname.startsWith('/media/')) return serveMedia(options.backend, request, response, url.pathname);
    return serveStatic(options.rendererDir, url.pathname, response);
  }

  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolvePromise());
  });
  port = (server.address() as AddressInfo).port;
  return {
    port,
    secret,
    documentToken,
    url: `http://127.0.0.1:${port}/?${secretQuery}=${secret}`,
    close: () =>
      new Promise<void>((resolvePromise) => {
        for (const stream of streams) stream.end();
        server.close(() => resolvePromise());
        server.closeAllConnections();
      }),
  };
}

async function serveMedia(
  backend: Backend,
  request: IncomingMessage,
  response: ServerResponse,
  pathname: string,
): Promise<void> {
  const media = await mediaResponse(backend, pathname, request.headers.range);
  response.writeHead(media.status, media.headers);
  if (!media.body || request.method === 'HEAD') return void response.end();
  const body = await Promise.resolve()
    .then(() => media.body?.())
    .catch(() => undefined);
  if (!body) return void response.destroy();
  if (Buffer.isBuffer(body)) return void response.end(body);
  await pipeline(body, response).catch(() => undefined); // the player often aborts a range it no longer needs
}

/** Streams one uploaded file into the staging folder; the import then refers to it by id. */
async function upload(backend: Backend, request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
  const name = (url.searchParams.get('name') ?? '').split(/[\\/]/).pop()?.slice(0, 255) ?? '';
  if (!name) return sendJson(response, 400, fail('invalid_input', 'Missing file name'));
  const declared = Number(request.headers['content-length'] ?? '0');
  if (declared > maxUploadBytes) return sendJson(response, 413, fail('invalid_input', 'File too large'));
  const stagedId = randomUUID();
  const target = join(backend.stagingDir, stagedId);
  let received = 0;
  request.on('data', (chunk: Buffer) => {
    received += chunk.length;
    if (received > maxUploadBytes) request.destroy(new Error('too large'));
  });
  try {
    await pipeline(request, createWriteStream(target, { flags: 'wx' }));
  } catch {
    await rm(target, { force: true });
    if (!response.headersSent) sendJson(response, 400, fail('invalid_input', 'Upload failed'));
    return;
  }
  sendJson(response, 200, { ok: true, value: { kind: 'staged', stagedId, name } });
}

async function invoke(backend: Backend, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const body = await readBody(request);
  if (body === null) return sendJson(response, 413, fail('invalid_input', 'Request too large'));
  let message: unknown;
  try {
    message = JSON.parse(body);
  } catch {
    return sendJson(response, 400, fail('invalid_input', 'Body is not JSON'));
  }
  const { method, input } = (typeof message === 'object' && message !== null ? message : {}) as {
    method?: unknown;
    input?: unknown;
  };
  sendJson(response, 200, await backend.dispatch(method, input));
}

/** A server-sent event stream of the backend's push events, with a heartbeat; `streams` holds it until it closes. */
function openEventStream(
  backend: Backend,
  streams: Set<ServerResponse>,
  request: IncomingMessage,
  response: ServerResponse,
): void {
  response.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
  });
  response.write(': connected\n\n');
  streams.add(response);
  const stop = backend.events.listen((event) => response.write(`data: ${JSON.stringify(event)}\n\n`));
  const heartbeat = setInterval(() => response.write(': keep-alive\n\n'), 15_000);
  request.on('close', () => {
    clearInterval(heartbeat);
    stop();
    streams.delete(response);
  });
}

async function serveStatic(rendererDir: string, pathname: string, response: ServerResponse): Promise<void> {
  const isDocument = pathname === '/' || pathname === '/index.html' || !pathname.includes('.');
  const file = await readStaticFile(rendererDir, isDocument ? '/index.html' : pathname);
  if (!file) return refuse(response, 404, isDocument ? 'The renderer is not built: run npm run build.' : 'Not found');
  if (isDocument) {
    response.writeHead(200, { 'Content-Type': file.contentType, 'Cache-Control': 'no-store' });
    return void response.end(file.body);
  }
  response.writeHead(200, { 'Content-Type': file.contentType, 'Cache-Control': 'no-cache' });
  response.end(file.body);
}
