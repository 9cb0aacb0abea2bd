import { useRef, useState } from 'react';
import type { AppError } from '../../../contract/errors';
import type { ImportSource } from '../../../contract/imports';
import type { PackageImportResult } from '../../../contract/packages';
import { useTransport } from '../transport/transport-context';

/**
 * Importing a package (a session, reviews, a team invitation): from the desktop app's open dialog, or from a page's
 * file input in a browser; keeps what was imported, or why not, for display.
 */
export function usePackageImport(onImported: () => void) {
  const transport = useTransport();
  const fileInputRef = useRef<HTMLInputElement>(null);
  const [imported, setImported] = useState<PackageImportResult | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  const importSource = async (source: ImportSource) => {
    const result = await transport.invoke('packages.import', { source });
    if (result.ok) {
      setError(null);
      setImported(result.value);
      onImported();
    } else setError(result.error);
  };
  const importPackage = async (file: File) => {
    setImported(null);
    const staged = await transport.stageFile(file);
    if (!staged.ok) return setError(staged.error);
    await importSource(staged.value);
  };
  // The desktop app asks the main process's open dialog; a browser uses the page's file input.
  const choosePackage = async () => {
    if (!transport.chooseFiles) return fileInputRef.current?.click();
    setImported(null);
    const chosen = await transport.chooseFiles('package');
    if (!chosen.ok) return setError(chosen.error);
    const [source] = chosen.value;
    if (source) await importSource(source);
  };
  return { fileInputRef, imported, error, importPackage, choosePackage };
}
