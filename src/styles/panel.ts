import { css } from 'lit';
import { tokens as t } from './tokens.js';

/** A contact panel's frame (the history, the start-conversation dialog): a column on the surface, and its heading. */
export const panelStyles = css`
  [part='base'] {
    display: flex;
    flex-direction: column;
    gap: ${t.spaceS};
    padding: ${t.spaceS};
    background: ${t.surface};
    color: ${t.text};
    border-radius: ${t.radiusM};
  }
  h2 {
    margin: 0;
    font-size: ${t.fontSizeL};
  }
`;
