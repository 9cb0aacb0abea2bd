import { copyFileSync, existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportSummary } from '../contract/imports';
import { makeServiceContext } from '../../tests/unit/service-context';
import { useTempDirs } from '../../tests/unit/temp-dir';
import { listCalls } from '../storage/calls-repository';
import { readPeaks } from '../storage/audio-repository';
import type { ServiceContext } from './context';
import { runImport } from './import-service';

const tempDir = useTempDirs();
const audioFixtures = join(__dirname, '../../tests/fixtures/audio');

async function importFiles(
  context: ServiceContext,
  folder: string,
  names: string[],
  signal = new AbortController().signal,
) {
  let summary: ImportSummary | undefined;
  const progress: string[] = [];
  context.events.listen((message) => {
    if (message.name === 'imports.finished') summary = message.payload as ImportSummary;
    if (message.name === 'imports.progress') progress.push((message.payload as { fileName: string }).fileName);
  });
  await runImport(
    'job',
    names.map((name) => ({ kind: 'path' as const, path: join(folder, name) })),
    context,
    signal,
  );
  return { summary: summary!, progress };
}

function folderWith(files: Record<string, string>): string {
  const folder = tempDir();
  for (const [target, source] of Object.entries(files)) copyFileSync(source, join(folder, target));
  return folder;
}

