import { afterEach, describe, expect, it, vi } from 'vitest';
import { followTheme } from './apply-theme';

/** An OS colour-scheme query that the test can switch. */
function fakeOsScheme(dark: boolean) {
  const listeners = new Set<() => void>();
  const query = {
    get matches() {
      return dark;
    },
    addEventListener: (_type: string, listener: () => void) => listeners.add(listener),
    removeEventListener: (_type: string, listener: () => void) => listeners.delete(listener),
  };
  vi.spyOn(window, 'matchMedia').mockReturnValue(query as unknown as MediaQueryList);
  return {
    switchTo(next: boolean) {
      dark = next;
      for (const listener of listeners) listener();
    },
    listening: () => listeners.size,
  };
}

describe('followTheme', () => {
  afterEach(() => vi.restoreAllMocks());

  it('shows the OS palette for the system theme and follows it as it changes', () => {
    const os = fakeOsScheme(true);
    const stop = followTheme('system');
    expect(document.documentElement.dataset.theme).toBe('dark');
    os.switchTo(false);
    expect(document.documentElement.dataset.theme).toBe('light');
    stop();
    expect(os.listening()).toBe(0);
  });

  it("keeps the user's choice whatever the OS does", () => {
    const os = fakeOsScheme(true);
    followTheme('light');
    expect(document.documentElement.dataset.theme).toBe('light');
    os.switchTo(true);
    expect(document.documentElement.dataset.theme).toBe('light');
  });
});
