import type { Identity } from '../domain/identity.js';
import { scopedCharges, type RateLimits } from '../limits/rate-limits.js';
import type { BucketKey } from '../limits/token-buckets.js';

/**
 * The buckets a command takes a token from: every command counts for its identity across all its
 * sockets; what an anonymous visitor creates (sessions, messages) also counts per visitor, per
 * client address and per channel.
 */
export function commandCharges(name: string, who: Identity, address: string, limits: RateLimits): BucketKey[] {
  const identity = who.kind === 'agent' ? `agent:${who.agentId}` : `visitor:${who.visitorId}`;
  const charges: BucketKey[] = [{ key: `commands:${identity}`, rule: limits.commands }];
  if (who.kind !== 'visitor') return charges;
  const scope = { visitorId: who.visitorId, address, channelKey: who.channelKey };
  if (name === 'webchat.start') charges.push(...scopedCharges('sessions', limits.sessions, scope));
  if (name === 'message.send') charges.push(...scopedCharges('messages', limits.messages, scope));
  return charges;
}
