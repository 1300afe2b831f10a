import { css } from 'lit';
import { density } from '../../styles/agent-theme.js';
import { tokens as t } from '../../styles/tokens.js';

export const contactHistoryStyles = css`
  .scroll {
    overflow-x: auto;
  }
  table {
    inline-size: 100%;
    border-collapse: collapse;
    font-size: ${t.fontSizeS};
  }
  th,
  td {
    text-align: start;
    padding: ${density.rowPadding} ${t.spaceS};
    border-block-end: 1px solid ${t.border};
    white-space: nowrap;
  }
  th {
    font-weight: ${t.fontWeightStrong};
    color: ${t.muted};
  }
  /* The protocol is a link, and a target of its own: 24 px high at least. */
  button.link[part='open-button'] {
    min-block-size: 1.5rem;
  }
  .read-only {
    margin: 0;
    padding: ${t.spaceS};
    background: ${t.surfaceAlt};
    border-radius: ${t.radiusS};
    font-size: ${t.fontSizeS};
  }
  [part='earlier-session'] {
    display: block;
    block-size: var(--conecta-contact-history-session-height, 32rem);
  }
  /* Narrow: each session is a card of label: value lines instead of a row of cells. */
  @container (max-width: 36rem) {
    /* Each cell says what it is (its data-label, before it): the column headers would only overflow. */
    thead {
      display: none;
    }
    tr {
      display: grid;
      grid-template-columns: auto 1fr;
      column-gap: ${t.spaceS};
      padding-block: ${t.spaceXs};
      border-block-end: 1px solid ${t.border};
    }
    td {
      border: 0;
      padding: 0;
      white-space: normal;
      display: contents;
    }
    td::before {
      content: attr(data-label);
      color: ${t.muted};
    }
  }
  :host {
    container-type: inline-size;
  }
`;
