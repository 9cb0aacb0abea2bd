import { useCallback, useState } from 'react';
import type { AppError, Result } from '../../../contract/errors';
import { downloadExport } from './download-export';

/**
 * Runs an export call (the backend writes the file) and downloads what it wrote; keeps the last failure for display.
 */
export function useExportDownload() {
  const [error, setError] = useState<AppError | null>(null);
  const run = useCallback(async (exporting: Promise<Result<{ exportId: string; fileName: string }>>) => {
    const result = await exporting;
    if (result.ok) {
      setError(null);
      downloadExport(result.value.exportId, result.value.fileName);
    } else setError(result.error);
  }, []);
  return { run, error, setError };
}
