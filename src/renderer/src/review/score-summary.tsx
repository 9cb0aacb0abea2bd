import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localize, type Locale } from '../../../domain/rubric/localized-text';
import type { Rubric } from '../../../domain/rubric/model';
import { formatScoreFormula, formatSectionFormula } from '../../../domain/scoring/score-formula';
import type { ScoreResult } from '../../../domain/scoring/score-review';
import { formatScore } from '../ui/format';

/** The live total and section scores, with the formula behind them on demand. */
export function ScoreSummary({ rubric, score, locale }: { rubric: Rubric; score: ScoreResult; locale: Locale }) {
  const { t } = useTranslation();
  const [formulaOpen, setFormulaOpen] = useState(false);
  return (
    <div className="score-summary">
      <div className="score-total">
        <span className="muted">{t('review.total')}</span>
        <strong data-testid="review-total">{formatScore(score.total, locale)}</strong>
        {score.criticalFailed && (
          <span className="critical-failed" role="status">
            {t('review.criticalFailed')} ·{' '}
            {t('review.totalBeforeCritical', { score: formatScore(score.totalBeforeCritical, locale) })}
          </span>
        )}
      </div>
      <ul className="section-scores">
        {rubric.sections.map((section, index) => {
          const result = score.sections[index];
          return (
            <li key={section.id} data-section-id={section.id}>
              <span>{localize(section.title, locale)}</span>
              <span className="muted">×{section.weight}</span>
              <strong>
                {result?.score === null || result === undefined ? '—' : formatScore(result.score * 100, locale)}
              </strong>
            </li>
          );
        })}
      </ul>
      <button
        type="button"
        className="link-button"
        aria-expanded={formulaOpen}
        onClick={() => setFormulaOpen((open) => !open)}
      >
        {t(formulaOpen ? 'review.hideFormula' : 'review.showFormula')}
      </button>
      {formulaOpen && (
        <div className="formula" data-testid="score-formula">
          <p className="muted">{t('review.formulaExplanation')}</p>
          {score.formula.sections.map((section) => (
            <p key={section.sectionId}>
              <code>
                {section.sectionId}: {formatSectionFormula(section, locale)}
              </code>
            </p>
          ))}
          <p>
            <code data-testid="total-formula">{formatScoreFormula(score.formula, locale)}</code>
          </p>
        </div>
      )}
    </div>
  );
}
