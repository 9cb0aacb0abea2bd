// Proves the layer table is enforced: deliberate violations, linted as if they lived in each layer, fail.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureLinter as eslint, projectRoot } from './fixture-linter';

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(projectRoot, filePath) });
  expect(result?.messages.filter((m) => m.fatal)).toEqual([]);
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports')
    .map((m) => m.message);
}

describe('layer import rules', () => {
  it.each([
    ['src/domain/fixture.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n"],
    ['src/domain/fixture.ts', "import { useState } from 'react';\nexport const x = useState;\n"],
    ['src/domain/fixture.ts', "import { methods } from '../contract/methods';\nexport const x = methods;\n"],
    ['src/domain/fixture.ts', "import i18next from 'i18next';\nexport const x = i18next;\n"],
    ['src/i18n/fixture.ts', "import { locales } from '../domain/rubric/localized-text';\nexport const x = locales;\n"],
    ['src/contract/fixture.ts', "import { translate } from '../i18n/translate';\nexport const x = translate;\n"],
    ['src/contract/fixture.ts', "import Database from 'better-sqlite3';\nexport const x = Database;\n"],
    ['src/storage/fixture.ts', "import { methods } from '../contract/methods';\nexport const x = methods;\n"],
    ['src/services/fixture.ts', "import Database from 'better-sqlite3';\nexport const x = new Database(':memory:');\n"],
    [
      'src/renderer/src/fixture.ts',
      "import { openDatabase } from '../../storage/connection';\nexport const x = openDatabase;\n",
    ],
    ['src/renderer/src/fixture.ts', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n"],
    ['src/renderer/src/fixture.ts', "import { readFile } from 'node:fs/promises';\nexport const x = readFile;\n"],
    ['src/preload/fixture.ts', "import { methods } from '../contract/methods';\nexport const x = methods;\n"],
    ['src/main/fixture.ts', "import { openDatabase } from '../storage/connection';\nexport const x = openDatabase;\n"],
    [
      'src/renderer/src/call/fixture.tsx',
      "import { ReviewWorkspace } from '../review/review-workspace';\nexport const x = ReviewWorkspace;\n",
    ],
    [
      'src/renderer/src/review/fixture.tsx',
      "import { CallScreen } from '../screens/call-screen';\nexport const x = CallScreen;\n",
    ],
    ['src/renderer/src/call/fixture.tsx', "import { readFile } from 'node:fs/promises';\nexport const x = readFile;\n"],
  ])('%s: forbidden import is an error', async (filePath, code) => {
    expect(await restrictedImports(filePath, code)).not.toEqual([]);
  });

  it.each([
    ['src/domain/fixture.ts', "import { formatDuration } from './duration';\nexport const x = formatDuration;\n"],
    ['src/domain/fixture.ts', "import { translate } from '../i18n/translate';\nexport const x = translate;\n"],
    ['src/server/fixture.ts', "import { translate } from '../i18n/translate';\nexport const x = translate;\n"],
    [
      'src/contract/fixture.ts',
      "import { z } from 'zod';\nimport { callReviewStatuses } from '../domain/call';\nexport const x = z.enum(callReviewStatuses);\n",
    ],
    ['src/services/fixture.ts', "import type Database from 'better-sqlite3';\nexport type X = Database.Database;\n"],
    ['src/preload/fixture.ts', "import type { RawBridge } from '../contract/transport';\nexport type X = RawBridge;\n"],
    ['src/main/fixture.ts', "import { createBackend } from '../server/backend';\nexport const x = createBackend;\n"],
    [
      'src/renderer/src/screens/fixture.tsx',
      "import { ReviewWorkspace } from '../review/review-workspace';\nexport const x = ReviewWorkspace;\n",
    ],
    [
      'src/renderer/src/review/fixture.tsx',
      "import { CallWorkspace } from '../call/call-workspace';\nexport const x = CallWorkspace;\n",
    ],
  ])('%s: allowed import passes', async (filePath, code) => {
    expect(await restrictedImports(filePath, code)).toEqual([]);
  });
});
