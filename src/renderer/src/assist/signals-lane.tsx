import { useTranslation } from 'react-i18next';
import type { CallSignals } from '../../../domain/signals/model';
import { formatTimeMs } from '../ui/format';

function place(startMs: number, endMs: number, durationMs: number): React.CSSProperties {
  const total = Math.max(1, durationMs);
  return { left: `${(startMs / total) * 100}%`, width: `max(3px, ${((endMs - startMs) / total) * 100}%)` };
}

/**
 * The call signals drawn under the waveform, on its time axis: overtalk (coloured by who started it) and silences
 * (dead air stronger). Each mark names itself in its tooltip; the figures are in the call header.
 */
export function SignalsLane({ signals, durationMs }: { signals: CallSignals; durationMs: number }) {
  const { t } = useTranslation();
  const span = (startMs: number, endMs: number) => ({ start: formatTimeMs(startMs), end: formatTimeMs(endMs) });
  return (
    <div className="signals-lane" role="group" aria-label={t('assist.lane.label')} data-testid="signals-lane">
      <div className="signals-row">
        {signals.silences.map((silence) => (
          <span
            key={`s${silence.startMs}`}
            className={`signal-mark signal-silence${silence.flagged ? ' signal-dead-air' : ''}`}
            data-testid="signal-silence"
            data-start-ms={silence.startMs}
            style={place(silence.startMs, silence.endMs, durationMs)}
            title={t(
              silence.flagged ? 'assist.lane.deadAir' : 'assist.lane.silence',
              span(silence.startMs, silence.endMs),
            )}
          />
        ))}
        {signals.overtalk.map((overtalk) => (
          <span
            key={`o${overtalk.startMs}`}
            className={`signal-mark signal-overtalk signal-by-${overtalk.startedBy}`}
            data-testid="signal-overtalk"
            data-start-ms={overtalk.startMs}
            style={place(overtalk.startMs, overtalk.endMs, durationMs)}
            title={t('assist.lane.overtalk', {
              who: t(`roles.${overtalk.startedBy}`),
              ...span(overtalk.startMs, overtalk.endMs),
            })}
          />
        ))}
      </div>
    </div>
  );
}
