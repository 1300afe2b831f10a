import { css } from 'lit';
import { tokens as t } from '../../styles/tokens.js';

export const agentBarStyles = css`
  [part='base'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: ${t.spaceS} ${t.spaceM};
    padding: ${t.spaceS} ${t.spaceM};
    background: ${t.surface};
    border-block-end: 1px solid ${t.border};
  }
  .identity {
    display: flex;
    align-items: center;
    gap: ${t.spaceS};
    min-inline-size: 0;
  }
  .photo {
    inline-size: 2.25rem;
    block-size: 2.25rem;
    border-radius: 50%;
    object-fit: cover;
    flex: none;
  }
  .initials {
    display: grid;
    place-items: center;
    background: ${t.brand};
    color: ${t.onBrand};
    font-weight: ${t.fontWeightStrong};
    font-size: ${t.fontSizeS};
  }
  .names {
    display: grid;
    min-inline-size: 0;
  }
  .name,
  .nickname {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .nickname,
  .muted {
    color: ${t.muted};
    font-size: ${t.fontSizeS};
  }
  .indicator {
    position: relative;
    display: inline-flex;
    align-items: center;
    gap: ${t.spaceXs};
    font-size: ${t.fontSizeS};
    border-radius: ${t.radiusS};
    padding-inline: ${t.spaceXs};
    /* Focusable (its tooltip opens on focus): a 24 px target at least. */
    min-block-size: 1.5rem;
  }
  .dot {
    inline-size: 0.75rem;
    block-size: 0.75rem;
    border-radius: 50%;
    background: var(--conecta-agent-bar-connected-color, ${t.success});
  }
  [data-indicator='reconnecting'] .dot {
    background: var(--conecta-agent-bar-reconnecting-color, ${t.warning});
  }
  [data-indicator='offline'] .dot {
    background: var(--conecta-agent-bar-offline-color, ${t.danger});
  }
  .tip {
    display: none;
    position: absolute;
    inset-block-start: calc(100% + 4px);
    inset-inline-start: 0;
    z-index: 10;
    inline-size: max-content;
    max-inline-size: min(20rem, 80vw);
    padding: ${t.spaceS};
    background: ${t.text};
    color: ${t.surface};
    border-radius: ${t.radiusS};
    box-shadow: ${t.shadow};
  }
  .indicator:hover .tip,
  .indicator:focus .tip {
    display: block;
  }
  .pause {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: ${t.spaceS};
  }
  .pause select {
    inline-size: auto;
    max-inline-size: 12rem;
  }
  .over-limit,
  .pause-error {
    flex-basis: 100%;
    color: ${t.danger};
    font-weight: ${t.fontWeightStrong};
  }
  :host(:state(over-limit)) [part='pause'] {
    border-inline-start: 3px solid ${t.danger};
    padding-inline-start: ${t.spaceS};
  }
  .stats {
    display: flex;
    flex-wrap: wrap;
    gap: ${t.spaceS} ${t.spaceM};
    font-size: ${t.fontSizeS};
  }
  .stats div {
    display: flex;
    gap: ${t.spaceXs};
  }
  .stats dt {
    color: ${t.muted};
  }
  .stats dd {
    font-weight: ${t.fontWeightStrong};
  }
  .alerts-box {
    display: inline-flex;
    flex-wrap: wrap;
    align-items: center;
    gap: ${t.spaceXs};
  }
  [part='alerts'][aria-checked='true'] {
    background: ${t.brand};
    border-color: ${t.brand};
    color: ${t.onBrand};
  }
  .alerts-help {
    flex-basis: 100%;
    font-size: ${t.fontSizeS};
    color: ${t.muted};
    max-inline-size: 28rem;
  }
  .auth-ended {
    flex-basis: 100%;
  }
  dialog {
    inline-size: min(28rem, calc(100vw - 2rem));
    max-block-size: calc(100dvh - 2rem);
    padding: ${t.spaceL};
    border: 1px solid ${t.border};
    border-radius: ${t.radiusM};
    color: inherit;
    background: ${t.surface};
    font: inherit;
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.35);
  }
  dialog header {
    display: flex;
    justify-content: space-between;
    align-items: center;
    gap: ${t.spaceS};
    margin-block-end: ${t.spaceM};
  }
  dialog form {
    display: grid;
    gap: ${t.spaceM};
  }
  .password-form {
    margin-block-start: ${t.spaceL};
    padding-block-start: ${t.spaceM};
    border-block-start: 1px solid ${t.border};
  }
  dialog label {
    display: grid;
    gap: ${t.spaceXs};
  }
  .photo-row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: ${t.spaceS};
  }
  .form-error {
    color: ${t.danger};
  }
  .form-error:empty {
    display: none;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: ${t.spaceS};
    align-items: center;
  }
  .saved {
    color: ${t.success};
    font-size: ${t.fontSizeS};
  }
  /* Narrow: who, the connection and the pause stay in view; the rest opens below, full width. */
  .narrow .identity {
    flex: 1 1 auto;
  }
  .more-button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-inline-size: 2.25rem;
    min-block-size: 2.25rem;
    padding: 0;
  }
  .more {
    display: flex;
    flex-basis: 100%;
    flex-wrap: wrap;
    align-items: center;
    gap: ${t.spaceS} ${t.spaceM};
    padding-block-start: ${t.spaceS};
    border-block-start: 1px solid ${t.border};
  }
  .more[hidden] {
    display: none;
  }
`;
