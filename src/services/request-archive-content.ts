import type Database from 'better-sqlite3';
import { localize } from '../domain/rubric/localized-text';
import type { ItemAnswer } from '../domain/scoring/answers';
import { formatDuration } from '../domain/duration';
import { speakerKey } from '../domain/transcript/speaker-roles';
import type { StoredTranscript } from '../storage/transcripts-repository';
import { listMoments } from '../storage/moments-repository';
import { listAnswers, listReviews } from '../storage/reviews-repository';
import { getRubric } from '../storage/rubrics-repository';
import { scoreOf } from './review-model';

type Language = 'nl' | 'en';

/** The transcript as given to the customer: the stored original (no masking: it is their own data), speakers by role. */
export function transcriptForArchive(
  transcript: StoredTranscript,
  redactedRanges: readonly { startMs: number; endMs: number }[],
) {
  return {
    language: transcript.language,
    sourceName: transcript.sourceName,
    segments: transcript.segments.map((segment) => ({
      label: segment.speaker,
      role: transcript.speakerRoles[speakerKey(segment)] ?? 'unknown',
      startMs: segment.startMs,
      endMs: segment.endMs,
      text: segment.text,
    })),
    /** The ranges hidden from reviewers inside Klankbord (shown here in full). */
    redactedRanges,
  };
}

/** The transcript as plain text, one turn a line: "[m:ss] speaker: text". */
export function transcriptText(transcript: ReturnType<typeof transcriptForArchive>): string {
  return transcript.segments
    .map((segment) => `[${formatDuration(segment.startMs)}] ${segment.label ?? segment.role}: ${segment.text}`)
    .join('\n');
}

const answerText = (answer: ItemAnswer | null): string | number | null => {
  if (answer === null) return null;
  if (answer.kind === 'level') return answer.value;
  return answer.kind;
};

/**
 * The reviews of a call: scores, answers, comments and moments. Reviewers are named by number only ("reviewer 1"):
 * the customer's copy of their data does not need to name the employees who assessed the call.
 */
export function reviewsForArchive(
  db: Database.Database,
  callId: string,
  folder: string,
  reviewerNumber: (reviewerId: string) => number,
  language: Language,
) {
  return listReviews(db, { callId }).map((review) => {
    const rubric = getRubric(db, review.rubricId, review.rubricVersion)?.rubric;
    const answers = listAnswers(db, review.id);
    const score = rubric ? scoreOf(rubric, review, answers) : undefined;
    const itemTitle = (itemId: string) =>
      rubric?.sections.flatMap((section) => section.items).find((item) => item.id === itemId)?.title;
    return {
      call: folder,
      reviewer: reviewerNumber(review.reviewerId),
      status: review.status,
      submittedAt: review.submittedAtMs === null ? null : new Date(review.submittedAtMs).toISOString(),
      rubric: rubric ? `${localize(rubric.name, language)} v${rubric.version}` : review.rubricId,
      total: score?.total ?? null,
      comment: review.comment,
      answers: answers.map((record) => {
        const title = itemTitle(record.itemId);
        return {
          item: record.itemId,
          title: title ? localize(title, language) : '',
          answer: answerText(record.answer),
          comment: record.comment,
        };
      }),
      moments: listMoments(db, review.id).map((moment) => ({
        startMs: moment.startMs,
        endMs: moment.endMs,
        type: moment.type,
        speaker: moment.speaker,
        polarity: moment.polarity,
        note: moment.note,
      })),
    };
  });
}

const csvCell = (value: string | number | null): string => {
  const text = value === null ? '' : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** One row per review (RFC 4180, UTF-8 with BOM so spreadsheets read the accents). */
export function reviewsCsv(reviews: ReturnType<typeof reviewsForArchive>, language: Language): string {
  const header =
    language === 'nl'
      ? ['gesprek', 'beoordelaar', 'status', 'ingediend', 'rubric', 'totaal', 'opmerking']
      : ['call', 'reviewer', 'status', 'submitted', 'rubric', 'total', 'comment'];
  const rows = reviews.map((review) =>
    [
      review.call,
      review.reviewer,
      review.status,
      review.submittedAt,
      review.rubric,
      review.total === null ? null : Math.round(review.total * 10) / 10,
      review.comment,
    ]
      .map(csvCell)
      .join(','),
  );
  return `\uFEFF${[header.join(','), ...rows].join('\r\n')}\r\n`;
}
