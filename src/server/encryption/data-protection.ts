import type { DataProtection } from '../../contract/diagnostics';
import type { EncryptionState } from './backend-encryption';
import { diskEncryption } from './disk-encryption';

/** What Settings and the diagnostics report about encryption at rest: Klankbord's own, and the disk's. */
export async function dataProtection(dataDir: string, state: EncryptionState): Promise<DataProtection> {
  const disk = await diskEncryption(dataDir);
  return {
    filesEncrypted: state.encrypted,
    keyOrigin: state.keyOrigin,
    upgrade: state.upgrade,
    disk: disk.state,
    diskMethod: disk.method,
  };
}
