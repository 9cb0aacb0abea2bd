// signals bench, part 1: overtalk and silence interval precision/recall per SNR and speech-rate error on the
// generated corpus. Exported for bench/signals.ts; run alone with `tsx bench/signals-intervals.ts`.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { computeSignals } from '../src/domain/signals/compute-signals';
import type { CallSignals } from '../src/domain/signals/model';
import { parseTranscript } from '../src/domain/transcript/parse-transcript';
import { decodeFrameEnergies } from '../src/server/audio/decode-frame-energies';
import { lexiconsFor, loadLexicons } from '../src/server/lexicons';
import { makeCorpusCall, type CorpusCall } from './signals-corpus';
import { addCounts, matchIntervals, precisionRecall, type MatchCounts } from './signals-match';

export async function signalsOfFile(audioPath: string, transcriptPath: string | null): Promise<CallSignals> {
  const energies = await decodeFrameEnergies(audioPath);
  if (!energies.ok) throw new Error(`${audioPath}: ${energies.problem} ${energies.detail}`);
  const parsed = transcriptPath ? parseTranscript(readFileSync(transcriptPath, 'utf8')) : null;
  if (parsed && !parsed.ok) throw new Error(`${transcriptPath}: ${parsed.error.detail}`);
  const transcript = parsed?.ok ? parsed.transcript : null;
  return computeSignals({
    durationMs: energies.value.durationMs,
    energies: energies.value,
    agentChannel: 0,
    transcript,
    lexicons: lexiconsFor(loadLexicons(), transcript?.language ?? null),
  });
}

export function makeCorpus(dir: string, calls: number, snrs: readonly number[], turns = 24): CorpusCall[] {
  const clips = join(dir, 'clips');
  mkdirSync(clips, { recursive: true });
  const corpus: CorpusCall[] = [];
  for (let index = 0; index < calls; index += 1) {
    for (const snrDb of snrs) {
      corpus.push(makeCorpusCall(clips, dir, { seed: 100 + index, language: index % 2 ? 'en' : 'nl', snrDb, turns }));
    }
  }
  return corpus;
}

const empty = (): MatchCounts => ({ truth: 0, detected: 0, matched: 0 });

export async function measureIntervals(corpus: readonly CorpusCall[]) {
  const bySnr = new Map<number, { overtalk: MatchCounts; silences: MatchCounts; startedByRight: number }>();
  const rateErrors: number[] = [];
  for (const call of corpus) {
    const signals = await signalsOfFile(call.audioPath, call.transcriptPath);
    const entry = bySnr.get(call.snrDb) ?? { overtalk: empty(), silences: empty(), startedByRight: 0 };
    bySnr.set(call.snrDb, entry);
    addCounts(entry.overtalk, matchIntervals(call.truth.overtalk, signals.overtalk));
    addCounts(entry.silences, matchIntervals(call.truth.silences, signals.silences));
    for (const found of signals.overtalk) {
      const real = call.truth.overtalk.find((truth) => Math.abs(truth.startMs - found.startMs) <= 150);
      if (real && real.startedBy === found.startedBy) entry.startedByRight += 1;
    }
    for (const who of ['agent', 'customer'] as const) {
      const measured = signals.wordsPerMinute[who];
      if (measured !== null)
        rateErrors.push(Math.abs(measured - call.truth.wordsPerMinute[who]) / call.truth.wordsPerMinute[who]);
    }
    if (process.env.SIGNALS_BENCH_DEBUG) debugCall(call, signals);
  }
  const percent = (value: number) => Math.round(value * 1000) / 10;
  return {
    perSnr: [...bySnr.entries()].map(([snrDb, entry]) => ({
      snrDb,
      overtalk: precisionRecall(entry.overtalk),
      overtalkStartedByCorrect: entry.startedByRight,
      silences: precisionRecall(entry.silences),
    })),
    speechRate: {
      speakers: rateErrors.length,
      meanErrorPercent: percent(rateErrors.reduce((sum, error) => sum + error, 0) / Math.max(1, rateErrors.length)),
      maxErrorPercent: percent(Math.max(0, ...rateErrors)),
    },
  };
}

function debugCall(call: CorpusCall, signals: CallSignals): void {
  const show = (spans: readonly { startMs: number; endMs: number }[]) =>
    spans.map((span) => `${span.startMs}-${span.endMs}`).join(' ');
  console.error(
    `${call.name}\n  truth overtalk ${show(call.truth.overtalk)}\n  found overtalk ${show(signals.overtalk)}`,
  );
  console.error(`  truth silence  ${show(call.truth.silences)}\n  found silence  ${show(signals.silences)}`);
  console.error(
    `  truth agent    ${show(call.truth.speech.agent)}\n  found agent    ${show(signals.speech.filter((s) => s.speaker === 'agent'))}`,
  );
  console.error(
    `  truth customer ${show(call.truth.speech.customer)}\n  found customer ${show(signals.speech.filter((s) => s.speaker === 'customer'))}`,
  );
}

if (require.main === module) {
  const dir = process.argv[2] ?? '/tmp/klankbord-signals-corpus';
  const corpus = makeCorpus(dir, Number(process.argv[3] ?? 4), [20, 10]);
  measureIntervals(corpus).then(
    (result) => console.log(JSON.stringify(result, null, 2)),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
