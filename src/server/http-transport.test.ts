import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { useTempDirs } from '../../tests/unit/temp-dir';
import { createBackend, type Backend } from './backend';
import { documentCookieName, secretHeader, startHttpTransport, type RunningHttpTransport } from './http-transport';

const tempDir = useTempDirs();
const running: { server: RunningHttpTransport; backend: Backend }[] = [];

afterEach(async () => {
  for (const { server, backend } of running.splice(0)) {
    await server.close();
    backend.close();
  }
});

async function start(allowPathSources = false) {
  const dataDir = tempDir();
  const rendererDir = join(tempDir(), 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<html><head></head><body>app</body></html>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  // A file right next to the renderer folder: a path traversal would reach it.
  writeFileSync(join(rendererDir, '..', 'outside.txt'), 'private');
  const backend = createBackend({ dataDir, checkOutputs: true, allowPathSources });
  const server = await startHttpTransport({ backend, rendererDir });
  running.push({ server, backend });
  return { server, backend, base: `http://127.0.0.1:${server.port}` };
}

/** Raw request, so we control the Host header and the path (fetch normalises both). */
function rawGet(port: number, path: string, headers: Record<string, string>): Promise<number> {
  return rawRequest(port, path, headers).then((response) => response.status);
}

function rawRequest(
  port: number,
  path: string,
  headers: Record<string, string>,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** The response headers of a raw request (fetch would normalise the path). */
function rawRequestHeaders(port: number, path: string): Promise<Record<string, string | undefined>> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { host: `127.0.0.1:${port}` } }, (res) => {
      res.resume();
      resolve({ location: res.headers.location });
    });
    req.on('error', reject);
    req.end();
  });
}

