import type { Migration } from './migration';

/** Schema version 5: a package key per session reviewer. Shipped: never edit, add a new version. */
export const schemaVersion5: Migration = {
  version: 5,
  name: 'a package key per session reviewer',
  up: (db) => {
    // The key that signs a reviewer's review packages: the lead's machine holds one per reviewer (made when their
    // session package is first exported), a reviewer's machine holds its own (from that package).
    db.exec(`
      ALTER TABLE session_reviewers ADD COLUMN package_key TEXT CHECK (package_key IS NULL OR package_key GLOB '[0-9a-f]*' AND length(package_key) = 64);
    `);
  },
};
