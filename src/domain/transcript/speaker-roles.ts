import type { Transcript, TranscriptSegment } from './model';

export type SpeakerRole = 'agent' | 'customer' | 'unknown';
export type SpeakerRoles = Readonly<Record<string, SpeakerRole>>;

/** The key under which a segment's speaker is mapped: its channel when known, else its label. */
export function speakerKey(segment: Pick<TranscriptSegment, 'speaker' | 'channel'>): string {
  return segment.channel !== null ? `channel:${segment.channel}` : `speaker:${segment.speaker ?? ''}`;
}

const agentLabel = /\b(agent|medewerker|operator|support|employee|rep(resentative)?)\b/i;
const customerLabel = /\b(customer|klant|caller|beller|client)\b/i;

/**
 * Guesses who is the agent and who the customer (editable by the user afterwards):
 * channels map by the call's agent channel (left = agent by default); labels that say "agent"/"klant" map by
 * name; otherwise the first speaker to talk is the agent (agents open the call), every other speaker the customer.
 */
export function guessSpeakerRoles(transcript: Pick<Transcript, 'segments'>, agentChannel: 0 | 1 = 0): SpeakerRoles {
  const roles: Record<string, SpeakerRole> = {};
  const order: string[] = [];
  for (const segment of transcript.segments) {
    const key = speakerKey(segment);
    if (key in roles) continue;
    order.push(key);
    if (segment.channel !== null) roles[key] = segment.channel === agentChannel ? 'agent' : 'customer';
    else if (segment.speaker && agentLabel.test(segment.speaker)) roles[key] = 'agent';
    else if (segment.speaker && customerLabel.test(segment.speaker)) roles[key] = 'customer';
    else roles[key] = 'unknown';
  }
  const unresolved = order.filter((key) => roles[key] === 'unknown');
  const labelled = order.filter((key) => key !== 'speaker:');
  if (unresolved.length > 0 && labelled.length > 1) {
    const agentTaken = Object.values(roles).includes('agent');
    unresolved.forEach((key, index) => {
      if (key === 'speaker:') return;
      roles[key] = !agentTaken && index === 0 ? 'agent' : 'customer';
    });
  }
  return roles;
}
