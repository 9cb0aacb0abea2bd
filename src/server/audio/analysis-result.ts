import type { AudioContainer } from './sniff';

export interface AudioAnalysis {
  readonly container: AudioContainer;
  readonly codec: string;
  readonly mimeType: string;
  readonly sampleRateHz: number;
  readonly channels: number;
  readonly durationMs: number;
  /** Int16 interleaved min/max pairs, one array per channel. */
  readonly peaks: readonly Int16Array[];
  readonly pairsPerSecond: number;
}

export type AudioProblem =
  | 'audio_unrecognized'
  | 'audio_not_wav'
  | 'audio_truncated'
  | 'audio_unsupported_codec'
  | 'audio_invalid_header'
  | 'audio_undecodable'
  | 'audio_decoder_missing'
  | 'audio_too_many_channels'
  | 'cancelled';

export type AudioAnalysisResult =
  | { readonly ok: true; readonly value: AudioAnalysis }
  | { readonly ok: false; readonly problem: AudioProblem; readonly detail: string };

export const refusal = (problem: AudioProblem, detail: string): AudioAnalysisResult => ({ ok: false, problem, detail });
export const cancelled = (): AudioAnalysisResult => refusal('cancelled', 'cancelled');
