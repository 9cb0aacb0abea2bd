import { z } from 'zod';

/** An error the renderer caught (window error, unhandled rejection, a crashed screen), written to the app log. */
export const rendererErrorSchema = z
  .object({
    kind: z.enum(['error', 'unhandledrejection', 'render']),
    message: z.string().max(2_000),
    stack: z.string().max(20_000).optional(),
    /** The page's address without its query (browser mode puts a secret there). */
    page: z.string().max(500).optional(),
  })
  .strict();
export type RendererError = z.infer<typeof rendererErrorSchema>;

export const loggedErrorSchema = z.object({
  time: z.string(),
  process: z.string(),
  version: z.string(),
  message: z.string(),
});

/** Encryption at rest: the data folder's files (Klankbord's own) and the disk under it (the operating system's). */
export const dataProtectionSchema = z.object({
  filesEncrypted: z.boolean(),
  keyOrigin: z.enum(['safe-storage', 'key-file', 'passphrase']).nullable(),
  /** The upgrade of a folder from before encryption, while or after it ran in this session. */
  upgrade: z.object({ done: z.number().int(), total: z.number().int(), finished: z.boolean() }).nullable(),
  disk: z.enum(['encrypted', 'not_encrypted', 'unknown']),
  diskMethod: z.string().nullable(),
});
export type DataProtection = z.infer<typeof dataProtectionSchema>;

/** What support needs to know: versions, where the data and the log are, the newest errors of every process. */
export const diagnosticsSchema = z.object({
  version: z.string(),
  runtime: z.object({
    node: z.string(),
    electron: z.string().nullable(),
    chrome: z.string().nullable(),
    platform: z.string(),
    arch: z.string(),
    osRelease: z.string(),
  }),
  dataDir: z.string(),
  databaseFile: z.string(),
  schemaVersion: z.number().int(),
  logFile: z.string(),
  recentErrors: z.array(loggedErrorSchema),
  dataProtection: dataProtectionSchema.optional(),
});
export type Diagnostics = z.infer<typeof diagnosticsSchema>;
