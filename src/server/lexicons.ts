import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseLexicon, type Lexicon } from '../domain/signals/lexicon';

/** Where the shipped lexicons live (editable JSON, one file per language): the source tree (development, the
 *  CLI, the built bundle in out/) or, in the packaged app, its resources folder (electron-builder.yml). */
function findLexiconsDir(): string {
  const inTree = resolve(__dirname, '../../resources/lexicons');
  const packaged = (process as { resourcesPath?: string }).resourcesPath;
  return existsSync(inTree) || !packaged ? inTree : join(packaged, 'lexicons');
}

export const lexiconsDir = findLexiconsDir();

/** Reads every lexicon file in a folder; a broken file throws with its name and what is wrong (a shipping bug). */
export function loadLexicons(dir = lexiconsDir): Lexicon[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => {
      const parsed = parseLexicon(JSON.parse(readFileSync(join(dir, name), 'utf8')));
      if (!parsed.ok) throw new Error(`lexicon ${name}: ${parsed.detail}`);
      return parsed.lexicon;
    });
}

/** The lexicons for a transcript's language ("nl-NL" → nl), or all of them when it states none or an unknown one. */
export function lexiconsFor(lexicons: readonly Lexicon[], language: string | null): readonly Lexicon[] {
  const base = language?.toLowerCase().split(/[-_]/)[0];
  const matching = lexicons.filter((lexicon) => lexicon.language === base);
  return matching.length > 0 ? matching : lexicons;
}
