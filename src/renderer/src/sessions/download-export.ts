/** Downloads a file the backend wrote for export, by its opaque id (never a path). */
export function downloadExport(exportId: string, fileName: string): void {
  const link = document.createElement('a');
  link.href = `/media/exports/${exportId}`;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
}
