// The packaged app's Electron fuses, read from the packaging config that electron-builder uses.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');

function readRecord(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`${what} is not a mapping`);
  return value as Record<string, unknown>;
}

const config = readRecord(load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')), 'electron-builder.yml');
const fuses = readRecord(config.electronFuses, 'electronFuses');

describe('electron fuses in electron-builder.yml', () => {
  it.each([
    ['runAsNode', false],
    ['enableNodeOptionsEnvironmentVariable', false],
    ['enableNodeCliInspectArguments', false],
    ['enableEmbeddedAsarIntegrityValidation', true],
    ['onlyLoadAppFromAsar', true],
    ['enableCookieEncryption', true],
    ['grantFileProtocolExtraPrivileges', false],
  ])('%s is %s', (fuse, expected) => {
    expect(fuses[fuse]).toBe(expected);
  });

  it('names only fuses that electron-builder knows (a misspelt fuse would be ignored silently)', () => {
    const scheme = readRecord(
      JSON.parse(readFileSync(join(root, 'node_modules/app-builder-lib/scheme.json'), 'utf8')),
      'scheme',
    );
    const known = Object.keys(
      readRecord(
        readRecord(readRecord(scheme.definitions, 'definitions').FuseOptionsV1, 'FuseOptionsV1').properties,
        'properties',
      ),
    );
    expect(known).toContain('runAsNode');
    expect(Object.keys(fuses).filter((name) => !known.includes(name))).toEqual([]);
  });

  it('packs the app into an asar archive, which the asar fuses rely on', () => {
    expect(config.asar).not.toBe(false);
  });
});
