import type { TranscriptFormatReader } from '../model';
import { klankbordJsonReader } from './klankbord-json';
import { webVttReader } from './webvtt';
import { srtReader } from './srt';
import { whisperXJsonReader } from './whisperx-json';
import { whisperCppJsonReader } from './whisper-cpp-json';
import { whisperJsonReader } from './whisper-json';
import { awsTranscribeJsonReader } from './aws-transcribe-json';
import { deepgramJsonReader } from './deepgram-json';
import { assemblyAiJsonReader } from './assemblyai-json';
import { googleSttJsonReader } from './google-stt-json';

/**
 * Readers in detection order: the most specific shapes first (WhisperX output is also valid Whisper-like JSON,
 * so it must be tried before plain Whisper).
 */
export const transcriptReaders: readonly TranscriptFormatReader[] = [
  klankbordJsonReader,
  webVttReader,
  srtReader,
  awsTranscribeJsonReader,
  deepgramJsonReader,
  assemblyAiJsonReader,
  googleSttJsonReader,
  whisperXJsonReader,
  whisperCppJsonReader,
  whisperJsonReader,
];
