/** Which reviews a score export holds; every given filter must match. An empty selection exports every review. */
export interface ScoreExportSelection {
  /** Exactly these reviews, in this order (a calibration session's reviews). */
  readonly reviewIds?: readonly string[];
  readonly callId?: string;
  readonly agentName?: string;
  readonly reviewerId?: string;
  /** On the review's last change, inclusive, as the review list filters (a submitted review's last change is its submission). */
  readonly fromMs?: number;
  readonly toMs?: number;
  /** Default: drafts and submitted reviews alike; the status column tells them apart. */
  readonly status?: 'draft' | 'submitted';
}
