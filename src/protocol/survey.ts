import type { SystemEvent } from './entities.js';

/** Whether a system event closes its session: finished (by anyone, alone or in bulk) or expired while waiting. */
export const closesSession = (event: SystemEvent): boolean => event.type === 'finished' || event.type === 'expired';

/**
 * Whether the event that closed a session offered the contact the rating survey: a bulk finish and
 * the team's waiting timeout offer none. The server refuses `webchat.rate` for those, and the
 * webchat does not show them the rating form.
 */
export const offersSurvey = (closing: SystemEvent): boolean => closing.type === 'finished' && !closing.bulk;
