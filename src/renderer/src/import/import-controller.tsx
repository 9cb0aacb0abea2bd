import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../contract/errors';
import type { ImportSource, ImportSummary } from '../../../contract/imports';
import { ErrorPanel } from '../shell/error-panel';
import { useTransport } from '../transport/transport-context';
import { ImportSummaryPanel } from './import-summary';

interface Progress {
  readonly jobId: string | null;
  readonly current: number;
  readonly total: number;
  readonly fileName: string;
  readonly phase: 'staging' | 'importing';
}

/**
 * One import job at a time: staging dropped or chosen files, starting the import, its progress events, and the
 * summary when it finishes.
 */
function useImportJob() {
  const transport = useTransport();
  const jobRef = useRef<string | null>(null);
  // A quick job can finish before the start reply arrives: keep summaries of not-yet-known jobs.
  const earlySummaries = useRef(new Map<string, ImportSummary>());
  const [progress, setProgress] = useState<Progress | null>(null);
  const [summary, setSummary] = useState<ImportSummary | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  const importSources = useCallback(
    async (sources: readonly ImportSource[]) => {
      const started = await transport.invoke('imports.start', { sources: [...sources] });
      if (!started.ok) {
        setProgress(null);
        setError(started.error);
        return;
      }
      const early = earlySummaries.current.get(started.value.jobId);
      earlySummaries.current.clear();
      if (early) {
        setProgress(null);
        setSummary(early);
        return;
      }
      jobRef.current = started.value.jobId;
      setProgress({ jobId: started.value.jobId, current: 0, total: sources.length, fileName: '', phase: 'importing' });
    },
    [transport],
  );

  const importFiles = useCallback(
    async (files: File[]) => {
      if (files.length === 0) return;
      setSummary(null);
      setError(null);
      const sources: ImportSource[] = [];
      for (const [index, file] of files.entries()) {
        setProgress({ jobId: null, current: index + 1, total: files.length, fileName: file.name, phase: 'staging' });
        const staged = await transport.stageFile(file);
        if (!staged.ok) {
          setProgress(null);
          setError(staged.error);
          return;
        }
        sources.push(staged.value);
      }
      await importSources(sources);
    },
    [transport, importSources],
  );

  useEffect(() => {
    const stops = [
      transport.subscribe('imports.progress', (payload) => {
        if (payload.jobId === jobRef.current) setProgress({ ...payload, phase: 'importing' });
      }),
      transport.subscribe('imports.finished', (payload) => {
        if (payload.jobId !== jobRef.current) {
          earlySummaries.current.set(payload.jobId, payload);
          return;
        }
        jobRef.current = null;
        setProgress(null);
        setSummary(payload);
      }),
    ];
    return () => stops.forEach((stop) => stop());
  }, [transport]);
  return { progress, summary, setSummary, error, setError, importSources, importFiles };
}

/** Ctrl/Cmd+O opens the import dialog; files dragged over the window show the drop overlay and import on drop. */
function useWindowImportTriggers(
  chooseFiles: () => void,
  importFiles: (files: File[]) => Promise<void>,
  setDragging: (dragging: boolean) => void,
): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'o') {
        event.preventDefault();
        chooseFiles();
      }
    };
    const hasFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;
    const onDragOver = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      setDragging(true);
    };
    const onDragLeave = (event: DragEvent) => {
      if (event.relatedTarget === null) setDragging(false);
    };
    const onDrop = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      setDragging(false);
      void importFiles([...(event.dataTransfer?.files ?? [])]);
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('dragleave', onDragLeave);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('dragleave', onDragLeave);
      window.removeEventListener('drop', onDrop);
    };
  }, [importFiles, chooseFiles, setDragging]);
}

/** Determinate progress of staging or importing, with cancel while importing. */
function ImportProgress({ progress, onCancel }: { progress: Progress; onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="import-panel" role="status" aria-live="polite">
      <div className="import-panel-row">
        <strong>{progress.phase === 'staging' ? t('import.preparing') : t('import.importing')}</strong>
        <span>{t('import.fileOf', { current: progress.current, total: progress.total })}</span>
      </div>
      <progress max={progress.total} value={progress.current} aria-label={t('import.progress')} />
      <div className="import-panel-row">
        <span className="muted import-file-name">{progress.fileName}</span>
        {progress.phase === 'importing' && (
          <button type="button" className="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        )}
      </div>
    </div>
  );
}

/**
 * Imports from anywhere in the window: files dropped on it, or chosen with the import dialog (button or
 * Ctrl/Cmd+O). Shows determinate progress with cancel, then a summary that lists every refused file and why.
 */
export function ImportController({ openRequest }: { openRequest: number }) {
  const { t } = useTranslation();
  const transport = useTransport();
  const inputRef = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const { progress, summary, setSummary, error, setError, importSources, importFiles } = useImportJob();

  // The desktop app asks the main process's open dialog (it grants the chosen paths); a browser uses the file input.
  const chooseFiles = useCallback(() => {
    if (!transport.chooseFiles) return inputRef.current?.click();
    void transport.chooseFiles('import').then((chosen) => {
      if (!chosen.ok) return setError(chosen.error);
      if (chosen.value.length === 0) return;
      setSummary(null);
      setError(null);
      return importSources(chosen.value);
    });
  }, [transport, importSources, setError, setSummary]);

  useEffect(() => {
    if (openRequest > 0) chooseFiles();
  }, [openRequest, chooseFiles]);

  useWindowImportTriggers(chooseFiles, importFiles, setDragging);

  const cancel = () => {
    if (progress?.jobId) void transport.invoke('imports.cancel', { jobId: progress.jobId });
  };

  return (
    <>
      <input
        ref={inputRef}
        type="file"
        multiple
        hidden
        data-testid="import-input"
        accept="audio/*,.wav,.mp3,.ogg,.opus,.flac,.m4a,.webm,.vtt,.srt,.json"
        onChange={(event) => {
          void importFiles([...(event.target.files ?? [])]);
          event.target.value = '';
        }}
      />
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          <p>{t('import.dropHere')}</p>
        </div>
      )}
      {progress && <ImportProgress progress={progress} onCancel={cancel} />}
      {error && (
        <div className="import-panel">
          <ErrorPanel error={error} />
          <button type="button" className="button" onClick={() => setError(null)}>
            {t('common.close')}
          </button>
        </div>
      )}
      {summary && <ImportSummaryPanel summary={summary} onClose={() => setSummary(null)} />}
    </>
  );
}
