// The signals evaluation corpus: stereo calls assembled from espeak-ng sentences (agent left, customer right) with
// scripted overlaps, silences and speaking rates, band-limited to the telephone band, with crosstalk bleed (a
// -20 dB copy of the other side) and noise at a chosen SNR. The generator writes the ground truth it scripted.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpusRateHz, renderSentence, telephoneNoise, writeWav } from './signals-audio';
import { seededRandom } from '../tests/support/seeded-random';

export interface Span {
  readonly startMs: number;
  readonly endMs: number;
}

export interface CorpusTruth {
  readonly speech: { readonly agent: Span[]; readonly customer: Span[] };
  readonly overtalk: (Span & { readonly startedBy: 'agent' | 'customer' })[];
  readonly silences: Span[];
  /** Words per minute of speaking time per speaker, from the rendered sentences' real lengths. */
  readonly wordsPerMinute: { readonly agent: number; readonly customer: number };
}

export interface CorpusCall {
  readonly name: string;
  readonly language: 'nl' | 'en';
  readonly snrDb: number;
  readonly audioPath: string;
  readonly transcriptPath: string;
  readonly durationMs: number;
  readonly truth: CorpusTruth;
}

const sentences = {
  nl: {
    agent: [
      'Goedemiddag u spreekt met Sanne van de klantenservice',
      'Ik begrijp dat dit erg vervelend voor u is',
      'Als ik het goed begrijp werkt uw internet al drie dagen niet',
      'Ik ga even in ons systeem kijken wat er aan de hand is',
      'Ik zie hier dat er een storing in uw wijk is geweest',
      'Kunt u mij vertellen welke lampjes er op het modem branden',
      'Ik stuur vandaag nog een nieuwe monteur naar u toe',
      'Dank u wel voor uw geduld en nog een fijne dag',
    ],
    customer: [
      'Hallo ik bel omdat mijn internet het weer niet doet',
      'Dit is nu al de derde keer deze maand',
      'Ik werk thuis en ik kan zo helemaal niets doen',
      'Het groene lampje knippert en het rode brandt continu',
      'Ik heb het modem al twee keer opnieuw opgestart',
      'Wanneer kan die monteur dan langskomen',
      'Dat is fijn dank u wel voor de hulp',
      'Ik hoop echt dat het deze keer wordt opgelost',
    ],
  },
  en: {
    agent: [
      'Good afternoon you are speaking with Sarah from customer service',
      'I understand how frustrating this must be for you',
      'If I understand correctly your internet has been down for three days',
      'Let me have a look in our system to see what is going on',
      'I can see there was an outage in your area this week',
      'Could you tell me which lights are on on the modem',
      'I will send a new engineer to your address today',
      'Thank you for your patience and have a nice day',
    ],
    customer: [
      'Hello I am calling because my internet is down again',
      'This is the third time this month already',
      'I work from home and I cannot do anything like this',
      'The green light is blinking and the red one stays on',
      'I have already restarted the modem twice this morning',
      'When can the engineer come to my house',
      'That is great thank you very much for your help',
      'I really hope it gets fixed properly this time',
    ],
  },
} as const;

const voices = { nl: { agent: 'nl+f3', customer: 'nl+m3' }, en: { agent: 'en+f3', customer: 'en+m3' } } as const;

interface PlacedTurn {
  readonly who: 'agent' | 'customer';
  readonly text: string;
  readonly startMs: number;
  readonly samples: Float32Array;
}

