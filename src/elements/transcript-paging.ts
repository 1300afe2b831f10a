import { html, nothing } from 'lit';
import type { PagingWords } from './transcript.js';

/** Where paging back through a conversation stands. */
export interface OlderMessages {
  hasOlder: boolean;
  loading: boolean;
}

/**
 * What a transcript that pages back (the agents') shows above its messages: that older ones are
 * loading, or, once none is older, that this is the start of the conversation. Passed as the
 * transcript's `before`: the webchat does not page back, and its bundle carries none of this.
 */
export function renderPagingStatus(older: OlderMessages, words: PagingWords, hasMessages: boolean) {
  if (older.loading) return html`<p class="notice older" role="status">${words.loadingOlder}</p>`;
  return !older.hasOlder && hasMessages ? html`<p class="notice older">${words.startOfConversation}</p>` : nothing;
}
