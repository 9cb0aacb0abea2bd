import { playbackRates, type PlayerHandle } from './waveform-player';
import { skipMs } from './player-controls';

/** True when the key press is typing into a field: single-key shortcuts must never fire then. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export const shortcutList = [
  ['Space / K', 'shortcuts.playPause'],
  ['J / ←', 'shortcuts.back'],
  ['L / →', 'shortcuts.forward'],
  ['Shift + , / Shift + .', 'shortcuts.speed'],
  ['Home / End', 'shortcuts.startEnd'],
  ['+ / − / Ctrl + wheel', 'shortcuts.zoom'],
  ['Ctrl/⌘ + F', 'shortcuts.search'],
  ['M', 'shortcuts.addMoment'],
  ['Ctrl/⌘ + Z / Shift + Ctrl/⌘ + Z', 'shortcuts.undoRedo'],
  ['Esc', 'shortcuts.closeEditor'],
  ['0 – 9', 'shortcuts.scoreLevel'],
  ['1 / 0', 'shortcuts.scoreYesNo'],
  ['N', 'shortcuts.notApplicable'],
  ['Delete', 'shortcuts.clearScore'],
  ['↑ / ↓', 'shortcuts.nextItem'],
  ['[ / ]', 'assist.shortcuts.nextSuggestion'],
  ['A', 'assist.shortcuts.accept'],
  ['X', 'assist.shortcuts.dismiss'],
  ['?', 'shortcuts.help'],
] as const;

/**
 * Handles the player's single-key shortcuts for a key event inside the player or transcript (WCAG 2.1.4: they act
 * only there, can be turned off, and never while typing). Returns whether it handled the key.
 */
export function handlePlayerKey(
  event: KeyboardEvent | React.KeyboardEvent,
  player: PlayerHandle,
  rate: number,
  showHelp: () => void,
): boolean {
  if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return false;
  const rateIndex = playbackRates.indexOf(rate as (typeof playbackRates)[number]);
  const current = rateIndex < 0 ? 2 : rateIndex;
  // Shift+, and Shift+. by physical key, whatever the keyboard layout prints.
  if (event.shiftKey && (event.code === 'Comma' || event.code === 'Period')) {
    player.setRate(
      playbackRates[
        event.code === 'Comma' ? Math.max(0, current - 1) : Math.min(playbackRates.length - 1, current + 1)
      ]!,
    );
    return true;
  }
  switch (event.key) {
    case ' ':
    case 'k':
    case 'K':
      player.playPause();
      return true;
    case 'j':
    case 'J':
    case 'ArrowLeft':
      player.skipMs(-skipMs);
      return true;
    case 'l':
    case 'L':
    case 'ArrowRight':
      player.skipMs(skipMs);
      return true;
    case 'Home':
      player.seekMs(0);
      return true;
    case 'End':
      player.seekMs(Number.MAX_SAFE_INTEGER);
      return true;
    case '+':
    case '=':
      player.zoomBy(1.6);
      return true;
    case '-':
      player.zoomBy(1 / 1.6);
      return true;
    case '?':
      showHelp();
      return true;
    default:
      return false;
  }
}
