import { describe, expect, it } from 'vitest';
import { shellState } from '../../tests/desktop/electron-stand-in/app';
import { isAppUrl, openExternalIfAllowed } from './security';

describe('isAppUrl', () => {
  it('knows why origin cannot be used: a non-http scheme has the origin "null"', () => {
    expect(new URL('app://klankbord/').origin).toBe('null');
  });

  it.each([
    'app://klankbord/',
    'app://klankbord',
    'app://klankbord/calls/42?tab=review#moment-3',
    'app://klankbord/media/audio/abc',
    'APP://KLANKBORD/',
  ])('accepts the app’s own page %s', (url) => {
    expect(isAppUrl(url)).toBe(true);
  });

  it.each([
    'app://other/',
    'app://klankbord.evil/',
    'app://klankbord:8080/',
    'app://user:secret@klankbord/',
    'app://evil.klankbord/',
    'https://klankbord/',
    'https://example.com/',
    'http://127.0.0.1:41234/',
    'file:///etc/passwd',
    'file://klankbord/index.html',
    'data:text/html,<h1>hi</h1>',
    'javascript:alert(1)',
    'about:blank',
    'devtools://devtools/bundled/inspector.html',
    '',
    'not a url',
  ])('refuses %s', (url) => {
    expect(isAppUrl(url)).toBe(false);
  });
});

describe('openExternalIfAllowed', () => {
  it.each(['https://github.com/klankbord', 'https://www.electronjs.org/docs/latest/tutorial/security'])(
    'opens %s in the system browser',
    (url) => {
      const before = shellState.openedExternally.length;
      expect(openExternalIfAllowed(url)).toBe(true);
      expect(shellState.openedExternally.slice(before)).toEqual([url]);
    },
  );

  it.each([
    'http://github.com/',
    'https://github.com.evil.example/',
    'https://evil.example/github.com',
    'file:///etc/passwd',
    'smb://server/share',
    'javascript:alert(1)',
    'app://klankbord/',
    'not a url',
  ])('refuses %s', (url) => {
    const before = shellState.openedExternally.length;
    expect(openExternalIfAllowed(url)).toBe(false);
    expect(shellState.openedExternally.length).toBe(before);
  });
});
