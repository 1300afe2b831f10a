import { css } from 'lit';
import { tokens as t } from './tokens.js';

/**
 * A tab list of equal, flat tabs, the selected one underlined in the brand colour: the session's
 * side panel and the contact form's sections. Its elements give `[role='tablist']` and `[part='tab']`.
 */
export const underlinedTabStyles = css`
  [role='tablist'] {
    display: flex;
    border-block-end: 1px solid ${t.border};
  }
  [part='tab'] {
    flex: 1 1 auto;
    border: 0;
    border-radius: 0;
    font-size: ${t.fontSizeS};
  }
  [part='tab'][aria-selected='true'] {
    box-shadow: inset 0 -2px 0 ${t.brand};
    font-weight: ${t.fontWeightStrong};
  }
`;
