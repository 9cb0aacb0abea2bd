import { existsSync } from 'node:fs';
import type { LaunchOptions } from '@playwright/test';

/** Debian's Chromium (never a downloaded browser), headless, with audio allowed to start without a gesture. */
export const chromiumExecutable = process.env.KLANKBORD_CHROMIUM ?? '/usr/bin/chromium';

if (!existsSync(chromiumExecutable)) {
  throw new Error(
    `Chromium not found at ${chromiumExecutable}: install it with "apt-get install -y chromium" (or set KLANKBORD_CHROMIUM).`,
  );
}

export const chromiumLaunchOptions: LaunchOptions = {
  executablePath: chromiumExecutable,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
    '--autoplay-policy=no-user-gesture-required',
  ],
};
