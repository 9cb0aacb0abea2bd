import type { ReliabilityBand } from '../../domain/agreement/reliability-band';
import type { Locale } from '../../domain/rubric/localized-text';

/*
 * Every fixed text of the PDF calibration report (session-report-pdf.ts), in Dutch and English. The terms follow the
 * app (renderer i18n "sessions.report": Criterium, Beoordelaar, Krippendorffs alpha, ...) and the score exports
 * (Ja/Yes, Nee/No, N.v.t./N/A). Texts may contain characters outside WinAnsi: everything drawn goes through
 * winAnsiSafe first.
 */

export interface SessionReportLabels {
  readonly product: string;
  readonly documentTitle: string;
  readonly page: (page: number, pages: number) => string;
  readonly generated: string;
  // Title block.
  readonly rubric: string;
  readonly rubricVersion: (name: string, version: number) => string;
  readonly mode: string;
  readonly blind: string;
  readonly open: string;
  readonly toleranceTotal: string;
  readonly toleranceTotalValue: (points: string) => string;
  readonly toleranceItem: string;
  readonly toleranceItemValue: (points: string) => string;
  readonly reference: string;
  readonly references: Readonly<Record<'benchmark' | 'group-mean', string>>;
  readonly reviewers: string;
  readonly calls: string;
  readonly deadline: string;
  readonly created: string;
  // Summary.
  readonly summaryTitle: string;
  readonly total: string;
  readonly totalAlpha: string;
  readonly icc: string;
  readonly iccNote: string;
  readonly thresholds: string;
  readonly section: string;
  readonly alpha: string;
  readonly band: string;
  readonly bands: Readonly<Record<ReliabilityBand, string>>;
  readonly ambiguousCount: (count: number, total: number) => string;
  readonly notEnoughReviews: string;
  // Bias chart.
  readonly biasChartTitle: string;
  readonly biasChartIntro: (reference: string) => string;
  readonly stricter: string;
  readonly milder: string;
  readonly biasAxis: string;
  readonly withinTolerance: string;
  readonly outsideTolerance: string;
  readonly toleranceLine: (points: string) => string;
  readonly noBias: string;
  // Item chart.
  readonly itemChartTitle: string;
  readonly itemChartIntro: string;
  readonly thresholdTentative: string;
  readonly thresholdReliable: string;
  readonly ambiguousHighlight: string;
  readonly noAlpha: string;
  // Reviewer table.
  readonly reviewerTableTitle: string;
  readonly reviewer: string;
  readonly bias: string;
  readonly mad: string;
  readonly within: string;
  readonly severity: string;
  readonly severityNote: string;
  // Item table.
  readonly itemTableTitle: string;
  readonly item: string;
  readonly level: string;
  readonly levels: Readonly<Record<'ordinal' | 'nominal', string>>;
  readonly agreement: string;
  readonly ac1: string;
  readonly ambiguous: string;
  readonly ambiguousYes: string;
  readonly itemTableNote: string;
  // Totals matrix.
  readonly totalsTitle: string;
  readonly totalsIntro: string;
  readonly callCode: (index: number) => string;
  readonly callsRange: (from: string, to: string) => string;
  readonly code: string;
  readonly call: string;
  readonly fairTotal: string;
  readonly notReviewed: string;
  // Consensus.
  readonly consensusTitle: string;
  readonly consensusIntro: string;
  readonly consensus: string;
  readonly reason: string;
  readonly noConsensus: string;
  readonly answers: Readonly<Record<'yes' | 'no' | 'not-applicable', string>>;
  readonly unknownCall: string;
  readonly unknownReviewer: (index: number) => string;
}

