import { readFileSync } from 'node:fs';
import { defaultKeyProvider } from '../../src/server/encryption/data-key';
import { isSealedHead, openSealedBytes } from '../../src/server/encryption/sealed-format';

/**
 * The content of a file stored in a test's data folder: decrypted with the key file of the test's config folder
 * when the folder is encrypted (the default); empty when it cannot be decrypted (a damaged file).
 */
export function storedPlaintext(path: string): Buffer {
  const bytes = readFileSync(path);
  if (!isSealedHead(bytes)) return bytes;
  const key = defaultKeyProvider().obtain({ create: false, salt: Buffer.alloc(0), fits: () => true });
  try {
    return key ? openSealedBytes(key, bytes) : Buffer.alloc(0);
  } catch {
    return Buffer.alloc(0);
  }
}
