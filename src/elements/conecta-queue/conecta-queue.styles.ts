import { css } from 'lit';
import { tokens as t } from '../../styles/tokens.js';

export const queueStyles = css`
  [part='base'] {
    display: flex;
    flex-direction: column;
    gap: ${t.spaceS};
    background: ${t.surface};
    border: 1px solid ${t.border};
    border-radius: ${t.radiusM};
    padding-block: ${t.spaceS} 0;
    overflow: hidden;
  }
  [part='tabs'] {
    display: flex;
    flex-wrap: wrap;
    gap: ${t.spaceXs};
    padding-inline: ${t.spaceS};
    border-block-end: 1px solid ${t.border};
  }
  /* Three tabs share what may be a narrow column (a CRM sidebar): they wrap to a second row. */
  [part='tab'] {
    flex: 1 0 auto;
    white-space: nowrap;
    justify-content: center;
    padding-inline: ${t.spaceXs};
    display: inline-flex;
    align-items: center;
    gap: ${t.spaceXs};
    border: 0;
    border-radius: ${t.radiusS} ${t.radiusS} 0 0;
    border-block-end: 3px solid transparent;
    background: none;
    font-weight: 600;
  }
  [part='tab'][aria-selected='true'] {
    border-block-end-color: ${t.brand};
  }
  [part='counter'] {
    min-inline-size: 1.5rem;
    padding-inline: ${t.spaceXs};
    border-radius: 999px;
    background: var(--conecta-queue-counter-background, ${t.brand});
    color: ${t.onBrand};
    font-size: ${t.fontSizeS};
    text-align: center;
    font-variant-numeric: tabular-nums;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: ${t.spaceS};
    padding-inline: ${t.spaceM};
  }
  /* The toolbar's filters are quieter than a form's fields. */
  .field {
    gap: 2px;
    font-size: ${t.fontSizeS};
    color: ${t.muted};
  }
  .field.search {
    flex: 1 1 12rem;
  }
  .searching {
    flex-basis: 100%;
    margin: 0;
    color: ${t.muted};
    font-size: ${t.fontSizeS};
  }
  .searching:empty {
    display: none;
  }
  .accept-notice {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--conecta-space-s, 0.5rem);
    margin: var(--conecta-space-s, 0.5rem);
  }
  .panel {
    display: flex;
    flex-direction: column;
    min-block-size: 0;
  }
  .scroll {
    overflow: auto;
    max-block-size: var(--conecta-queue-list-max-block-size, 32rem);
  }
  .list {
    display: flex;
    flex-direction: column;
  }
  [part~='item'] {
    display: grid;
    grid-template-columns: auto 1fr auto;
    gap: ${t.spaceXs} ${t.spaceS};
    align-items: center;
    inline-size: 100%;
    box-sizing: border-box;
    padding-block: ${t.spaceS};
    padding-inline: ${t.spaceM};
    border-block-start: 1px solid ${t.border};
  }
  [part~='item']:not([part~='pending']) {
    grid-template-columns: 1fr auto;
  }
  [part~='item']:hover,
  [part~='item'][aria-current='true'],
  [part~='item'][aria-selected='true'] {
    background: ${t.surfaceAlt};
  }
  .main {
    display: flex;
    flex-direction: column;
    min-inline-size: 0;
    cursor: pointer;
    border-radius: ${t.radiusS};
  }
  .main:focus-visible {
    outline: 2px solid ${t.focus};
    outline-offset: 2px;
  }
  .actions {
    display: flex;
    gap: ${t.spaceXs};
    align-items: center;
  }
  .name {
    font-weight: 600;
  }
  .where,
  .last {
    color: ${t.muted};
    font-size: ${t.fontSizeS};
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: ${t.spaceXs};
    align-items: center;
    font-size: ${t.fontSizeS};
  }
  [part='wait-time'] {
    color: var(--conecta-queue-wait-color, ${t.text});
    font-variant-numeric: tabular-nums;
  }
  [part='badge'] {
    padding-inline: ${t.spaceXs};
    border-radius: ${t.radiusS};
    border: 1px solid ${t.border};
    color: ${t.muted};
  }
  [part='badge'].me {
    border-color: ${t.brand};
    color: ${t.brand};
  }
  .item-error-cell {
    grid-column: 1 / -1;
  }
  .item-error {
    margin: 0;
  }
  .empty {
    padding-inline: ${t.spaceM};
    color: ${t.muted};
  }
  .bulk {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: ${t.spaceS};
    padding: ${t.spaceS} ${t.spaceM};
    background: ${t.surfaceAlt};
  }
  .select-all {
    display: inline-flex;
    align-items: center;
    gap: ${t.spaceXs};
  }
  .selected-count {
    color: ${t.muted};
    font-size: ${t.fontSizeS};
    margin-inline-end: auto;
  }
  .limit,
  .bulk-status,
  .confirm {
    flex-basis: 100%;
    margin: 0;
    font-size: ${t.fontSizeS};
  }
  .confirm {
    display: flex;
    flex-wrap: wrap;
    gap: ${t.spaceS};
    align-items: center;
    padding: ${t.spaceS};
    border: 1px solid ${t.danger};
    border-radius: ${t.radiusS};
    background: ${t.surface};
  }
  .confirm p {
    margin: 0;
    flex-basis: 100%;
  }
  .confirm .question {
    font-weight: 600;
  }
  .notify-permission {
    align-self: start;
    margin-inline: ${t.spaceM};
  }
  dialog[part='preview'] {
    inline-size: min(36rem, 92vw);
    max-block-size: 80vh;
    padding: 0;
    border: 1px solid ${t.border};
    border-radius: ${t.radiusM};
    box-shadow: ${t.shadow};
    background: ${t.surface};
    color: ${t.text};
  }
  dialog[part='preview'][open] {
    display: flex;
    flex-direction: column;
  }
  .preview-header,
  .preview-footer {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: ${t.spaceS};
    padding: ${t.spaceS} ${t.spaceM};
  }
  .preview-header h2 {
    margin: 0;
    font-size: ${t.fontSizeL};
  }
  .hint {
    margin: 0;
    padding-inline: ${t.spaceM};
    color: ${t.muted};
    font-size: ${t.fontSizeS};
  }
`;
