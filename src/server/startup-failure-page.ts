// Browser mode when the backend cannot start: a page that says why, in the browser's language, instead of the app.
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import {
  acceptedLanguages,
  describeStartupFailure,
  pickStartupLanguage,
  type StartupFailure,
  type StartupLanguage,
} from './startup-failure';

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] ?? char,
  );

const pageStyle =
  'body{font-family:system-ui,sans-serif;line-height:1.5;margin:0;padding:2rem}main{max-width:40rem;margin:0 auto}';
// The one inline style is allowed by its hash; nothing else may load or run.
const pagePolicy = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(pageStyle).digest('base64')}'`,
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The whole page: no scripts, one inline style, nothing to load. */
export function startupFailureHtml(failure: StartupFailure, language: StartupLanguage): string {
  const { title, message, detail } = describeStartupFailure(failure, language);
  return `<!doctype html>
<html lang="${language}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title><style>${pageStyle}</style></head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(message)}</p>
<p><small>${escapeHtml(detail)}</small></p>
</main>
</body>
</html>
`;
}

export interface RunningFailurePage {
  readonly url: string;
  close(): Promise<void>;
}

/** Serves the failure page on 127.0.0.1 for every path (503), to loopback Host names only (DNS rebinding). */
export async function serveStartupFailurePage(failure: StartupFailure, port: number): Promise<RunningFailurePage> {
  let boundPort = port;
  const server: Server = createServer((request, response) => {
    const host = request.headers.host ?? '';
    if (host !== `127.0.0.1:${boundPort}` && host !== `localhost:${boundPort}`) {
      response.writeHead(421, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Wrong host');
      return;
    }
    const language = pickStartupLanguage(acceptedLanguages(request.headers['accept-language']));
    response.writeHead(503, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Language': language,
      'Content-Security-Policy': pagePolicy,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
      Vary: 'Accept-Language',
    });
    response.end(request.method === 'HEAD' ? undefined : startupFailureHtml(failure, language));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  boundPort = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://127.0.0.1:${boundPort}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