const nl: SessionReportLabels = {
  product: 'Klankbord',
  documentTitle: 'Kalibratierapport',
  page: (page, pages) => `Pagina ${page} van ${pages}`,
  generated: 'Gegenereerd',
  rubric: 'Rubric',
  rubricVersion: (name, version) => `${name} (versie ${version})`,
  mode: 'Werkwijze',
  blind: 'Blind: beoordelaars zagen elkaars scores niet voor het indienen',
  open: 'Open: beoordelaars konden elkaars scores zien',
  toleranceTotal: 'Tolerantie op het totaal',
  toleranceTotalValue: (points) => `±${points} punten`,
  toleranceItem: 'Tolerantie per criterium',
  toleranceItemValue: (points) => `±${points} schaalpunt(en)`,
  reference: 'Referentie',
  references: {
    benchmark: 'de referentiebeoordelaar (benchmark)',
    'group-mean': 'het gemiddelde van de andere beoordelaars',
  },
  reviewers: 'Beoordelaars',
  calls: 'Gesprekken',
  deadline: 'Deadline',
  created: 'Sessie aangemaakt',
  summaryTitle: 'Samenvatting: overeenstemming',
  total: 'Totaal',
  totalAlpha: 'Krippendorffs alpha op het totaal (interval)',
  icc: 'ICC(A,1), absolute overeenstemming',
  iccNote: 'ICC(A,1) gebruikt alleen gesprekken die door alle beoordelaars zijn gescoord.',
  thresholds:
    'Drempels voor alpha: betrouwbaar vanaf 0,800; voorlopig vanaf 0,667; daaronder onbetrouwbaar. N.v.t. telt als ontbrekend.',
  section: 'Onderdeel',
  alpha: 'Krippendorffs alpha',
  band: 'Betrouwbaarheid',
  bands: { reliable: 'betrouwbaar', tentative: 'voorlopig', unreliable: 'onbetrouwbaar' },
  ambiguousCount: (count, total) => `${count} van ${total} criteria dubbelzinnig (alpha onder 0,667).`,
  notEnoughReviews:
    'Nog niet genoeg beoordelingen: overeenstemming en strengheid zijn pas te berekenen als minstens twee beoordelaars hebben ingediend.',
  biasChartTitle: 'Afwijking per beoordelaar op het totaal',
  biasChartIntro: (reference) =>
    `Gemiddelde afwijking van het totaal ten opzichte van ${reference}, in punten. Rechts = milder, links = strenger; de stippellijnen zijn de tolerantie.`,
  stricter: '« strenger',
  milder: 'milder »',
  biasAxis: 'afwijking (punten)',
  withinTolerance: 'binnen tolerantie',
  outsideTolerance: 'buiten tolerantie',
  toleranceLine: (points) => `tolerantie ±${points}`,
  noBias: 'geen vergelijking',
  itemChartTitle: 'Overeenstemming per criterium',
  itemChartIntro:
    'Krippendorffs alpha per criterium (ordinaal voor schalen, nominaal voor Ja/Nee), met de drempels 0,667 en 0,800. Dubbelzinnige criteria zijn rood gemarkeerd.',
  thresholdTentative: 'voorlopig 0,667',
  thresholdReliable: 'betrouwbaar 0,800',
  ambiguousHighlight: 'dubbelzinnig (alpha onder 0,667)',
  noAlpha: 'geen alpha',
  reviewerTableTitle: 'Beoordelaars',
  reviewer: 'Beoordelaar',
  bias: 'Afwijking (+ mild)',
  mad: 'Gem. abs. afwijking',
  within: '% binnen tolerantie',
  severity: 'Strengheidseffect ± SE',
  severityNote:
    'Strengheidseffect: additief model op de totalen (+ = mild), met standaardfout. Afwijking en % binnen tolerantie over de gesprekken die de beoordelaar scoorde.',
  itemTableTitle: 'Criteria',
  item: 'Criterium',
  level: 'Meetniveau',
  levels: { ordinal: 'ordinaal', nominal: 'nominaal' },
  agreement: '% overeenstemming',
  ac1: 'Gwets AC1',
  ambiguous: 'Dubbelzinnig',
  ambiguousYes: 'dubbelzinnig',
  itemTableNote:
    '% binnen tolerantie: aandeel beoordelaar-gesprekparen binnen de tolerantie per criterium van de referentie (Ja/Nee: gelijk).',
  totalsTitle: 'Totaalscores per beoordelaar en gesprek',
  totalsIntro:
    'Totaalscore (0-100) na de kritieke-criteriumregel. De laatste regel is het gecorrigeerde ("faire") totaal: wat een gemiddelde beoordelaar had gegeven.',
  callCode: (index) => `G${index + 1}`,
  callsRange: (from, to) => `Gesprekken ${from}–${to}`,
  code: 'Code',
  call: 'Gesprek',
  fairTotal: 'Gecorrigeerd totaal',
  notReviewed: '— = niet beoordeeld of niet ingediend.',
  consensusTitle: 'Consensusscores',
  consensusIntro: 'De gekalibreerde score per criterium die na de bespreking is vastgelegd, met de reden.',
  consensus: 'Consensus',
  reason: 'Reden',
  noConsensus: 'Er zijn (nog) geen consensusscores vastgelegd.',
  answers: { yes: 'Ja', no: 'Nee', 'not-applicable': 'N.v.t.' },
  unknownCall: 'onbekend gesprek',
  unknownReviewer: (index) => `Beoordelaar ${index + 1}`,
};

