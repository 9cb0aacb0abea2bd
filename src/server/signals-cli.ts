// The `signals AUDIO [TRANSCRIPT]` command: the call's signals (speech, overtalk, silences, talk ratio, speech
// rate, response latencies, transcript hints) as one JSON object. Needs no data folder and opens no database.
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { computeSignals } from '../domain/signals/compute-signals';
import type { Transcript } from '../domain/transcript/model';
import { parseTranscript } from '../domain/transcript/parse-transcript';
import { decodeFrameEnergies } from './audio/decode-frame-energies';
import { lexiconsFor, loadLexicons } from './lexicons';
import { decodeText } from './text-decoding';

export const signalsUsage = `Usage: npm run --silent cli -- signals AUDIO [TRANSCRIPT] [options]

Prints the call's signals as one JSON object: durationMs, speech [{speaker, channel, startMs, endMs}],
overtalk [{startMs, endMs, startedBy}] (both speaking >= 300 ms; startedBy "agent" is an interruption),
silences [{startMs, endMs, flagged, turn}] (nobody speaking >= 3 s, flagged from 10 s, whose turn it was),
talkRatio, wordsPerMinute (from the transcript's word times), responseLatencies [{kind, fromMs, toMs,
latencyMs}] and hints [{kind, speaker, startMs, endMs, text, itemIds}] from resources/lexicons.
On a stereo file each channel is one speaker (from the audio); on a mono file speech comes from the transcript.

Options:
  --agent-channel 0|1    the agent's channel on a stereo file (default 0)
  --customer-name NAME   the customer's name: the agent saying it is a hint (rubric 2.2)
  --help                 show this help

Exit codes: 0 printed, 1 unusable file (one line on stderr), 2 bad command line.`;

export interface SignalsCliOutput {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

const processOutput: SignalsCliOutput = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

async function readTranscript(
  path: string,
): Promise<{ ok: true; transcript: Transcript } | { ok: false; line: string }> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    return { ok: false, line: `cannot read ${path}: ${error instanceof Error ? error.message : String(error)}` };
  }
  const parsed = parseTranscript(decodeText(bytes).text);
  if (!parsed.ok) return { ok: false, line: `${path}: ${parsed.error.code} (${parsed.error.detail})` };
  return { ok: true, transcript: parsed.transcript };
}

/** Runs `signals` with the arguments after the command name; returns the exit code. */
export async function runSignalsCli(
  argv: readonly string[],
  output: SignalsCliOutput = processOutput,
): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: { 'agent-channel': { type: 'string' }, 'customer-name': { type: 'string' }, help: { type: 'boolean' } },
    });
  } catch (error) {
    output.stderr(`signals: ${error instanceof Error ? error.message : String(error)}\n\n${signalsUsage}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    output.stdout(`${signalsUsage}\n`);
    return 0;
  }
  const agentChannel = values['agent-channel'] ?? '0';
  if (positionals.length < 1 || positionals.length > 2 || (agentChannel !== '0' && agentChannel !== '1')) {
    output.stderr(`signals: needs AUDIO, an optional TRANSCRIPT and --agent-channel 0 or 1\n\n${signalsUsage}\n`);
    return 2;
  }
  const [audioPath, transcriptPath] = positionals as [string, string | undefined];
  const energies = await decodeFrameEnergies(audioPath);
  if (!energies.ok) {
    output.stderr(`signals: ${audioPath}: ${energies.problem} (${energies.detail})\n`);
    return 1;
  }
  let transcript: Transcript | null = null;
  if (transcriptPath) {
    const read = await readTranscript(transcriptPath);
    if (!read.ok) {
      output.stderr(`signals: ${read.line}\n`);
      return 1;
    }
    transcript = read.transcript;
  }
  const signals = computeSignals({
    durationMs: energies.value.durationMs,
    energies: energies.value,
    agentChannel: agentChannel === '1' ? 1 : 0,
    transcript,
    lexicons: lexiconsFor(loadLexicons(), transcript?.language ?? null),
    customerName: values['customer-name'] ?? null,
  });
  output.stdout(`${JSON.stringify(signals, null, 2)}\n`);
  return 0;
}
