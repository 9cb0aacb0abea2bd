import { computeSignals } from '../domain/signals/compute-signals';
import type { CallSignalsRequest, CallSignalsResult } from '../services/ports';
import { decodeFrameEnergies } from './audio/decode-frame-energies';
import { lexiconsFor, loadLexicons } from './lexicons';

/** A call's signals from its stored recording and transcript: decoding and computing, in the thread that calls it
 *  (a worker in the app). A recording that cannot be decoded is a value, never a throw. */
export async function computeCallSignals(
  request: CallSignalsRequest,
  options: { readonly signal?: AbortSignal; readonly ffmpegPath?: string | null } = {},
): Promise<CallSignalsResult> {
  const energies = await decodeFrameEnergies(request.audioPath, options);
  if (!energies.ok) return { ok: false, problem: energies.problem, detail: energies.detail };
  const lexicons = lexiconsFor(loadLexicons(), request.transcript?.language ?? null);
  return {
    ok: true,
    value: computeSignals({
      durationMs: energies.value.durationMs,
      energies: energies.value,
      agentChannel: request.agentChannel,
      transcript: request.transcript,
      roles: request.roles ?? undefined,
      lexicons,
      customerName: request.customerName,
    }),
  };
}
