import type { AudioAnalysis as DomainAudioAnalysis } from '../../domain/audio/audio-analysis';
import type { AudioContainer } from './sniff';

/** The domain's audio analysis, with the container narrowed to the ones the decoders recognise. */
export interface AudioAnalysis extends DomainAudioAnalysis {
  readonly container: AudioContainer;
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
