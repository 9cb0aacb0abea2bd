import { describe, expect, it } from 'vitest';
import { sqliteBindingOverride } from './native-binding';

describe('sqliteBindingOverride', () => {
  const env = { KLANKBORD_SQLITE_BINDING: '/tmp/evil/better_sqlite3.node' };

  it('is ignored in a packaged app', () => {
    expect(sqliteBindingOverride(env, true)).toBeUndefined();
  });

  it('is used in development (npm start builds the binding for Electron and passes it this way)', () => {
    expect(sqliteBindingOverride(env, false)).toBe('/tmp/evil/better_sqlite3.node');
  });

  it.each([{}, { KLANKBORD_SQLITE_BINDING: '' }, { KLANKBORD_SQLITE_BINDING: '   ' }])(
    'means the bundled binding when unset or blank (%o)',
    (empty) => {
      expect(sqliteBindingOverride(empty, false)).toBeUndefined();
    },
  );
});
