import type { ChannelAdapter } from './channel-adapter.js';

/**
 * The webchat as a channel adapter. Its transport is the visitor's own socket: inbound messages are
 * the visitor's commands (WebchatService, MessageService), outbound ones reach it through the
 * session's events, and receipts come back as `message.receipt`. Nothing more to do here.
 */
export const webchatAdapter: ChannelAdapter = {
  kind: 'webchat',
  checkOutbound: async () => {},
  queueOutbound: async () => {},
  deliver: () => {},
};
