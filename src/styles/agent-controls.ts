import { css } from 'lit';
import { avatarStyles } from '../elements/avatar.js';
import { skeletonStyles } from '../elements/skeleton.js';
import { agentThemeStyles, density } from './agent-theme.js';
import { tokens as t } from './tokens.js';

/**
 * What the agents' elements add to `hostStyles` for what the webchat never shows (so its bundle
 * leaves it out): the ended sign-in's alert, `h1` and definition lists, disabled buttons (the webchat's stay enabled, with
 * `aria-disabled`), selects styled as the other form controls; avatars and loading skeletons; and their theme and density.
 */
export const agentControlStyles = css`
  ${agentThemeStyles}
  ${avatarStyles}
  ${skeletonStyles}
  .auth-ended {
    margin: 0;
    padding-block: ${t.spaceS};
    padding-inline: ${t.spaceM};
    color: ${t.danger};
    background: ${t.surfaceAlt};
    border-inline-start: 3px solid ${t.danger};
    font-size: ${t.fontSizeS};
  }
  /* People's names are data: a right-to-left override typed into one must not reorder what follows it. */
  .initials,
  .name,
  .author {
    unicode-bidi: isolate;
  }
  h1,
  dl,
  dd,
  legend {
    margin: 0;
    padding: 0;
  }
  /* A button with only an icon (named by aria-label): square, quiet until hovered. */
  button.icon-button {
    display: inline-grid;
    place-items: center;
    padding: 0;
    min-inline-size: ${density.controlSize};
    border-color: transparent;
    background: none;
    color: ${t.muted};
  }
  button.icon-button:hover:not(:disabled) {
    background: ${t.surfaceAlt};
    color: ${t.text};
  }
  /* An attachment's link is a target of its own: 24 px high even before its image loads. */
  a[part~='attachment'] {
    min-block-size: 1.5rem;
    min-inline-size: 1.5rem;
  }
  /* The connection notice's "connecting" dot (hostStyles has it hard-coded, for the webchat's budget). */
  .connection[data-status='connecting']::before {
    background: ${t.warning};
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
    min-block-size: ${density.controlSize};
    inline-size: 100%;
  }
`;
