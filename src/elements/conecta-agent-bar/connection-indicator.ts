import type { ConnectionStatus } from '../../client/state.js';

/** What the bar's indicator says: green, amber or red. */
export type Indicator = 'connected' | 'reconnecting' | 'offline';

/**
 * Connected; reconnecting while no attempt failed yet (a blip, or the first connection); offline once
 * attempts fail (the server or the network is out of reach), or when the client gave up.
 */
export function indicatorOf(status: ConnectionStatus | null, failures: number): Indicator {
  if (status === 'connected') return 'connected';
  if (status === 'connecting' && failures === 0) return 'reconnecting';
  return 'offline';
}
