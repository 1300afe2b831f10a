// Made from the elements manifest by build/react-wrappers.mjs (`npm run manifest`): do not edit.
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import { ConectaInternalChat as ConectaInternalChatElement } from '../elements/conecta-internal-chat/conecta-internal-chat.js';
import type { AuthEndedEvent } from '../elements/auth-ended-event.js';

/** `<conecta-internal-chat>` as a React component. The internal chat between agents: the conversations with colleagues (the most recent first, with unread counts) and the open conversation — history paged back on scrolling up, files attached by button, drop or a pasted screenshot, read marks, and an optional beep and browser notification for a colleague's message while the page is hidden. For agents the admin allowed (the internalChat permission); others see why it is disabled. */
export const ConectaInternalChat = createComponent({
  react: React,
  tagName: 'conecta-internal-chat',
  elementClass: ConectaInternalChatElement,
  displayName: 'ConectaInternalChat',
  events: {
    /** The agent's sign-in ended and could not be renewed. `detail: {reason}`. */
    onAuthEnded: 'conecta-auth-ended' as EventName<AuthEndedEvent>,
  },
});