/** What comes before each turn: a normal gap, a silence (some of them dead air) or an overlap. */
function scriptTurns(workDir: string, language: 'nl' | 'en', seed: number, turns: number): PlacedTurn[] {
  const random = seededRandom(seed);
  const speed = { agent: 140 + Math.round(random() * 50), customer: 130 + Math.round(random() * 90) };
  const placed: PlacedTurn[] = [];
  let previousEndMs = 800;
  for (let index = 0; index < turns; index += 1) {
    const who = index % 2 === 0 ? 'agent' : 'customer';
    const pool = sentences[language][who];
    const text = pool[Math.floor(random() * pool.length)]!;
    const samples = renderSentence(workDir, voices[language][who], speed[who], text);
    const lengthMs = (samples.length / corpusRateHz) * 1000;
    const roll = random();
    const previous = placed.at(-1);
    let startMs: number;
    if (previous && roll < 0.3) {
      // Overlap: start 500-1500 ms before the other ends, never before the other started.
      const previousLengthMs = (previous.samples.length / corpusRateHz) * 1000;
      const overlapMs = Math.min(500 + random() * 1000, previousLengthMs - 400, lengthMs - 200);
      startMs = previousEndMs - overlapMs;
    } else if (previous && roll < 0.55) {
      startMs = previousEndMs + (random() < 0.3 ? 10_000 + random() * 4000 : 3500 + random() * 4500);
    } else {
      startMs = previousEndMs + 400 + random() * 1200;
    }
    // The same speaker again within 700 ms would be one turn, not two.
    const ownLast = placed.filter((turn) => turn.who === who).at(-1);
    if (ownLast) startMs = Math.max(startMs, spanOf(ownLast).endMs + 700);
    startMs = Math.round(startMs);
    placed.push({ who, text, startMs, samples });
    previousEndMs = Math.max(previousEndMs, startMs + lengthMs);
  }
  return placed;
}

const spanOf = (turn: PlacedTurn): Span => ({
  startMs: turn.startMs,
  endMs: Math.round(turn.startMs + (turn.samples.length / corpusRateHz) * 1000),
});

/** Times covered by both lists of spans (each list sorted by start; spans of one speaker do not overlap). */
function intersect(a: readonly Span[], b: readonly Span[]): Span[] {
  const both: Span[] = [];
  for (const x of a)
    for (const y of b) {
      const startMs = Math.max(x.startMs, y.startMs);
      const endMs = Math.min(x.endMs, y.endMs);
      if (startMs < endMs) both.push({ startMs, endMs });
    }
  return both.sort((first, second) => first.startMs - second.startMs);
}

function truthOf(turns: readonly PlacedTurn[]): CorpusTruth {
  const speech = {
    agent: turns
      .filter((turn) => turn.who === 'agent')
      .map(spanOf)
      .sort((a, b) => a.startMs - b.startMs),
    customer: turns
      .filter((turn) => turn.who === 'customer')
      .map(spanOf)
      .sort((a, b) => a.startMs - b.startMs),
  };
  const overtalk = intersect(speech.agent, speech.customer)
    .filter((span) => span.endMs - span.startMs >= 300)
    .map((span) => {
      const startOf = (spans: readonly Span[]) =>
        spans.find((own) => own.startMs <= span.startMs && span.startMs < own.endMs)!.startMs;
      const startedBy: 'agent' | 'customer' = startOf(speech.agent) > startOf(speech.customer) ? 'agent' : 'customer';
      return { ...span, startedBy };
    });
  const silences: Span[] = [];
  const all = [...speech.agent, ...speech.customer].sort((a, b) => a.startMs - b.startMs);
  let coveredUntil = all[0]!.endMs;
  for (const span of all.slice(1)) {
    if (span.startMs - coveredUntil >= 3000) silences.push({ startMs: coveredUntil, endMs: span.startMs });
    coveredUntil = Math.max(coveredUntil, span.endMs);
  }
  const rate = (who: 'agent' | 'customer') => {
    const own = turns.filter((turn) => turn.who === who);
    const words = own.reduce((sum, turn) => sum + turn.text.split(/\s+/).length, 0);
    const ms = own.reduce((sum, turn) => sum + (turn.samples.length / corpusRateHz) * 1000, 0);
    return (words / ms) * 60_000;
  };
  return { speech, overtalk, silences, wordsPerMinute: { agent: rate('agent'), customer: rate('customer') } };
}

