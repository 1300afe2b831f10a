import { css } from 'lit';
import { density } from '../../styles/agent-theme.js';
import { tokens as t } from '../../styles/tokens.js';

export const contactsStyles = css`
  [part='base'] {
    display: flex;
    flex-direction: column;
    gap: ${t.spaceS};
    padding: ${t.spaceS};
    background: ${t.surface};
    border: 1px solid ${t.border};
    border-radius: ${t.radiusM};
    min-inline-size: 0;
  }
  .filters {
    display: flex;
    flex-wrap: wrap;
    gap: ${t.spaceS};
    align-items: end;
  }
  .filters .search {
    flex: 1 1 14rem;
    display: flex;
    flex-direction: column;
    gap: ${t.spaceXs};
  }
  .filters .channel,
  .filters .account {
    flex: 0 1 10rem;
    display: flex;
    flex-direction: column;
    gap: ${t.spaceXs};
  }
  .scroll {
    max-block-size: var(--conecta-contacts-list-max-block-size, 28rem);
    overflow-y: auto;
  }
  [part='list'] {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  [part~='item'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: ${t.spaceXs};
    inline-size: 100%;
    padding: ${density.rowPadding} ${t.spaceXs};
    border-block-end: 1px solid ${t.border};
  }
  [part~='item'][aria-current='true'] {
    background: ${t.surfaceAlt};
  }
  .main {
    flex: 1 1 12rem;
    min-inline-size: 0;
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    padding: ${t.spaceXs};
    border: 0;
    background: none;
    text-align: start;
    font: inherit;
    color: inherit;
    cursor: pointer;
  }
  .main:hover {
    background: ${t.surfaceAlt};
  }
  .name {
    font-weight: ${t.fontWeightStrong};
  }
  .details {
    font-size: ${t.fontSizeS};
    color: ${t.muted};
    overflow-wrap: anywhere;
  }
  .actions {
    display: flex;
    gap: ${t.spaceXs};
  }
  .empty {
    text-align: center;
    padding: ${t.spaceL};
  }
  dialog {
    inline-size: min(40rem, calc(100vw - 2rem));
    max-block-size: calc(100vh - 2rem);
    padding: ${t.spaceM};
    border: 1px solid ${t.border};
    border-radius: ${t.radiusM};
    background: ${t.surface};
    color: ${t.text};
    box-shadow: ${t.shadow};
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.4);
  }
  .dialog-header {
    display: flex;
    justify-content: space-between;
    align-items: center;
    gap: ${t.spaceS};
    margin-block-end: ${t.spaceS};
  }
  .dialog-header h2 {
    margin: 0;
    font-size: ${t.fontSizeL};
  }
  .sentinel {
    block-size: 1px;
  }
`;
