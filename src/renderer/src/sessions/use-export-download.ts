import { useCallback, useState } from 'react';
import type { AppError, Result } from '../../../contract/errors';
import { useTransport } from '../transport/transport-context';
import { downloadExport } from './download-export';

/**
 * Runs an export call (the backend writes the file) and offers what it wrote: the desktop app's save dialog, or a
 * download in a browser; keeps the last failure for display.
 */
export function useExportDownload() {
  const transport = useTransport();
  const [error, setError] = useState<AppError | null>(null);
  const run = useCallback(
    async (exporting: Promise<Result<{ exportId: string; fileName: string }>>) => {
      const result = await exporting;
      if (!result.ok) return setError(result.error);
      setError(null);
      if (!transport.saveExport) return downloadExport(result.value.exportId, result.value.fileName);
      const saved = await transport.saveExport(result.value.exportId);
      if (!saved.ok) setError(saved.error);
    },
    [transport],
  );
  return { run, error, setError };
}
