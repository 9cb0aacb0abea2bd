import type Database from 'better-sqlite3';
import { ok } from '../contract/errors';
import { languages, themes, type Preferences } from '../contract/schemas';
import { readPreferences, writePreferences } from '../storage/preferences-repository';
import type { Handlers } from './handlers';
import { autoRedactCardNumbersKey } from './redaction-scan';

/** Reads preferences, ignoring stored values this version does not know (e.g. written by a newer app). */
function currentPreferences(db: Database.Database): Preferences {
  const stored = readPreferences(db);
  const language = languages.find((value) => value === stored.language) ?? null;
  const theme = themes.find((value) => value === stored.theme) ?? 'system';
  return {
    language,
    theme,
    singleKeyShortcuts: stored.singleKeyShortcuts !== 'off',
    ffmpegPath: stored.ffmpegPath ?? '',
    autoRedactCardNumbers: stored[autoRedactCardNumbersKey] === 'on',
  };
}

export const preferenceHandlers = {
  'preferences.get': (_input, context) => ok(currentPreferences(context.db)),
  'preferences.set': (input, context) => {
    const changes: Record<string, string | null> = {};
    if (input.language !== undefined) changes.language = input.language;
    if (input.theme !== undefined) changes.theme = input.theme;
    if (input.singleKeyShortcuts !== undefined) changes.singleKeyShortcuts = input.singleKeyShortcuts ? 'on' : 'off';
    if (input.ffmpegPath !== undefined)
      changes.ffmpegPath = input.ffmpegPath.trim() === '' ? null : input.ffmpegPath.trim();
    if (input.autoRedactCardNumbers !== undefined)
      changes[autoRedactCardNumbersKey] = input.autoRedactCardNumbers ? 'on' : 'off';
    writePreferences(context.db, changes);
    context.events.emit('preferences.changed', {});
    return ok(currentPreferences(context.db));
  },
} satisfies Partial<Handlers>;
