// Proves that SQL stays in src/storage: a prepared statement linted as if it lived in another layer fails, in
// storage it passes.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureLinter as eslint, projectRoot } from './fixture-linter';

const query =
  "import type Database from 'better-sqlite3';\nexport const count = (db: Database.Database) => db.prepare('SELECT count(*) FROM calls').pluck().get();\n";

async function storageRuleMessages(filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(query, { filePath: resolve(projectRoot, filePath) });
  expect(result?.messages.filter((message) => message.fatal)).toEqual([]);
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === 'no-restricted-syntax')
    .map((message) => message.message);
}

describe('SQL only in storage', () => {
  it.each(['src/services/fixture.ts', 'src/server/fixture.ts', 'src/server/export/fixture.ts', 'src/main/fixture.ts'])(
    '%s: a prepared statement is an error',
    async (filePath) => {
      expect(await storageRuleMessages(filePath)).toEqual([
        'SQL belongs in src/storage: call a repository function instead.',
      ]);
    },
  );

  it('src/storage: a prepared statement passes', async () => {
    expect(await storageRuleMessages('src/storage/fixture.ts')).toEqual([]);
  });
});
