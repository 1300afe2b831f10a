import { css } from 'lit';
import { density } from '../../styles/agent-theme.js';
import { tokens as t } from '../../styles/tokens.js';

/* The chat adapts to its own width: under 32rem (a desk's side column, a phone) the list sits above the conversation. */
export const internalChatStyles = css`
  :host {
    container: internal-chat / inline-size;
  }
  [part='base'] {
    display: grid;
    grid-template-columns: minmax(10rem, 16rem) 1fr;
    min-block-size: var(--conecta-internal-chat-min-block-size, 24rem);
    background: ${t.surface};
    border: 1px solid ${t.border};
    border-radius: ${t.radiusM};
    overflow: hidden;
  }
  :host([variant='compact']) [part='base'] {
    grid-template-columns: 1fr;
  }
  :host([variant='compact']) [part='base'] > nav {
    border-inline-end: 0;
  }
  /* One column with no conversation open: the list alone, as high as it is (the list says what to do). */
  :host([variant='compact']) .without-conversation {
    min-block-size: 0;
  }
  :host([variant='compact']) .without-conversation > [part='conversation-view'] {
    display: none;
  }
  @container internal-chat (max-width: 32rem) {
    [part='base'] {
      grid-template-columns: 1fr;
    }
    [part='base'] > nav {
      border-inline-end: 0;
      border-block-end: 1px solid ${t.border};
    }
    [part='conversations'] {
      max-block-size: 12rem;
    }
    .without-conversation {
      min-block-size: 0;
    }
    .without-conversation > [part='conversation-view'] {
      display: none;
    }
  }
  .notice-only {
    display: block;
    padding: ${t.spaceM};
  }
  [part='base'] > nav {
    min-inline-size: 0;
    border-inline-end: 1px solid ${t.border};
  }
  [part='conversations'] {
    list-style: none;
    margin: 0;
    padding: ${t.spaceXs};
    overflow-y: auto;
  }
  /* The avatar, the name and the unread count, the last message under the name. */
  [part~='conversation'] {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr) auto;
    align-items: center;
    gap: 0 ${t.spaceS};
    inline-size: 100%;
    padding: ${density.rowPadding} ${t.spaceS};
    border: 0;
    border-radius: ${t.radiusS};
    background: none;
    font: inherit;
    color: inherit;
    text-align: start;
    cursor: pointer;
  }
  [part~='conversation']:hover,
  [part~='conversation'][aria-current='true'] {
    background: ${t.surfaceAlt};
  }
  [part~='conversation'] .avatar {
    grid-row: 1 / span 2;
  }
  .name {
    font-weight: ${t.fontWeightStrong};
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
  }
  .preview {
    grid-column: 2 / -1;
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
    font-size: ${t.fontSizeS};
  }
  [part='unread'] {
    min-inline-size: 1.25rem;
    padding-inline: ${t.spaceXs};
    border-radius: 999px;
    background: var(--conecta-internal-chat-unread-background, ${t.brand});
    color: ${t.onBrand};
    font-size: ${t.fontSizeXs};
    line-height: 1.5;
    text-align: center;
    font-variant-numeric: tabular-nums;
  }
  [part='conversation-view'] {
    display: flex;
    flex-direction: column;
    min-inline-size: 0;
  }
  [part='header'] {
    margin: 0;
    padding: ${t.spaceS} ${t.spaceM};
    border-block-end: 1px solid ${t.border};
    font-size: ${t.fontSize};
    font-weight: ${t.fontWeightStrong};
  }
  .placeholder {
    padding: ${t.spaceM};
  }
`;