describe('browser-mode HTTP transport', () => {
  it('binds to loopback only', async () => {
    const { server } = await start();
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?secret=/);
  });

  it('refuses API calls without the secret, or with a wrong one', async () => {
    const { base } = await start();
    const body = JSON.stringify({ method: 'calls.list', input: {} });
    expect((await fetch(`${base}/api/invoke`, { method: 'POST', body })).status).toBe(403);
    expect(
      (await fetch(`${base}/api/invoke`, { method: 'POST', body, headers: { [secretHeader]: 'wrong' } })).status,
    ).toBe(403);
    expect((await fetch(`${base}/api/events`)).status).toBe(403);
  });

  it('refuses the API with only the cookie (the cookie is for documents, assets and media)', async () => {
    const { base, server } = await start();
    const response = await fetch(`${base}/api/invoke`, {
      method: 'POST',
      body: JSON.stringify({ method: 'calls.list', input: {} }),
      headers: { cookie: `${documentCookieName(server.port)}=${server.documentToken}` },
    });
    expect(response.status).toBe(403);
  });

  it('keeps the API secret out of the cookie and the page: a cookie seen by another local server opens no API', async () => {
    const { base, server } = await start();
    const first = await fetch(server.url, { redirect: 'manual' });
    const cookie = first.headers.get('set-cookie') ?? '';
    // Named after the port, so two servers on one host do not overwrite each other's cookie.
    expect(cookie.startsWith(`${documentCookieName(server.port)}=`)).toBe(true);
    expect(cookie).not.toContain(server.secret);
    const token = cookie.split(';')[0]!.split('=')[1]!;
    expect(token).toBe(server.documentToken);
    expect(token).not.toBe(server.secret);
    const page = await fetch(`${base}/`, { headers: { cookie: cookie.split(';')[0]! } });
    expect(page.status).toBe(200);
    expect(await page.text()).not.toContain(server.secret);
    // The old cookie name carrying the secret itself opens nothing.
    expect((await fetch(`${base}/`, { headers: { cookie: `klankbord_secret=${server.secret}` } })).status).toBe(403);
    // Another port's cookie opens nothing here.
    expect(
      (
        await fetch(`${base}/`, {
          headers: { cookie: `${documentCookieName(server.port + 1)}=${server.documentToken}` },
        })
      ).status,
    ).toBe(403);
  });

  it('redirects only to its own root, whatever the path that carried the secret', async () => {
    const { server } = await start();
    for (const path of ['/.//evil.example/', '//evil.example/', '/..//evil.example', '/\\evil.example/', '/calls/x']) {
      const response = await fetch(`http://127.0.0.1:${server.port}${path}?secret=${server.secret}`, {
        redirect: 'manual',
      });
      expect(response.status).toBe(303);
      const location = response.headers.get('location') ?? '';
      expect(location).toBe(`/#secret=${encodeURIComponent(server.secret)}`);
      expect(new URL(location, `http://127.0.0.1:${server.port}/`).origin).toBe(`http://127.0.0.1:${server.port}`);
    }
    const raw = await rawRequestHeaders(server.port, `/.//evil.example/?secret=${server.secret}`);
    expect(raw.location?.startsWith('/#')).toBe(true);
  });

  it('answers API calls that carry the secret, and malformed bodies with error values', async () => {
    const { base, server } = await start();
    const headers = { [secretHeader]: server.secret, 'content-type': 'application/json' };
    const list = await fetch(`${base}/api/invoke`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ method: 'calls.list', input: {} }),
    });
    expect(await list.json()).toEqual({ ok: true, value: [] });
    const broken = await fetch(`${base}/api/invoke`, { method: 'POST', headers, body: '{not json' });
    expect(broken.status).toBe(400);
    expect(await broken.json()).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const huge = await fetch(`${base}/api/invoke`, { method: 'POST', headers, body: 'x'.repeat(2 * 1024 * 1024) });
    expect(huge.status).toBe(413);
    const unknown = await fetch(`${base}/api/invoke`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ method: 'fs.read', input: {} }),
    });
    expect(await unknown.json()).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
  });

  it('trades the URL secret for an HttpOnly SameSite=Strict cookie, then serves the page', async () => {
    const { base, server } = await start();
    expect((await fetch(`${base}/`)).status).toBe(403);
    const first = await fetch(server.url, { redirect: 'manual' });
    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toBe(`/#secret=${encodeURIComponent(server.secret)}`);
    const cookie = first.headers.get('set-cookie') ?? '';
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    const page = await fetch(`${base}/`, { headers: { cookie: cookie.split(';')[0]! } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await page.text()).toContain('app');
    const asset = await fetch(`${base}/assets/app.js`, { headers: { cookie: cookie.split(';')[0]! } });
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cross-origin-resource-policy')).toBe('same-origin');
  });

  it('refuses requests addressed to another host name (DNS rebinding)', async () => {
    const { server } = await start();
    expect(await rawGet(server.port, '/', { host: `evil.example:${server.port}`, [secretHeader]: server.secret })).toBe(
      421,
    );
    expect(await rawGet(server.port, '/', { host: `localhost:${server.port}`, [secretHeader]: server.secret })).toBe(
      200,
    );
  });

  it('does not serve files outside the renderer folder', async () => {
    const { server } = await start();
    for (const path of [
      '/../outside.txt',
      '/../../outside.txt',
      '/%2e%2e/%2e%2e/outside.txt',
      '/assets/..%2f..%2foutside.txt',
      '/assets/%2e%2e%5c%2e%2e%5coutside.txt',
      '/%00',
    ]) {
      const response = await rawRequest(server.port, path, {
        host: `127.0.0.1:${server.port}`,
        [secretHeader]: server.secret,
      });
      expect(response.body).not.toContain('private');
    }
  });

  it('serves audio with Range support and peaks as binary, by opaque id only', async () => {
    const { base, server, backend } = await start(true);
    const fixture = join(__dirname, '../../tests/fixtures/audio/tone-stereo-8k.wav');
    await backend.dispatch('imports.start', { sources: [{ kind: 'path', path: fixture }] });
    await backend.idle();
    const detail = (await backend.dispatch('calls.list', {})) as { ok: true; value: { id: string }[] };
    const call = (await backend.dispatch('calls.get', { callId: detail.value[0]!.id })) as {
      ok: true;
      value: { audio: { id: string; channels: number; durationMs: number; pairsPerSecond: number } };
    };
    const audio = call.value.audio;
    const cookie = { cookie: `${documentCookieName(server.port)}=${server.documentToken}` };
    const whole = await fetch(`${base}/media/audio/${audio.id}`, { headers: cookie });
    expect(whole.status).toBe(200);
    expect(whole.headers.get('accept-ranges')).toBe('bytes');
    expect(Number(whole.headers.get('content-length'))).toBe(readFileSync(fixture).length);
    const part = await fetch(`${base}/media/audio/${audio.id}`, { headers: { ...cookie, range: 'bytes=100-199' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 100-199/${readFileSync(fixture).length}`);
    expect(Buffer.from(await part.arrayBuffer()).equals(readFileSync(fixture).subarray(100, 200))).toBe(true);
    expect(
      (await fetch(`${base}/media/audio/${audio.id}`, { headers: { ...cookie, range: 'bytes=999999-' } })).status,
    ).toBe(416);
    const peaks = await fetch(`${base}/media/peaks/${audio.id}`, { headers: cookie });
    expect((await peaks.arrayBuffer()).byteLength).toBe(
      audio.channels * (audio.durationMs / 1000) * audio.pairsPerSecond * 2 * 2,
    );
    expect((await fetch(`${base}/media/audio/${audio.id}`)).status).toBe(403);
    expect((await fetch(`${base}/media/audio/..%2f..%2fklankbord.db`, { headers: cookie })).status).toBe(404);
  });

  it('imports uploaded files; path sources are refused in browser mode', async () => {
    const { base, server, backend } = await start(false);
    const headers = { [secretHeader]: server.secret };
    const bytes = readFileSync(join(__dirname, '../../tests/fixtures/audio/tone-mulaw-8k.wav'));
    const upload = await fetch(`${base}/api/upload?name=${encodeURIComponent('klacht 1.wav')}`, {
      method: 'POST',
      headers,
      body: bytes,
    });
    const staged = (await upload.json()) as { ok: true; value: { kind: 'staged'; stagedId: string; name: string } };
    expect(staged.value).toMatchObject({ kind: 'staged', name: 'klacht 1.wav' });
    const refused = await backend.dispatch('imports.start', { sources: [{ kind: 'path', path: '/etc/passwd' }] });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await backend.dispatch('imports.start', { sources: [staged.value] })).toMatchObject({ ok: true });
    await backend.idle();
    expect(await backend.dispatch('calls.list', {})).toMatchObject({
      ok: true,
      value: [{ title: 'klacht 1', durationMs: 500 }],
    });
    expect(readdirSync(backend.stagingDir)).toEqual([]);
  });

  it('streams pushed events to subscribers', async () => {
    const { base, server, backend } = await start();
    const response = await fetch(`${base}/api/events`, { headers: { [secretHeader]: server.secret } });
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    await reader.read(); // ": connected"
    backend.events.emit('calls.changed', {});
    let text = '';
    while (!text.includes('\n\n')) text += (await reader.read()).value ?? '';
    expect(text).toContain('data: {"name":"calls.changed","payload":{}}');
    await reader.cancel();
  });
});
