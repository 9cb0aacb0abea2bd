import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { corpusToolsAvailable } from '../../bench/signals-audio';
import { makeCorpusCall } from '../../bench/signals-corpus';
import { matchIntervals } from '../../bench/signals-match';
import { runSignalsCli } from './signals-cli';

const root = resolve(__dirname, '../..');
const demoAudio = join(root, 'resources/demo/demo-klantgesprek.wav');
const demoTranscript = join(root, 'resources/demo/demo-klantgesprek.json');
const scratch = mkdtempSync(join(tmpdir(), 'klankbord-signals-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runSignalsCli(argv, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  return { code, stdout, stderr, json: () => JSON.parse(stdout) as Record<string, unknown> };
}

describe('signals command', () => {
  it('prints one JSON object with every signal for the stereo demo call', async () => {
    const result = await run(demoAudio, demoTranscript, '--customer-name', 'Sanne de Vries');
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const output = result.json();
    expect(Object.keys(output)).toEqual([
      'durationMs',
      'speech',
      'overtalk',
      'silences',
      'talkRatio',
      'wordsPerMinute',
      'responseLatencies',
      'hints',
    ]);
    expect(output.durationMs).toBe(172562);
    // The demo script has one interruption by the agent, about 1.1 s before the customer ends.
    expect(output.overtalk).toEqual([expect.objectContaining({ startedBy: 'agent' })]);
    const hints = output.hints as { kind: string; text: string; itemIds: string[] }[];
    expect(hints).toContainEqual(expect.objectContaining({ kind: 'empathy', itemIds: ['2.1', '1.1', '1.2'] }));
    expect(hints).toContainEqual(expect.objectContaining({ kind: 'emotion', emotion: 'frustration' }));
    const ratio = output.talkRatio as { agent: number; customer: number };
    expect(ratio.agent + ratio.customer).toBeCloseTo(1, 2);
  });

  it('swaps the speakers with --agent-channel 1', async () => {
    const left = (await run(demoAudio)).json().speech as { speaker: string; channel: number }[];
    const right = (await run(demoAudio, '--agent-channel', '1')).json().speech as {
      speaker: string;
      channel: number;
    }[];
    expect(left.find((interval) => interval.channel === 0)!.speaker).toBe('agent');
    expect(right.find((interval) => interval.channel === 0)!.speaker).toBe('customer');
  });

  it('refuses a file that is not audio with one line and exit code 1', async () => {
    const notAudio = join(scratch, 'notes.wav');
    writeFileSync(notAudio, 'hello, not audio at all');
    const result = await run(notAudio);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('audio_unrecognized');
  });

  it('refuses a broken transcript with one line and exit code 1, and a bad command line with 2', async () => {
    const broken = join(scratch, 'broken.json');
    writeFileSync(broken, '{"format": "klankbord-transcript", ');
    const result = await run(demoAudio, broken);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect((await run()).code).toBe(2);
    expect((await run(demoAudio, '--agent-channel', '3')).code).toBe(2);
  });

  it('runs through the npm cli entry point', () => {
    const stdout = execFileSync(
      process.execPath,
      [join(root, 'node_modules/tsx/dist/cli.mjs'), 'src/server/cli.ts', 'signals', demoAudio],
      {
        cwd: root,
        encoding: 'utf8',
      },
    );
    expect(JSON.parse(stdout)).toHaveProperty('durationMs', 172562);
  });
});

describe('signals on a generated corpus call', () => {
  const tools = corpusToolsAvailable();
  it.skipIf(!tools)(
    'finds the scripted overtalk and silences of an espeak-ng call with bleed and 20 dB noise',
    async () => {
      const clips = join(scratch, 'clips');
      execFileSync('mkdir', ['-p', clips]);
      const call = makeCorpusCall(clips, scratch, { seed: 7, language: 'nl', snrDb: 20, turns: 10 });
      const result = await run(call.audioPath, call.transcriptPath);
      expect(result.code).toBe(0);
      const output = result.json() as {
        overtalk: { startMs: number; endMs: number }[];
        silences: { startMs: number; endMs: number }[];
      };
      expect(call.truth.overtalk.length + call.truth.silences.length).toBeGreaterThan(0);
      const overtalk = matchIntervals(call.truth.overtalk, output.overtalk);
      const silences = matchIntervals(call.truth.silences, output.silences);
      expect(overtalk.matched).toBe(call.truth.overtalk.length);
      expect(silences.matched).toBe(call.truth.silences.length);
      expect(output.overtalk).toHaveLength(call.truth.overtalk.length);
    },
  );
  if (!tools)
    it('needs espeak-ng and sox for the generated call (apt-get install espeak-ng sox): skipped', () => undefined);
});
