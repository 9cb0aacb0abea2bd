import { describe, expect, it } from 'vitest';
import { isAppUrl } from './security';

describe('isAppUrl', () => {
  it('knows why origin cannot be used: a non-http scheme has the origin "null"', () => {
    expect(new URL('app://klankbord/').origin).toBe('null');
  });

  it.each(['app://klankbord/', 'app://klankbord', 'app://klankbord/calls/42?tab=review#moment-3', 'app://klankbord/media/audio/abc', 'APP://KLANKBORD/'])(
    'accepts the app’s own page %s',
    (url) => {
      expect(isAppUrl(url)).toBe(true);
    },
  );

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
