export function findElectron(): { binary: string; reason?: undefined } | { binary: null; reason: string };
export function ensureElectronSqliteBinding(projectRoot: string): string;
