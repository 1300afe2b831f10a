import type { ClientMessage } from '../../protocol/index.js';

const init = <D>(detail: D) => ({ detail, bubbles: true, composed: true });

/** The widget rendered for the first time with a client: its API is ready. */
export class WebchatReadyEvent extends CustomEvent<Record<string, never>> {
  constructor() {
    super('conecta-webchat-ready', init({}));
  }
}

/** The panel opened. */
export class WebchatOpenEvent extends CustomEvent<Record<string, never>> {
  constructor() {
    super('conecta-webchat-open', init({}));
  }
}

/** The panel closed. */
export class WebchatCloseEvent extends CustomEvent<Record<string, never>> {
  constructor() {
    super('conecta-webchat-close', init({}));
  }
}

/** A new message in the conversation, from anyone (the visitor's own as soon as it is written). */
export class WebchatMessageEvent extends CustomEvent<{ message: ClientMessage }> {
  constructor(message: ClientMessage) {
    super('conecta-webchat-message', init({ message }));
  }
}

/** The number of the agents' messages the visitor has not read changed. */
export class WebchatUnreadEvent extends CustomEvent<{ count: number }> {
  constructor(count: number) {
    super('conecta-webchat-unread', init({ count }));
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'conecta-webchat-ready': WebchatReadyEvent;
    'conecta-webchat-open': WebchatOpenEvent;
    'conecta-webchat-close': WebchatCloseEvent;
    'conecta-webchat-message': WebchatMessageEvent;
    'conecta-webchat-unread': WebchatUnreadEvent;
  }
}
