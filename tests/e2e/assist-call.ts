// A short stereo call for the assist test, generated with espeak-ng and sox (agent left, customer right): a
// complaint, the agent starting to acknowledge it 1 s before the customer has finished (overtalk the agent started),
// 4.5 s of silence, and a follow-up question. The WebVTT transcript names both speakers; its cue times are the
// turns' real times, so hints and voice activity agree.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { corpusRateHz, renderSentence, writeWav } from '../../bench/signals-audio';

interface Turn {
  readonly who: 'agent' | 'customer';
  readonly text: string;
  /** When it starts relative to the previous turn's end (negative: overlapping it). */
  readonly afterMs: number;
}

const turns: readonly Turn[] = [
  { who: 'agent', text: 'Goedemiddag, u spreekt met Sanne van de klantenservice.', afterMs: 500 },
  { who: 'customer', text: 'Ik bel nu al voor de derde keer en ik ben het echt zat.', afterMs: 600 },
  { who: 'agent', text: 'Ik begrijp het, dat is heel vervelend.', afterMs: -1000 },
  { who: 'customer', text: 'Mijn internet doet het al drie dagen niet.', afterMs: 4500 },
  { who: 'agent', text: 'Welke lampjes branden er op het modem?', afterMs: 700 },
];

export interface AssistCall {
  readonly audioPath: string;
  readonly transcriptPath: string;
  readonly durationSec: number;
  /** Where the silence and the overtalk were placed, in seconds. */
  readonly silence: { readonly startSec: number; readonly endSec: number };
  readonly overtalk: { readonly startSec: number; readonly endSec: number };
}

const vttTime = (ms: number) => {
  const total = Math.round(ms);
  const hours = Math.floor(total / 3_600_000);
  const minutes = Math.floor(total / 60_000) % 60;
  const seconds = Math.floor(total / 1000) % 60;
  const pad = (value: number, width = 2) => String(value).padStart(width, '0');
  return `${pad(hours)}:${pad(minutes)}:${pad(seconds)}.${pad(total % 1000, 3)}`;
};

/** Writes `assist-gesprek.wav` and `assist-gesprek.vtt` into `dir`. */
export function generateAssistCall(dir: string): AssistCall {
  const workDir = join(dir, 'clips');
  mkdirSync(workDir, { recursive: true });
  const placed: { turn: Turn; startMs: number; endMs: number; samples: Float32Array }[] = [];
  let previousEndMs = 0;
  for (const turn of turns) {
    const samples = renderSentence(workDir, turn.who === 'agent' ? 'nl+f3' : 'nl+m3', 160, turn.text);
    const startMs = Math.round(previousEndMs + turn.afterMs);
    const endMs = Math.round(startMs + (samples.length / corpusRateHz) * 1000);
    placed.push({ turn, startMs, endMs, samples });
    previousEndMs = endMs;
  }
  const durationMs = previousEndMs + 1500;
  const frames = Math.ceil((durationMs * corpusRateHz) / 1000);
  const channels = [new Float32Array(frames), new Float32Array(frames)];
  for (const { turn, startMs, samples } of placed) {
    const channel = channels[turn.who === 'agent' ? 0 : 1]!;
    const peak = samples.reduce((max, value) => Math.max(max, Math.abs(value)), 1e-9);
    const at = Math.round((startMs * corpusRateHz) / 1000);
    samples.forEach((value, index) => (channel[at + index] = (value / peak) * 0.5));
  }
  const audioPath = join(dir, 'assist-gesprek.wav');
  const transcriptPath = join(dir, 'assist-gesprek.vtt');
  writeWav(audioPath, channels);
  const cues = placed.map(
    ({ turn, startMs, endMs }) =>
      `${vttTime(startMs)} --> ${vttTime(endMs)}\n<v ${turn.who === 'agent' ? 'Medewerker' : 'Klant'}>${turn.text}`,
  );
  writeFileSync(transcriptPath, `WEBVTT\n\n${cues.join('\n\n')}\n`);
  const [, complaint, acknowledgement, problem] = placed;
  return {
    audioPath,
    transcriptPath,
    durationSec: durationMs / 1000,
    silence: { startSec: acknowledgement!.endMs / 1000, endSec: problem!.startMs / 1000 },
    overtalk: { startSec: acknowledgement!.startMs / 1000, endSec: complaint!.endMs / 1000 },
  };
}
