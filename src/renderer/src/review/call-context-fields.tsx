import { useTranslation } from 'react-i18next';
import { negativeEmotions } from '../../../domain/moments/emotions';
import { customerStates, type CallContext } from '../../../domain/rubric/call-context';

/** The call's context as the reviewer judged it: the customer's state and emotion (they gate some items). */
export function CallContextFields({
  context,
  locked,
  gated,
  onChange,
}: {
  context: CallContext | null;
  locked: boolean;
  /** The rubric gates items on the context: say so under the fields. */
  gated: boolean;
  onChange: (context: CallContext) => void;
}) {
  const { t } = useTranslation();
  const change = (patch: Partial<CallContext>) =>
    onChange({ customerState: context?.customerState ?? 'neutral', emotion: context?.emotion ?? null, ...patch });
  return (
    <fieldset className="call-context" disabled={locked}>
      <legend>{t('review.context.title')}</legend>
      <div className="context-fields">
        <label>
          {t('review.context.state')}
          <select
            value={context?.customerState ?? ''}
            onChange={(event) => change({ customerState: event.target.value as CallContext['customerState'] })}
          >
            {!context && <option value="">—</option>}
            {customerStates.map((state) => (
              <option key={state} value={state}>
                {t(`review.context.states.${state}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('review.context.emotion')}
          <select
            value={context?.emotion ?? ''}
            onChange={(event) =>
              change({ emotion: event.target.value === '' ? null : (event.target.value as CallContext['emotion']) })
            }
          >
            <option value="">{t('review.context.noEmotion')}</option>
            {negativeEmotions.map((emotion) => (
              <option key={emotion} value={emotion}>
                {t(`emotions.${emotion}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {gated && <p className="muted small">{t('review.context.gateHint')}</p>}
    </fieldset>
  );
}
