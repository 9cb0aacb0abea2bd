import { useTranslation } from 'react-i18next';
import type { TeamReport } from '../../../contract/team';
import { momentTypeInfo, momentTypes, type MomentType } from '../../../domain/moments/moment-types';
import { localize } from '../../../domain/rubric/localized-text';
import { formatTimeMs } from '../ui/format';
import { useLocale } from '../ui/use-locale';
import type { EvidenceMomentToPlay } from './use-evidence-player';

type Evidence = TeamReport['needs'][number]['evidence'][number];

const isMomentType = (type: string): type is MomentType => (momentTypes as readonly string[]).includes(type);

/** The moments behind one low score, each playable in place (its clip, ± 2 s). */
export function EvidenceMoments({
  entry,
  playingId,
  onToggle,
}: {
  entry: Evidence;
  /** The moment playing now, if any. */
  playingId: string | null;
  onToggle: (moment: EvidenceMomentToPlay) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (entry.moments.length === 0) return null;
  const { audioId } = entry;
  const playable = (moment: Evidence['moments'][number]) =>
    audioId !== null
      ? { audioId, offsetMs: 0 }
      : moment.clip
        ? { audioId: moment.clip.audioId, offsetMs: moment.clip.fromMs }
        : null;
  if (!entry.moments.some(playable)) return <p className="muted">{t('teamTools.momentsRemoved')}</p>;
  return (
    <ul className="team-evidence-moments">
      {entry.moments.map((moment) => {
        const type = isMomentType(moment.type) ? localize(momentTypeInfo[moment.type].label, locale) : moment.type;
        const playing = playingId === moment.momentId;
        const label = { type, from: formatTimeMs(moment.startMs), call: entry.callTitle };
        const source = playable(moment);
        if (!source)
          return (
            <li key={moment.momentId} className="muted">
              {formatTimeMs(moment.startMs)}–{formatTimeMs(moment.endMs)} {type}
            </li>
          );
        return (
          <li key={moment.momentId}>
            <button
              type="button"
              className="link-button"
              aria-pressed={playing}
              aria-label={t(playing ? 'teamTools.stopMoment' : 'teamTools.playMoment', label)}
              onClick={() => onToggle({ ...moment, ...source, redactedRanges: entry.redactedRanges })}
            >
              {playing ? '■' : '▶'} {formatTimeMs(moment.startMs)}–{formatTimeMs(moment.endMs)} {type}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
