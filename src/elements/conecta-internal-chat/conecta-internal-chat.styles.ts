import { css } from 'lit';
import { tokens as t } from '../../styles/tokens.js';

export const internalChatStyles = css`
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
  .notice-only {
    display: block;
    padding: ${t.spaceM};
  }
  [part='conversations'] {
    list-style: none;
    margin: 0;
    padding: ${t.spaceXs};
    border-inline-end: 1px solid ${t.border};
    overflow-y: auto;
  }
  [part~='conversation'] {
    display: grid;
    grid-template-columns: 1fr auto;
    gap: 0 ${t.spaceXs};
    inline-size: 100%;
    padding: ${t.spaceXs} ${t.spaceS};
    border: 0;
    border-radius: ${t.radiusS};
    background: none;
    font: inherit;
    color: inherit;
    text-align: start;
    cursor: pointer;
  }
  [part~='conversation'][aria-current='true'] {
    background: ${t.surfaceAlt};
    font-weight: 600;
  }
  .preview {
    grid-column: 1 / -1;
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
    font-size: ${t.fontSizeS};
    text-align: center;
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
    font-size: ${t.fontSizeL};
  }
  .placeholder {
    padding: ${t.spaceM};
  }
`;
