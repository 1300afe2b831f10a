import { css } from 'lit';
import { tokens as t } from './tokens.js';

/**
 * What every element shares: a reset against the host page's CSS (a CRM's stylesheet must not leak
 * in through inheritance), the font, focus rings, buttons and form controls, the connection notice.
 * (The agents' busy spinner is `spinnerStyles`, their selects and disabled buttons `agentControlStyles`:
 * the webchat has none.)
 * Logical properties throughout, so `dir="rtl"` mirrors the layout.
 */
export const hostStyles = css`
  :host {
    all: initial;
    display: block;
    box-sizing: border-box;
    font-family: ${t.fontFamily};
    font-size: ${t.fontSize};
    line-height: 1.4;
    color: ${t.text};
    text-align: start;
  }
  :host([hidden]),
  [hidden] {
    display: none !important;
  }
  /* Not \`inherit\`: a page rule like \`* { box-sizing: content-box !important }\` reaches the host. */
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  :focus-visible {
    outline: 2px solid ${t.focus};
    outline-offset: 2px;
  }
  h2, h3, p, ul, ol, fieldset {
    margin: 0;
    padding: 0;
  }
  ul, ol {
    list-style: none;
  }
  fieldset {
    border: 0;
    min-inline-size: 0;
  }
  button, input, textarea {
    font: inherit;
    color: inherit;
  }
  button {
    cursor: pointer;
    border: 1px solid ${t.border};
    border-radius: ${t.radiusM};
    background: ${t.surface};
    padding-block: ${t.spaceXs};
    padding-inline: ${t.spaceM};
    min-block-size: 2.25rem;
  }
  button.primary {
    background: ${t.brand};
    border-color: ${t.brand};
    color: ${t.onBrand};
  }
  button.danger {
    color: ${t.danger};
    border-color: currentColor;
  }
  button.link {
    border: 0;
    background: none;
    padding: 0;
    min-block-size: 0;
    color: ${t.brand};
    text-decoration: underline;
  }
  input, textarea {
    border: 1px solid ${t.border};
    border-radius: ${t.radiusS};
    background: ${t.surface};
    padding-block: ${t.spaceXs};
    padding-inline: ${t.spaceS};
    min-block-size: 2.25rem;
    inline-size: 100%;
  }
  [aria-invalid='true'] {
    border-color: ${t.danger};
  }
  /* A labelled control, the same in every element's forms: the label above, the control below. */
  .field {
    display: flex;
    flex-direction: column;
    gap: ${t.spaceXs};
  }
  /* :where() keeps these weak, so an element's own label styles (e.g. radio options) win. */
  :where(.field) > label,
  legend {
    font-weight: 600;
    font-size: ${t.fontSizeS};
  }
  .field-error,
  .error {
    color: ${t.danger};
    font-size: ${t.fontSizeS};
  }
  .muted {
    color: ${t.muted};
    font-size: ${t.fontSizeS};
  }
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .connection {
    display: flex;
    align-items: center;
    gap: ${t.spaceXs};
    color: ${t.muted};
    font-size: ${t.fontSizeS};
    padding-block: ${t.spaceXs};
    padding-inline: ${t.spaceM};
    background: ${t.surfaceAlt};
  }
  .connection::before {
    content: '';
    inline-size: 0.5rem;
    block-size: 0.5rem;
    border-radius: 50%;
    background: ${t.muted};
  }
  .connection[data-status='connecting']::before {
    background: #c98a00;
  }
`;
