// Made from the elements manifest by build/react-wrappers.mjs (`npm run manifest`): do not edit.
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import { ConectaWebchat as ConectaWebchatElement } from '../elements/conecta-webchat/conecta-webchat.js';
import type {
  WebchatCloseEvent,
  WebchatMessageEvent,
  WebchatOpenEvent,
  WebchatReadyEvent,
  WebchatUnreadEvent,
} from '../elements/conecta-webchat/events.js';

/** `<conecta-webchat>` as a React component. The WebChat channel on a website: a launcher (with the unread count) that opens a chat panel — the channel's pre-chat form and greeting, its numbered menu, or the offline form out of hours — then the conversation: queue position and estimated wait, the agent's name and avatar, typing both ways, read receipts, attachments; the visitor ends it, rates it 1–5 and downloads the transcript. The same conversation and unread count in every tab, across reloads. */
export const ConectaWebchat = createComponent({
  react: React,
  tagName: 'conecta-webchat',
  elementClass: ConectaWebchatElement,
  displayName: 'ConectaWebchat',
  events: {
    /** First rendered with a client: the API is ready. */
    onWebchatReady: 'conecta-webchat-ready' as EventName<WebchatReadyEvent>,
    /** The panel opened. */
    onWebchatOpen: 'conecta-webchat-open' as EventName<WebchatOpenEvent>,
    /** The panel closed. */
    onWebchatClose: 'conecta-webchat-close' as EventName<WebchatCloseEvent>,
    /** A new message in the conversation, from anyone. `detail: {message}`. */
    onWebchatMessage: 'conecta-webchat-message' as EventName<WebchatMessageEvent>,
    /** The number of agents' messages the visitor has not read changed. `detail: {count}`. */
    onWebchatUnread: 'conecta-webchat-unread' as EventName<WebchatUnreadEvent>,
  },
});
