import { css } from 'lit';
import { tokens as t } from '../../styles/tokens.js';

export const webchatStyles = css`
  :host {
    position: fixed;
    inset-block-end: var(--conecta-webchat-offset, 1rem);
    inset-inline-end: var(--conecta-webchat-offset, 1rem);
    z-index: var(--conecta-webchat-z-index, 2147483000);
    display: flex;
    flex-direction: column;
    align-items: flex-end;
    gap: ${t.spaceS};
  }
  [part='launcher'] {
    border-radius: 999px;
    background: ${t.brand};
    border-color: ${t.brand};
    color: ${t.onBrand};
    padding-inline: ${t.spaceL};
    min-block-size: 3rem;
    box-shadow: ${t.shadow};
    font-weight: 600;
  }
  [part='panel'] {
    display: flex;
    flex-direction: column;
    inline-size: var(--conecta-webchat-width, 22rem);
    block-size: var(--conecta-webchat-height, 32rem);
    max-block-size: calc(100vh - 6rem);
    background: ${t.surface};
    border: 1px solid ${t.border};
    border-radius: ${t.radiusL};
    box-shadow: ${t.shadow};
    overflow: hidden;
  }
  [part='header'] {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: ${t.spaceS};
    padding-block: ${t.spaceS};
    padding-inline: ${t.spaceM};
    background: ${t.brand};
    color: ${t.onBrand};
  }
  [part='header'] h2 {
    font-size: ${t.fontSizeL};
  }
  [part='close-button'] {
    background: none;
    border-color: transparent;
    color: inherit;
  }
  [part='prechat'] {
    display: flex;
    flex-direction: column;
    gap: ${t.spaceM};
    padding: ${t.spaceM};
    overflow-y: auto;
  }
  .radio {
    display: flex;
    gap: ${t.spaceS};
    align-items: center;
    font-weight: normal;
    font-size: ${t.fontSize};
  }
  .radio input {
    inline-size: auto;
    min-block-size: 0;
  }
  .body {
    display: flex;
    flex-direction: column;
    flex: 1 1 auto;
    min-block-size: 0;
  }
  .loading {
    padding: ${t.spaceL};
    color: ${t.muted};
  }
  /* Phones: the open panel takes the whole screen. */
  @media (max-width: 480px) {
    :host([open]) {
      inset: 0;
    }
    :host([open]) [part='panel'] {
      inline-size: 100%;
      block-size: 100%;
      max-block-size: none;
      border-radius: 0;
      border: 0;
    }
    :host([open]) [part='launcher'] {
      display: none;
    }
  }
`;
