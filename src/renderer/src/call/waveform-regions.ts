import type RegionsPlugin from 'wavesurfer.js/dist/plugins/regions.esm.js';
import type { Moment } from '../../../domain/moments/model';
import { momentTypeInfo } from '../../../domain/moments/moment-types';
import type { RedactedRange } from '../../../domain/privacy/redaction-ranges';

export const redactionRegionPrefix = 'redaction-';
const ghostRegionPrefix = 'suggestion:';

/** A suggestion drawn as a ghost moment: dashed and translucent until the reviewer accepts it. */
export interface GhostMoment {
  readonly key: string;
  readonly startMs: number;
  readonly endMs: number;
  readonly label: string;
  readonly colour: string;
}

/** A region's label: one line, cut off rather than wrapped inside narrow regions. */
function regionLabel(text: string, extra = ''): HTMLElement {
  const label = document.createElement('span');
  label.textContent = text;
  label.style.cssText = `display:block;font-size:10.5px;line-height:1.3;padding:1px 3px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis;${extra}`;
  return label;
}

export function withAlpha(hex: string, alpha: number): string {
  const value = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(value >> 16) & 255}, ${(value >> 8) & 255}, ${value & 255}, ${alpha})`;
}

/** Draws the moments, the ghost moments and the redactions again (the regions live in the waveform's shadow DOM,
 *  so their looks are inline styles). */
export function drawRegions(
  regions: ReturnType<typeof RegionsPlugin.create>,
  input: {
    readonly moments: readonly Moment[];
    readonly selectedId: string | null;
    readonly editable: boolean;
    readonly labelOf: (moment: Moment) => string;
    readonly ghosts: readonly GhostMoment[];
    readonly selectedGhostKey: string | null;
    readonly redactedRanges: readonly RedactedRange[];
    readonly redactionLabel: string;
  },
): void {
  regions.clearRegions();
  for (const moment of input.moments) {
    const colour = momentTypeInfo[moment.type].colour;
    const region = regions.addRegion({
      id: moment.id,
      start: moment.startMs / 1000,
      end: moment.endMs / 1000,
      color: withAlpha(colour, moment.id === input.selectedId ? 0.42 : 0.22),
      drag: input.editable,
      resize: input.editable,
      content: regionLabel(input.labelOf(moment)),
    });
    region.element?.setAttribute('data-moment-id', moment.id);
    region.element?.style.setProperty('--moment-colour', colour);
    if (moment.id === input.selectedId) region.element?.classList.add('region-selected');
  }
  for (const ghost of input.ghosts) {
    const selected = ghost.key === input.selectedGhostKey;
    const region = regions.addRegion({
      id: `${ghostRegionPrefix}${ghost.key}`,
      start: ghost.startMs / 1000,
      end: ghost.endMs / 1000,
      color: withAlpha(ghost.colour, selected ? 0.2 : 0.07),
      drag: false,
      resize: false,
      content: regionLabel(ghost.label, 'font-style:italic;opacity:0.85;'),
    });
    const element = region.element;
    if (!element) continue;
    element.setAttribute('data-suggestion-key', ghost.key);
    element.setAttribute('data-testid', 'ghost-moment-wave');
    element.style.border = `${selected ? 2 : 1}px dashed ${ghost.colour}`;
    element.style.boxSizing = 'border-box';
    // A ghost never catches the pointer: a drag that starts on a suggestion still marks the reviewer's own moment
    // (the waveform's click selects the ghost instead, see ghostAt).
    element.style.pointerEvents = 'none';
  }
  input.redactedRanges.forEach((range, index) => {
    const region = regions.addRegion({
      id: `${redactionRegionPrefix}${index}`,
      start: range.startMs / 1000,
      end: range.endMs / 1000,
      color: 'rgba(20, 20, 20, 0.55)',
      drag: false,
      resize: false,
      content: regionLabel(input.redactionLabel),
    });
    region.element?.setAttribute('data-testid', 'redacted-region');
    region.element?.classList.add('region-redacted');
  });
}

/** The ghost under a click at `timeMs` (the shortest, when several overlap), or null. */
export function ghostAt(ghosts: readonly GhostMoment[], timeMs: number): GhostMoment | null {
  let found: GhostMoment | null = null;
  for (const ghost of ghosts) {
    if (timeMs < ghost.startMs || timeMs > ghost.endMs) continue;
    if (!found || ghost.endMs - ghost.startMs < found.endMs - found.startMs) found = ghost;
  }
  return found;
}
