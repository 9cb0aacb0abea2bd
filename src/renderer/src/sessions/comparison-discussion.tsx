import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../contract/errors';
import type { SessionComparison } from '../../../contract/sessions';
import { useTransport } from '../transport/transport-context';

/** The discussion of a call in a session: the notes so far and a field to add one. */
export function ComparisonDiscussion({
  sessionId,
  callId,
  notes,
  onAdded,
  onError,
}: {
  sessionId: string;
  callId: string;
  notes: SessionComparison['notes'];
  onAdded: () => void;
  onError: (error: AppError) => void;
}) {
  const { t } = useTranslation();
  const transport = useTransport();
  const [note, setNote] = useState('');
  const addNote = async () => {
    const result = await transport.invoke('sessions.addNote', { sessionId, callId, text: note });
    if (result.ok) {
      setNote('');
      onAdded();
    } else onError(result.error);
  };
  return (
    <section className="discussion" aria-labelledby="discussion-title">
      <h3 id="discussion-title">{t('sessions.comparison.notes')}</h3>
      <ol data-testid="discussion-notes">
        {notes.map((entry, index) => (
          <li key={index}>
            <strong>{entry.authorName}</strong>
            {entry.itemId ? ` (${entry.itemId})` : ''}: {entry.text}
          </li>
        ))}
      </ol>
      <form
        className="note-form"
        onSubmit={(event) => {
          event.preventDefault();
          void addNote();
        }}
      >
        <label>
          <span className="visually-hidden">{t('sessions.comparison.note')}</span>
          <textarea
            rows={2}
            value={note}
            maxLength={5000}
            onChange={(event) => setNote(event.target.value)}
            placeholder={t('sessions.comparison.note')}
          />
        </label>
        <button type="submit" className="button" disabled={note.trim() === ''}>
          {t('sessions.comparison.addNote')}
        </button>
      </form>
    </section>
  );
}
