import { css } from 'lit';
import { tokens as t } from './tokens.js';

/**
 * What the agents' elements add to `hostStyles` for what the webchat never shows (so its bundle
 * leaves it out): the ended sign-in's alert, `h1` and definition lists, disabled buttons (the webchat's stay enabled, with
 * `aria-disabled`), selects styled as the other form controls.
 */
export const agentControlStyles = css`
  .auth-ended {
    margin: 0;
    padding-block: ${t.spaceS};
    padding-inline: ${t.spaceM};
    color: ${t.danger};
    background: ${t.surfaceAlt};
    border-inline-start: 3px solid ${t.danger};
    font-size: ${t.fontSizeS};
  }
  h1,
  dl,
  dd {
    margin: 0;
    padding: 0;
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }
  select {
    font: inherit;
    color: inherit;
    border: 1px solid ${t.border};
    border-radius: ${t.radiusS};
    background: ${t.surface};
    padding-block: ${t.spaceXs};
    padding-inline: ${t.spaceS};
    min-block-size: 2.25rem;
    inline-size: 100%;
  }
`;
