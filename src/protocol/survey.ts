import type { Message } from './entities.js';

/**
 * Whether a finished session offered the contact the rating survey, from its messages: its closing
 * message (the last `finished` or `expired` one) was neither a bulk finish nor the team's waiting
 * timeout. The server refuses `webchat.rate` for those, and the webchat shows them no rating form.
 * With no closing message among `messages` (not fetched yet) the survey counts as offered: the
 * server has the last word.
 */
export function offersSurvey(messages: readonly Pick<Message, 'system'>[]): boolean {
  const closing = messages.findLast(({ system }) => system?.type === 'finished' || system?.type === 'expired')?.system;
  return !closing || (closing.type === 'finished' && !closing.bulk);
}
