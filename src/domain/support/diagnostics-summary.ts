// The plain-text diagnostics summary a user pastes into a support request (always in English: support reads it).

export interface DiagnosticsFacts {
  readonly version: string;
  readonly runtime: {
    readonly node: string;
    readonly electron: string | null;
    readonly chrome: string | null;
    readonly platform: string;
    readonly arch: string;
    readonly osRelease: string;
  };
  readonly dataDir: string;
  readonly databaseFile: string;
  readonly schemaVersion: number;
  readonly logFile: string;
  readonly dataProtection?: {
    readonly filesEncrypted: boolean;
    readonly keyOrigin: string | null;
    readonly disk: string;
    readonly diskMethod: string | null;
  };
  readonly recentErrors: readonly {
    readonly time: string;
    readonly process: string;
    readonly version: string;
    readonly message: string;
  }[];
}

/** What only the page knows: its browser, and when the summary was made. */
export interface PageFacts {
  readonly userAgent: string;
  readonly generatedAt: string;
}

export function diagnosticsSummary(facts: DiagnosticsFacts, page: PageFacts): string {
  const { runtime } = facts;
  const shell = runtime.electron ? `Electron ${runtime.electron} (Chromium ${runtime.chrome ?? '?'})` : 'browser mode';
  const lines = [
    `Klankbord ${facts.version} diagnostics, ${page.generatedAt}`,
    `Runs as: ${shell}, Node ${runtime.node}, ${runtime.platform} ${runtime.osRelease} ${runtime.arch}`,
    `Page: ${page.userAgent}`,
    `Data folder: ${facts.dataDir}`,
    `Database: ${facts.databaseFile} (schema ${facts.schemaVersion})`,
    `Log file: ${facts.logFile}`,
  ];
  const protection = facts.dataProtection;
  if (protection)
    lines.push(
      `Encryption at rest: files ${protection.filesEncrypted ? `encrypted (key: ${protection.keyOrigin ?? '?'})` : 'not encrypted'}, disk ${protection.disk} (${protection.diskMethod ?? '?'})`,
    );
  lines.push('');
  if (facts.recentErrors.length === 0) lines.push('Recent errors: none');
  else {
    lines.push(`Recent errors (${facts.recentErrors.length}, oldest first):`);
    for (const entry of facts.recentErrors)
      lines.push(`${entry.time} [${entry.process}] v${entry.version} ${entry.message}`);
  }
  return `${lines.join('\n')}\n`;
}