/** RMS of a channel over the samples where its speaker talks. */
function activeRms(channel: Float32Array, spans: readonly Span[]): number {
  let sum = 0;
  let count = 0;
  for (const span of spans) {
    for (
      let index = Math.floor((span.startMs * corpusRateHz) / 1000);
      index < (span.endMs * corpusRateHz) / 1000;
      index += 1
    ) {
      sum += channel[index]! ** 2;
      count += 1;
    }
  }
  return Math.sqrt(sum / Math.max(1, count));
}

/** Each side's clean speech, the bleed from the other side (-20 dB) and noise at `snrDb` below its speech. */
function mix(workDir: string, turns: readonly PlacedTurn[], truth: CorpusTruth, snrDb: number, seed: number) {
  const durationMs = Math.max(...turns.map((turn) => spanOf(turn).endMs)) + 1500;
  const frames = Math.ceil((durationMs * corpusRateHz) / 1000);
  const clean = { agent: new Float32Array(frames), customer: new Float32Array(frames) };
  const levels = { agent: 0.1, customer: 0.07 };
  for (const turn of turns) {
    const at = Math.round((turn.startMs * corpusRateHz) / 1000);
    const peak = turn.samples.reduce((max, value) => Math.max(max, Math.abs(value)), 1e-9);
    turn.samples.forEach((value, index) => {
      clean[turn.who][at + index]! += (value / peak) * levels[turn.who] * 3;
    });
  }
  const bleed = 10 ** (-20 / 20);
  return {
    durationMs,
    channels: (['agent', 'customer'] as const).map((who, channel) => {
      const other = clean[who === 'agent' ? 'customer' : 'agent'];
      const noise = telephoneNoise(workDir, durationMs / 1000 + 1, seed * 2 + channel);
      const noiseGain =
        activeRms(clean[who], truth.speech[who]) /
        10 ** (snrDb / 20) /
        activeRms(noise, [{ startMs: 0, endMs: durationMs }]);
      return clean[who].map((value, index) => value + other[index]! * bleed + noise[index]! * noiseGain);
    }),
  };
}

/** ASR-like word times: each sentence's words spread over its real span by length, edges jittered by up to 40 ms. */
function transcriptOf(turns: readonly PlacedTurn[], language: string, random: () => number) {
  const segments = turns.map((turn) => {
    const span = spanOf(turn);
    const words = turn.text.split(/\s+/);
    const total = words.reduce((sum, word) => sum + word.length + 1, 0);
    let offset = 0;
    const timed = words.map((text) => {
      const startMs = span.startMs + ((span.endMs - span.startMs) * offset) / total;
      offset += text.length + 1;
      const endMs = span.startMs + ((span.endMs - span.startMs) * (offset - 0.6)) / total;
      const jitter = () => Math.round((random() - 0.5) * 80);
      const wordStart = Math.max(0, Math.round(startMs) + jitter());
      return { text, startMs: wordStart, endMs: Math.max(wordStart + 20, Math.round(endMs) + jitter()) };
    });
    return { speaker: turn.who, channel: turn.who === 'agent' ? 0 : 1, ...span, text: turn.text, words: timed };
  });
  return { format: 'klankbord-transcript', version: 1, language, segments };
}

/** Writes one corpus call (audio, transcript) into `outDir` and returns it with its truth. */
export function makeCorpusCall(
  workDir: string,
  outDir: string,
  options: { readonly seed: number; readonly language: 'nl' | 'en'; readonly snrDb: number; readonly turns: number },
): CorpusCall {
  const turns = scriptTurns(workDir, options.language, options.seed, options.turns);
  const truth = truthOf(turns);
  const { durationMs, channels } = mix(workDir, turns, truth, options.snrDb, options.seed);
  const name = `call-${options.language}-${options.seed}-snr${options.snrDb}`;
  const audioPath = join(outDir, `${name}.wav`);
  const transcriptPath = join(outDir, `${name}.json`);
  writeWav(audioPath, channels);
  writeFileSync(transcriptPath, JSON.stringify(transcriptOf(turns, options.language, seededRandom(options.seed + 1))));
  return { name, language: options.language, snrDb: options.snrDb, audioPath, transcriptPath, durationMs, truth };
}
