import type { Session } from './entities.js';

/** What tells one new session from another; everything else starts empty. */
export type NewSessionFields = Pick<Session, 'id' | 'protocol' | 'channel' | 'channelKey' | 'teamId' | 'contactId' | 'createdAt'>;

/** A session as it begins: waiting for its team, no agent, no tags, no messages, version 1. */
export function newSession(fields: NewSessionFields): Session {
  return {
    ...fields,
    status: 'waiting',
    agentId: null,
    agentName: null,
    targetAgentId: null,
    invitedAgentIds: [],
    tagIds: [],
    acceptedAt: null,
    finishedAt: null,
    lastSeq: 0,
    lastMessageAt: null,
    lastMessageText: null,
    lastInboundAt: null,
    rating: null,
    ratingComment: null,
    version: 1,
  };
}