const en: SessionReportLabels = {
  product: 'Klankbord',
  documentTitle: 'Calibration report',
  page: (page, pages) => `Page ${page} of ${pages}`,
  generated: 'Generated',
  rubric: 'Rubric',
  rubricVersion: (name, version) => `${name} (version ${version})`,
  mode: 'Mode',
  blind: 'Blind: reviewers did not see each other’s scores before submitting',
  open: 'Open: reviewers could see each other’s scores',
  toleranceTotal: 'Tolerance on the total',
  toleranceTotalValue: (points) => `±${points} points`,
  toleranceItem: 'Tolerance per item',
  toleranceItemValue: (points) => `±${points} scale point(s)`,
  reference: 'Reference',
  references: {
    benchmark: 'the benchmark reviewer',
    'group-mean': 'the mean of the other reviewers',
  },
  reviewers: 'Reviewers',
  calls: 'Calls',
  deadline: 'Deadline',
  created: 'Session created',
  summaryTitle: 'Summary: agreement',
  total: 'Total',
  totalAlpha: 'Krippendorff alpha on the total (interval)',
  icc: 'ICC(A,1), absolute agreement',
  iccNote: 'ICC(A,1) uses only the calls scored by every reviewer.',
  thresholds:
    'Thresholds for alpha: reliable from 0.800; tentative from 0.667; below that unreliable. N/A counts as missing.',
  section: 'Section',
  alpha: 'Krippendorff alpha',
  band: 'Reliability',
  bands: { reliable: 'reliable', tentative: 'tentative', unreliable: 'unreliable' },
  ambiguousCount: (count, total) => `${count} of ${total} items ambiguous (alpha below 0.667).`,
  notEnoughReviews:
    'Not enough reviews yet: agreement and severity can only be computed once at least two reviewers have submitted.',
  biasChartTitle: 'Reviewer bias on the total',
  biasChartIntro: (reference) =>
    `Mean deviation of the total from ${reference}, in points. Right = lenient, left = strict; the dashed lines are the tolerance.`,
  stricter: '« stricter',
  milder: 'more lenient »',
  biasAxis: 'bias (points)',
  withinTolerance: 'within tolerance',
  outsideTolerance: 'outside tolerance',
  toleranceLine: (points) => `tolerance ±${points}`,
  noBias: 'no comparison',
  itemChartTitle: 'Agreement per item',
  itemChartIntro:
    'Krippendorff alpha per item (ordinal for scales, nominal for Yes/No), with the thresholds 0.667 and 0.800. Ambiguous items are highlighted in red.',
  thresholdTentative: 'tentative 0.667',
  thresholdReliable: 'reliable 0.800',
  ambiguousHighlight: 'ambiguous (alpha below 0.667)',
  noAlpha: 'no alpha',
  reviewerTableTitle: 'Reviewers',
  reviewer: 'Reviewer',
  bias: 'Bias (+ lenient)',
  mad: 'Mean abs. deviation',
  within: '% within tolerance',
  severity: 'Severity effect ± SE',
  severityNote:
    'Severity effect: additive model on the totals (+ = lenient), with standard error. Bias and % within tolerance over the calls the reviewer scored.',
  itemTableTitle: 'Items',
  item: 'Item',
  level: 'Level',
  levels: { ordinal: 'ordinal', nominal: 'nominal' },
  agreement: '% agreement',
  ac1: 'Gwet AC1',
  ambiguous: 'Ambiguous',
  ambiguousYes: 'ambiguous',
  itemTableNote:
    '% within tolerance: share of reviewer-call pairs within the per-item tolerance of the reference (Yes/No: equal).',
  totalsTitle: 'Total scores per reviewer and call',
  totalsIntro:
    'Total score (0-100) after the critical-item rule. The last row is the severity-adjusted ("fair") total: what an average reviewer would have given.',
  callCode: (index) => `C${index + 1}`,
  callsRange: (from, to) => `Calls ${from}–${to}`,
  code: 'Code',
  call: 'Call',
  fairTotal: 'Adjusted total',
  notReviewed: '— = not reviewed or not submitted.',
  consensusTitle: 'Consensus scores',
  consensusIntro: 'The calibrated score per item recorded after the discussion, with the reason.',
  consensus: 'Consensus',
  reason: 'Reason',
  noConsensus: 'No consensus scores have been recorded (yet).',
  answers: { yes: 'Yes', no: 'No', 'not-applicable': 'N/A' },
  unknownCall: 'unknown call',
  unknownReviewer: (index) => `Reviewer ${index + 1}`,
};

export const sessionReportLabels: Readonly<Record<Locale, SessionReportLabels>> = { nl, en };
