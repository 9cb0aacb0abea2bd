import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../tests/unit/temp-dir';
import { listCalls } from './calls-repository';
import { configureConnection } from './connection';
import { DatabaseTooNewError, latestSchemaVersion, migrate, migrations, type Migration } from './migrations';

const tempDir = useTempDirs();

describe('migrations', () => {
  it('are numbered in increasing order from 1', () => {
    // Versions are handed out per change before they merge, so the list may have a gap until they all have.
    const versions = migrations.map((m) => m.version);
    expect(versions[0]).toBe(1);
    versions.slice(1).forEach((version, index) => expect(version).toBeGreaterThan(versions[index]!));
    expect(latestSchemaVersion).toBe(versions.at(-1));
  });

  it('migration 1 creates calls, reviews and preferences, and data survives re-running migrate', () => {
    const file = join(tempDir(), 'db.sqlite');
    const db = new Database(file);
    expect(migrate(db, migrations, 1)).toBe(1);
    // Rows are written with the SQL of that version: repository code follows the latest schema.
    db.prepare(
      "INSERT INTO calls (id, title, agent_name, recorded_at, duration_ms, created_at_ms) VALUES ('c1', 'Retour', 'Sanne', '2026-01-02T10:00:00Z', 61000, 1)",
    ).run();
    db.prepare("INSERT INTO reviews VALUES ('r1', 'c1', 'rev', 'draft', 1, 1)").run();
    db.prepare("INSERT INTO preferences VALUES ('language', 'en')").run();
    db.close();

    const reopened = new Database(file);
    expect(migrate(reopened)).toBe(latestSchemaVersion);
    expect(listCalls(reopened)).toEqual([
      expect.objectContaining({
        id: 'c1',
        title: 'Retour',
        agentName: 'Sanne',
        durationMs: 61_000,
        reviewStatus: 'draft',
        reviewCount: 1,
      }),
    ]);
    expect(reopened.prepare('SELECT value FROM preferences').pluck().get()).toBe('en');
    reopened.close();
  });

  it('migration 2 keeps existing calls and adds audio, peaks and transcripts', () => {
    const db = new Database(':memory:');
    migrate(db, migrations, 1);
    db.prepare("INSERT INTO calls (id, title, created_at_ms) VALUES ('old', 'Van voor de audio', 1)").run();
    migrate(db, migrations, 2);
    expect(db.prepare('SELECT id, title, audio_id, agent_channel FROM calls').all()).toEqual([
      { id: 'old', title: 'Van voor de audio', audio_id: null, agent_channel: 0 },
    ]);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['audio_files', 'audio_peaks', 'transcripts']));
    expect(() => db.prepare("UPDATE calls SET agent_channel = 2 WHERE id = 'old'").run()).toThrow(/CHECK/);
  });

  it('migration 3 keeps placeholder reviews, adds rubrics, answers, moments and audit, and guards published rubrics', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, migrations, 2);
    db.prepare("INSERT INTO calls (id, title, created_at_ms) VALUES ('c1', 'Oud gesprek', 1)").run();
    db.prepare("INSERT INTO reviews VALUES ('r-old', 'c1', 'someone', 'draft', 5, 6)").run();
    migrate(db, migrations, 3);
    expect(
      db
        .prepare(
          'SELECT id, call_id, reviewer_id, rubric_id, status, comment, created_at_ms, updated_at_ms FROM reviews',
        )
        .all(),
    ).toEqual([
      {
        id: 'r-old',
        call_id: 'c1',
        reviewer_id: 'someone',
        rubric_id: null,
        status: 'draft',
        comment: '',
        created_at_ms: 5,
        updated_at_ms: 6,
      },
    ]);
    db.prepare("INSERT INTO rubrics VALUES ('rb', 1, 'published', '{}', 1, 1)").run();
    db.prepare(
      "INSERT INTO reviews (id, call_id, reviewer_id, rubric_id, rubric_version, status, created_at_ms, updated_at_ms) VALUES ('r1', 'c1', 'me', 'rb', 1, 'draft', 1, 1)",
    ).run();
    expect(() => db.prepare("UPDATE rubrics SET body_json = '{\"x\":1}' WHERE id = 'rb'").run()).toThrow(
      /never changes/,
    );
    expect(() => db.prepare("DELETE FROM rubrics WHERE id = 'rb'").run()).toThrow(/never removed/);
    expect(() =>
      db
        .prepare(
          "INSERT INTO reviews (id, call_id, reviewer_id, rubric_id, rubric_version, status, created_at_ms, updated_at_ms) VALUES ('r2', 'c1', 'me', 'nope', 1, 'draft', 1, 1)",
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
    db.prepare(
      "INSERT INTO review_answers (review_id, item_id, answer, level, updated_at_ms) VALUES ('r1', '1.1', 'level', 2, 1)",
    ).run();
    expect(() =>
      db
        .prepare(
          "INSERT INTO review_answers (review_id, item_id, answer, level, updated_at_ms) VALUES ('r1', '1.2', 'yes', 2, 1)",
        )
        .run(),
    ).toThrow(/CHECK/);
    expect(() =>
      db
        .prepare(
          "INSERT INTO moments (id, review_id, start_ms, end_ms, type, speaker, polarity, created_at_ms, updated_at_ms) VALUES ('m', 'r1', 5, 5, 'free-note', 'agent', 'neutral', 1, 1)",
        )
        .run(),
    ).toThrow(/CHECK/);
    // Deleting the call removes its reviews and everything in them.
    db.prepare(
      "INSERT INTO review_audit (review_id, at_ms, reviewer_id, action) VALUES ('r1', 1, 'me', 'created')",
    ).run();
    db.prepare("DELETE FROM calls WHERE id = 'c1'").run();
    expect(
      db
        .prepare(
          'SELECT (SELECT count(*) FROM reviews) + (SELECT count(*) FROM review_answers) + (SELECT count(*) FROM review_audit)',
        )
        .pluck()
        .get(),
    ).toBe(0);
  });

  it('tables are STRICT: a text duration is refused', () => {
    const db = new Database(':memory:');
    migrate(db);
    expect(() =>
      db.prepare("INSERT INTO calls (id, title, duration_ms, created_at_ms) VALUES ('x', 't', 'long', 1)").run(),
    ).toThrow(/cannot store TEXT/);
  });

  it('refuses a database newer than the app and leaves it untouched', () => {
    const db = new Database(':memory:');
    db.pragma('user_version = 999');
    expect(() => migrate(db)).toThrow(DatabaseTooNewError);
    expect(db.pragma('user_version', { simple: true })).toBe(999);
  });

  it('runs each migration in its own transaction: a failing one leaves the previous version intact', () => {
    const db = new Database(':memory:');
    const broken: Migration[] = [
      ...migrations,
      {
        version: latestSchemaVersion + 1,
        name: 'broken',
        up: (d) => {
          d.exec('CREATE TABLE half (x INTEGER) STRICT');
          throw new Error('boom');
        },
      },
    ];
    expect(() => migrate(db, broken)).toThrow('boom');
    expect(db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'half'").pluck().get()).toBe(0);
  });

  it('reads the schema version inside each transaction: a process that migrated meanwhile is not migrated twice', () => {
    const file = join(tempDir(), 'k.db');
    const first = new Database(file);
    const second = new Database(file);
    configureConnection(first);
    configureConnection(second);
    // Another process starts on the same database and migrates it right after this one has looked at the version
    // outside a transaction: the decision to run a migration must not rest on that look.
    const pragma = first.pragma.bind(first);
    let raced = false;
    first.pragma = ((source: string, options?: Database.PragmaOptions) => {
      const result = pragma(source, options);
      if (!raced && source === 'user_version' && !first.inTransaction) {
        raced = true;
        migrate(second);
      }
      return result;
    }) as typeof first.pragma;
    expect(migrate(first)).toBe(latestSchemaVersion);
    expect(raced).toBe(true);
    expect(second.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
    first.close();
    second.close();
  });
});
