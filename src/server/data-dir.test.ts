import { describe, expect, it } from 'vitest';
import { dataDirFlag, platformDataDir, resolveDataDir } from './data-dir';

describe('data folder', () => {
  it('follows the platform convention (the same folder Electron uses for userData)', () => {
    expect(platformDataDir('linux', {}, '/home/ann')).toBe('/home/ann/.config/Klankbord');
    expect(platformDataDir('linux', { XDG_CONFIG_HOME: '/x' }, '/home/ann')).toBe('/x/Klankbord');
    expect(platformDataDir('darwin', {}, '/Users/ann')).toBe('/Users/ann/Library/Application Support/Klankbord');
    expect(platformDataDir('win32', { APPDATA: 'C:\\Users\\ann\\AppData\\Roaming' }, 'C:\\Users\\ann')).toContain(
      'Klankbord',
    );
  });

  it('prefers --data-dir, then KLANKBORD_DATA_DIR, then the platform folder', () => {
    expect(dataDirFlag(['node', 'x', '--data-dir', '/a'])).toBe('/a');
    expect(dataDirFlag(['--data-dir=/b'])).toBe('/b');
    expect(resolveDataDir(['--data-dir', '/a'], { KLANKBORD_DATA_DIR: '/env' }, () => '/platform')).toBe('/a');
    expect(resolveDataDir([], { KLANKBORD_DATA_DIR: '/env' }, () => '/platform')).toBe('/env');
    expect(resolveDataDir([], { KLANKBORD_DATA_DIR: '  ' }, () => '/platform')).toBe('/platform');
  });
});
