import { test as base } from '@playwright/test';
import { startBrowserMode, makeDataDir, type BrowserModeApp } from '../support/browser-mode';
import { applySeed, type Seed } from '../support/seed';

/** Each test gets its own backend and temporary data folder, seeded first when the test sets `seed`; the demo call only with `demo: true`. */
export const test = base.extend<{ seed: Seed | null; demo: boolean; app: BrowserModeApp }>({
  seed: [null, { option: true }],
  demo: [false, { option: true }],
  app: async ({ seed, demo }, use) => {
    const dataDir = makeDataDir();
    if (seed) applySeed(dataDir, seed);
    const app = await startBrowserMode(dataDir, { demo });
    await use(app);
    await app.stop();
  },
});

export { expect } from '@playwright/test';
