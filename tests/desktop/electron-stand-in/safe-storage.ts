// safeStorage of the stand-in: wraps strings reversibly with a fixed mask (a real credential store is out of reach
// in tests), so the main process's key handling runs as it would in Electron. Harness: `available` switches it off.
const mask = Buffer.from('klankbord-stand-in-credential-store');
const prefix = Buffer.from('STANDIN1');

function xor(bytes: Buffer): Buffer {
  return Buffer.from(bytes.map((byte, index) => byte ^ mask[index % mask.length]!));
}

export const safeStorage = {
  available: true,
  isEncryptionAvailable(): boolean {
    return this.available;
  },
  getSelectedStorageBackend(): 'gnome_libsecret' | 'basic_text' {
    return this.available ? 'gnome_libsecret' : 'basic_text';
  },
  encryptString(plain: string): Buffer {
    if (!this.available) throw new Error('Encryption is not available');
    return Buffer.concat([prefix, xor(Buffer.from(plain, 'utf8'))]);
  },
  decryptString(wrapped: Buffer): string {
    if (!wrapped.subarray(0, prefix.length).equals(prefix)) throw new Error('Error while decrypting the ciphertext');
    return xor(wrapped.subarray(prefix.length)).toString('utf8');
  },
};
