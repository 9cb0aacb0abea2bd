import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(() => cleanup());

// happy-dom does no layout: give elements a size so virtualized lists render their visible rows.
for (const [property, size] of [
  ['offsetHeight', 800],
  ['clientHeight', 800],
  ['offsetWidth', 1200],
  ['clientWidth', 1200],
] as const) {
  Object.defineProperty(HTMLElement.prototype, property, { configurable: true, get: () => size });
}
