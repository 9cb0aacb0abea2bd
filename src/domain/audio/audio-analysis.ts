// What decoding a recording tells about it: the facts stored with it and the peaks its waveform is drawn from.
// The import service asks for it through its port; the server's decoders produce it.

export interface AudioFacts {
  readonly container: string;
  readonly codec: string;
  readonly mimeType: string;
  readonly sampleRateHz: number;
  readonly channels: number;
  readonly durationMs: number;
}

export interface AudioAnalysis extends AudioFacts {
  /** Int16 interleaved min/max pairs, one array per channel. */
  readonly peaks: readonly Int16Array[];
  readonly pairsPerSecond: number;
}
