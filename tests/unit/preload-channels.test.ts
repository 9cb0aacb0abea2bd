import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ipcChannels } from '../../src/contract/transport';

describe('preload', () => {
  // The sandboxed preload repeats the channel names instead of importing them; keep the copies equal.
  it('uses the contract channel names', () => {
    const source = readFileSync(resolve(__dirname, '../../src/preload/index.ts'), 'utf8');
    expect(source).toContain(`'${ipcChannels.invoke}'`);
    expect(source).toContain(`'${ipcChannels.event}'`);
  });

  it('imports nothing at run time but electron', () => {
    const source = readFileSync(resolve(__dirname, '../../src/preload/index.ts'), 'utf8');
    const runtimeImports = [...source.matchAll(/^import (?!type )[^;]*from '([^']+)'/gm)].map((match) => match[1]);
    expect(runtimeImports).toEqual(['electron']);
  });
});