describe('runImport', () => {
  it('imports every supported format, stores peaks per channel and copies audio into the data folder', async () => {
    const dataDir = tempDir();
    const context = makeServiceContext(dataDir);
    const names = [
      'tone-stereo-8k.wav',
      'tone-mulaw-8k.wav',
      'tone-alaw-8k.wav',
      'tone-float32-8k.wav',
      'tone-pcm24-16k.wav',
      'tone-stereo.mp3',
      'tone-stereo.opus',
      'tone-stereo.ogg',
      'tone-stereo.flac',
      'tone-stereo.m4a',
      'tone-stereo.webm',
    ];
    const { summary } = await importFiles(context, audioFixtures, names);
    expect(summary.issues).toEqual([]);
    expect(summary.importedCallIds).toHaveLength(names.length);
    const calls = listCalls(context.db);
    expect(calls).toHaveLength(names.length);
    for (const call of calls) expect(call.durationMs).toBeGreaterThan(450);
    const stereo = context.db
      .prepare("SELECT id, channels, duration_ms FROM audio_files WHERE original_name = 'tone-stereo.mp3'")
      .get() as { id: string; channels: number; duration_ms: number };
    expect(stereo.channels).toBe(2);
    expect(readPeaks(context.db, stereo.id)?.channels).toBe(2);
    expect(readdirSync(join(dataDir, 'audio'))).toHaveLength(names.length);
  });

  it('pairs a transcript by file name and maps voices to roles', async () => {
    const context = makeServiceContext(tempDir());
    const folder = folderWith({
      'gesprek-1.wav': join(audioFixtures, 'tone-stereo-8k.wav'),
      'gesprek-1.vtt': join(__dirname, '../../tests/fixtures/transcripts/hand/tone-stereo.vtt'),
    });
    const { summary } = await importFiles(context, folder, ['gesprek-1.wav', 'gesprek-1.vtt']);
    expect(summary.issues).toEqual([]);
    const transcript = context.db.prepare('SELECT format, speaker_roles_json FROM transcripts').get() as {
      format: string;
      speaker_roles_json: string;
    };
    expect(transcript.format).toBe('webvtt');
    expect(JSON.parse(transcript.speaker_roles_json)).toEqual({
      'speaker:Agent': 'agent',
      'speaker:Klant': 'customer',
    });
  });

  it('imports the audio of a pair whose transcript is refused, and says it came in without the transcript', async () => {
    const context = makeServiceContext(tempDir());
    const folder = folderWith({ 'gesprek-2.wav': join(audioFixtures, 'tone-stereo-8k.wav') });
    writeFileSync(join(folder, 'gesprek-2.vtt'), 'WEBVTT\n\n00:00:00.000 --> 00:59:00.000\nVeel te lang\n');
    const { summary } = await importFiles(context, folder, ['gesprek-2.wav', 'gesprek-2.vtt']);
    expect(summary.importedCallIds).toHaveLength(1);
    expect(summary.issues).toEqual([
      expect.objectContaining({
        fileName: 'gesprek-2.vtt',
        code: 'transcript_longer_than_audio',
        severity: 'error',
        importedWithout: 'gesprek-2.wav',
      }),
    ]);
    expect(context.db.prepare('SELECT COUNT(*) FROM transcripts').pluck().get()).toBe(0);
  });

  it('does not duplicate the same recording imported twice (content hash)', async () => {
    const context = makeServiceContext(tempDir());
    const folder = folderWith({
      'a.wav': join(audioFixtures, 'tone-mulaw-8k.wav'),
      'b-copy.wav': join(audioFixtures, 'tone-mulaw-8k.wav'),
    });
    const first = await importFiles(context, folder, ['a.wav']);
    expect(first.summary.importedCallIds).toHaveLength(1);
    const second = await importFiles(context, folder, ['b-copy.wav', 'a.wav']);
    expect(second.summary.importedCallIds).toEqual([]);
    expect(second.summary.issues.map((i) => [i.fileName, i.code, i.severity])).toEqual([
      ['b-copy.wav', 'duplicate_audio', 'warning'],
      ['a.wav', 'duplicate_audio', 'warning'],
    ]);
    expect(listCalls(context.db)).toHaveLength(1);
  });

  it('refuses bad files with reasons and keeps what was imported', async () => {
    const context = makeServiceContext(tempDir());
    await importFiles(context, audioFixtures, ['tone-pcm16-8k-mono.wav']);
    const folder = tempDir();
    copyFileSync(join(audioFixtures, 'empty.wav'), join(folder, 'empty.wav'));
    copyFileSync(join(audioFixtures, 'truncated.wav'), join(folder, 'truncated.wav'));
    copyFileSync(join(audioFixtures, 'not-audio.wav'), join(folder, 'not-audio.wav'));
    copyFileSync(join(audioFixtures, 'tone-gsm.wav'), join(folder, 'gsm.wav'));
    copyFileSync(join(audioFixtures, 'random-bytes.mp3'), join(folder, 'random.mp3'));
    writeFileSync(join(folder, 'plaatje.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]));
    writeFileSync(join(folder, 'los.vtt'), 'WEBVTT\n\n00:00.000 --> 00:01.000\nHallo\n');
    const { summary } = await importFiles(context, folder, [
      'empty.wav',
      'truncated.wav',
      'not-audio.wav',
      'gsm.wav',
      'random.mp3',
      'plaatje.png',
      'los.vtt',
    ]);
    const codes = Object.fromEntries(summary.issues.map((i) => [i.fileName, i.code]));
    expect(codes).toMatchObject({
      'empty.wav': 'file_empty',
      'truncated.wav': 'audio_truncated',
      'not-audio.wav': 'audio_unrecognized',
      'gsm.wav': 'audio_unsupported_codec',
      'plaatje.png': 'unsupported_file',
      'los.vtt': 'transcript_without_audio',
    });
    expect(['audio_unrecognized', 'audio_undecodable']).toContain(codes['random.mp3']);
    expect(summary.importedCallIds).toEqual([]);
    expect(listCalls(context.db)).toHaveLength(1);
  });

  it('stops on cancel; files finished before stay', async () => {
    const context = makeServiceContext(tempDir());
    const controller = new AbortController();
    context.events.listen((message) => {
      if (message.name === 'imports.progress' && (message.payload as { current: number }).current === 2)
        controller.abort();
    });
    const { summary } = await importFiles(
      context,
      audioFixtures,
      ['tone-pcm8-8k.wav', 'tone-pcm32-8k.wav', 'tone-float64-8k.wav'],
      controller.signal,
    );
    expect(summary.cancelled).toBe(true);
    expect(summary.importedCallIds).toHaveLength(1);
    expect(listCalls(context.db)).toHaveLength(1);
    expect(existsSync(join(context.paths.audioDir))).toBe(true);
    expect(readdirSync(context.paths.audioDir).filter((name) => name.includes('.partial-'))).toEqual([]);
  });
});
