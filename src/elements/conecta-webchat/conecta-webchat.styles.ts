import { css } from 'lit';
import { tokens as t } from '../../styles/tokens.js';

/*
 * Light and dark: the page's `--conecta-*` tokens always win; without them, the channel's colour
 * (set by the element through the CSSOM) and this theme's defaults apply. The defaults are remapped
 * onto the tokens inside the panel and the launcher, so the shared styles (buttons, transcript) follow,
 * and the rules below read the tokens (`t.*`) there as the shared styles do.
 */
const dark = css`
  color-scheme: dark;
  --_surface: var(--conecta-color-surface, #1e222a);
  --_surface-alt: var(--conecta-color-surface-alt, #15181e);
  --_text: var(--conecta-color-text, #e8eaed);
  --_muted: var(--conecta-color-muted, #a3acb9);
  --_border: var(--conecta-color-border, #3c4350);
  --_danger: var(--conecta-color-danger, #f28b82);
  --_other: var(--conecta-message-background, #2a2f3a);
  --_own: var(--conecta-message-own-background, #263a57);
`;

/** The launcher, its unread badge, the panel and its phone layout. */
export const webchatStyles = css`
  :host {
    --_accent: var(--conecta-color-brand, var(--conecta-webchat-channel-color, #0b5cad));
    --_on-accent: var(--conecta-color-on-brand, var(--conecta-webchat-channel-on-color, #fff));
    --_surface: ${t.surface};
    --_surface-alt: ${t.surfaceAlt};
    --_text: ${t.text};
    --_muted: ${t.muted};
    --_border: ${t.border};
    --_danger: ${t.danger};
    --_other: var(--conecta-message-background, #fff);
    --_own: var(--conecta-message-own-background, #e3eefa);
    --_offset: var(--conecta-webchat-offset, 1rem);
    position: fixed;
    inset-block-end: calc(var(--_offset) + env(safe-area-inset-bottom, 0px));
    inset-inline-end: calc(var(--_offset) + env(safe-area-inset-right, 0px));
    z-index: var(--conecta-webchat-z-index, 2147483000);
    display: flex;
    flex-direction: column;
    align-items: flex-end;
    gap: ${t.spaceS};
  }
  :host([data-position='left']) {
    inset-inline-end: auto;
    inset-inline-start: calc(var(--_offset) + env(safe-area-inset-left, 0px));
    align-items: flex-start;
  }
  :host([theme='dark']) {
    ${dark}
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      ${dark}
    }
  }
  [part='panel'],
  [part='launcher'] {
    --conecta-color-brand: var(--_accent);
    --conecta-color-on-brand: var(--_on-accent);
    --conecta-color-focus: var(--_accent);
    --conecta-color-surface: var(--_surface);
    --conecta-color-surface-alt: var(--_surface-alt);
    --conecta-color-text: var(--_text);
    --conecta-color-muted: var(--_muted);
    --conecta-color-border: var(--_border);
    --conecta-color-danger: var(--_danger);
    --conecta-message-background: var(--_other);
    --conecta-message-own-background: var(--_own);
    color: var(--_text);
  }
  svg {
    inline-size: 1.25rem;
    block-size: 1.25rem;
    fill: none;
    stroke: currentColor;
    stroke-width: 2;
    stroke-linecap: round;
    stroke-linejoin: round;
    flex: none;
  }
  [part='launcher'] {
    position: relative;
    display: grid;
    place-items: center;
    inline-size: 3.5rem;
    block-size: 3.5rem;
    padding: 0;
    border: 0;
    border-radius: 50%;
    background: ${t.brand};
    color: ${t.onBrand};
    box-shadow: ${t.shadow};
  }
  /* The paper plane points along the line. */
  [part='send-button'] svg:dir(rtl) {
    transform: scaleX(-1);
  }
  [part='launcher'] svg {
    inline-size: 1.75rem;
    block-size: 1.75rem;
  }
  [part='badge'] {
    position: absolute;
    inset-block-start: -0.25rem;
    inset-inline-end: -0.25rem;
    min-inline-size: 1.35rem;
    padding-inline: 0.3rem;
    border-radius: 999px;
    background: #b3261e;
    color: #fff;
    font-size: 0.75rem;
    font-weight: 700;
    line-height: 1.35rem;
  }
  [part='panel'] {
    display: flex;
    flex-direction: column;
    inline-size: var(--conecta-webchat-width, 23rem);
    block-size: var(--conecta-webchat-height, 34rem);
    max-block-size: calc(100vh - 7rem);
    max-inline-size: calc(100vw - 2rem);
    background: ${t.surface};
    border: 1px solid ${t.border};
    border-radius: ${t.radiusL};
    box-shadow: ${t.shadow};
    overflow: hidden;
  }
  [part='header'] {
    display: flex;
    align-items: center;
    gap: ${t.spaceS};
    padding-block: ${t.spaceS};
    padding-inline: ${t.spaceM} ${t.spaceS};
    background: ${t.brand};
    color: ${t.onBrand};
  }
  [part='header'] h2 {
    flex: 1;
    min-inline-size: 0;
    display: flex;
    flex-direction: column;
    font-size: ${t.fontSizeL};
    overflow-wrap: anywhere;
  }
  [part='header'] h2 small {
    font-size: ${t.fontSizeS};
    font-weight: normal;
  }
  [part='avatar'] {
    display: grid;
    place-items: center;
    inline-size: 2.25rem;
    block-size: 2.25rem;
    border-radius: 50%;
    background: ${t.onBrand};
    color: ${t.brand};
    font-weight: 700;
    flex: none;
  }
  .icon-button {
    display: grid;
    place-items: center;
    inline-size: 2.25rem;
    padding: 0;
    border-color: transparent;
    background: none;
    color: inherit;
  }
  [part='header'] :focus-visible {
    outline-color: currentColor;
  }
  .stage {
    display: flex;
    flex-direction: column;
    gap: ${t.spaceM};
    flex: 1 1 auto;
    min-block-size: 0;
    padding: ${t.spaceM};
    overflow-y: auto;
  }
  .stage h3 {
    font-size: ${t.fontSize};
  }
  [part='menu-option'] {
    inline-size: 100%;
    margin-block-end: ${t.spaceXs};
    text-align: start;
  }
  .row {
    display: flex;
    gap: ${t.spaceS};
    align-items: flex-end;
    flex-wrap: wrap;
  }
  .row > .field {
    flex: 1;
  }
  .conversation {
    display: flex;
    flex-direction: column;
    flex: 1 1 auto;
    min-block-size: 0;
  }
  [part='queue-status'],
  [part='typing'] {
    padding-block: ${t.spaceXs};
    padding-inline: ${t.spaceM};
    color: ${t.muted};
    font-size: ${t.fontSizeS};
  }
  [part='typing']::after {
    content: '';
    display: inline-block;
    inline-size: 1.2em;
    text-align: start;
    animation: conecta-dots 1.2s steps(4) infinite;
  }
  @keyframes conecta-dots {
    25% { content: '.'; }
    50% { content: '..'; }
    75% { content: '...'; }
  }
  [part='link'],
  [part~='file'],
  button.link {
    color: inherit;
  }
  /* Besides the shared [part='input'] rule: fixed, and shorter. */
  [part='composer'] .composer-row > textarea {
    flex: 1;
    resize: none;
    max-block-size: 8rem;
  }
  [part='uploads'] {
    display: flex;
    flex-direction: column;
    gap: ${t.spaceXs};
    font-size: ${t.fontSizeS};
  }
  [part='upload'] {
    display: flex;
    gap: ${t.spaceS};
    align-items: center;
  }
  [part='upload'] span {
    flex: 1;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  progress {
    inline-size: 4rem;
    accent-color: ${t.brand};
  }
  [part='confirm'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: ${t.spaceS};
    padding: ${t.spaceS} ${t.spaceM};
    border-block-end: 1px solid ${t.border};
    background: ${t.surfaceAlt};
  }
  [part='confirm'] p {
    flex: 1 1 100%;
  }
  [aria-disabled='true'] {
    opacity: 0.6;
    cursor: progress;
  }
  .drop {
    outline: 2px dashed ${t.brand};
    outline-offset: -4px;
  }
  /* Phones: the open panel takes the whole screen, inside the safe area and above the keyboard. */
  @media (max-width: 480px) {
    :host([open]) {
      inset: 0;
    }
    :host([open]) [part='panel'] {
      position: fixed;
      inset-inline: 0;
      inset-block-start: var(--conecta-visual-viewport-top, 0);
      inline-size: 100%;
      max-inline-size: none;
      block-size: var(--conecta-visual-viewport-height, 100dvh);
      max-block-size: none;
      border: 0;
      border-radius: 0;
      padding: env(safe-area-inset-top, 0) env(safe-area-inset-right, 0) env(safe-area-inset-bottom, 0) env(safe-area-inset-left, 0);
    }
    :host([open]) [part='launcher'] {
      display: none;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    [part='typing']::after {
      animation: none;
      content: '…';
    }
  }
`;
