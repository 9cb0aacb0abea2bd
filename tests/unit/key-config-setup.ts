import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Data folders are encrypted by default, with a key file in the user's config folder: tests never touch the real
// one. Every backend (and every process a test starts, which inherits the environment) uses a temporary folder.
process.env.KLANKBORD_CONFIG_DIR ??= mkdtempSync(join(tmpdir(), 'klankbord-keys-'));
