import { css } from 'lit';
import { density } from '../../styles/agent-theme.js';
import { tokens as t } from '../../styles/tokens.js';

/*
 * The queue adapts to its own width (a size container), not the viewport: from 280 px (a CRM's side
 * column) the tabs stack their label over the counter and a row's actions go under its text.
 */
export const queueStyles = css`
  [part='base'] {
    container: queue / inline-size;
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
    font-weight: ${t.fontWeightStrong};
    font-size: ${t.fontSizeS};
    color: ${t.muted};
  }
  [part='tab'][aria-selected='true'] {
    border-block-end-color: ${t.brand};
    color: ${t.text};
  }
  /* Three tabs share a narrow column: each label over its counter, wrapping if it must. */
  @container queue (max-width: 26rem) {
    [part='tabs'] {
      flex-wrap: nowrap;
    }
    [part='tab'] {
      flex: 1 1 0;
      min-inline-size: 0;
      flex-direction: column-reverse;
      gap: ${t.space2xs};
      padding-block: ${t.spaceXs};
      white-space: normal;
      line-height: ${t.lineHeightTight};
    }
  }
  [part='counter'] {
    min-inline-size: 1.5rem;
    padding-inline: ${t.spaceXs};
    border-radius: 999px;
    background: var(--conecta-queue-counter-background, ${t.brand});
    color: ${t.onBrand};
    font-size: ${t.fontSizeXs};
    line-height: 1.5;
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
  /* Below a waiting list the server pages: the next page on its way. */
  .more-status {
    margin: 0;
    padding-block: ${t.spaceXs};
    text-align: center;
    color: ${t.muted};
    font-size: ${t.fontSizeS};
  }
  .accept-notice {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: ${t.spaceS};
    margin: ${t.spaceS};
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
    grid-template-columns: auto minmax(0, 1fr) auto;
    gap: ${t.spaceXs} ${t.spaceS};
    align-items: center;
    inline-size: 100%;
    box-sizing: border-box;
    padding-block: ${density.rowPadding};
    padding-inline: ${t.spaceM};
    border-block-start: 1px solid ${t.border};
  }
  [part~='item']:not([part~='pending']) {
    grid-template-columns: minmax(0, 1fr) auto;
  }
  /* Narrow: the filters take the whole width, a row's actions go under its text (the name keeps the width). */
  @container queue (max-width: 24rem) {
    .toolbar .field {
      flex: 1 1 100%;
    }
    [part~='item'] .actions {
      grid-column: 1 / -1;
      justify-content: flex-end;
    }
  }
  [part~='item']:hover,
  [part~='item'][aria-current='true'],
  [part~='item'][aria-selected='true'] {
    background: ${t.surfaceAlt};
  }
  /* The avatar on the start side, then the name, the last message and the details, one line each. */
  .main {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr);
    column-gap: ${t.spaceS};
    align-items: center;
    min-inline-size: 0;
    cursor: pointer;
    border-radius: ${t.radiusS};
  }
  .main > :not(.who) {
    grid-column: 2;
  }
  /* Room on the end and bottom for the channel's badge, so it overlaps the avatar, not the row. */
  .who {
    grid-row: 1 / span 3;
    position: relative;
    display: inline-flex;
    padding-inline-end: 0.25rem;
    padding-block-end: 0.25rem;
  }
  .channel {
    position: absolute;
    inset-block-end: 0;
    inset-inline-end: 0;
    display: inline-grid;
    place-items: center;
    inline-size: 1.125rem;
    block-size: 1.125rem;
    border-radius: ${t.radiusFull};
    background: ${t.surface};
    border: 1px solid ${t.border};
    color: ${t.muted};
  }
  .channel .icon {
    inline-size: 0.75rem;
    block-size: 0.75rem;
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
    font-weight: ${t.fontWeightStrong};
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .where,
  .last {
    color: ${t.muted};
    font-size: ${t.fontSizeS};
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  /* Team, time and badge on one baseline, each chip the same height. */
  .details {
    display: flex;
    flex-wrap: wrap;
    gap: ${t.space2xs} ${t.spaceS};
    align-items: center;
    font-size: ${t.fontSizeXs};
    line-height: 1.5;
    color: ${t.muted};
  }
  .details:empty {
    display: none;
  }
  [part='wait-time'] {
    color: var(--conecta-queue-wait-color, ${t.text});
    font-variant-numeric: tabular-nums;
  }
  [part='badge'] {
    padding-inline: ${t.spaceS};
    border-radius: ${t.radiusFull};
    border: 1px solid ${t.border};
    color: ${t.muted};
    white-space: nowrap;
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
  /* The same size as the rows' text; says what happens next. */
  .empty {
    display: grid;
    justify-items: center;
    gap: ${t.spaceXs};
    padding: ${t.spaceL} ${t.spaceM};
    text-align: center;
    font-size: ${t.fontSizeS};
    color: ${t.muted};
  }
  .empty .icon {
    inline-size: 1.5rem;
    block-size: 1.5rem;
  }
  .empty-title {
    font-weight: ${t.fontWeightStrong};
    color: ${t.text};
  }
  p.error.empty {
    display: block;
    color: ${t.danger};
  }
  /* Rows' shapes while loading: the same box as a row (avatar and three lines). */
  .skeleton-row {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr);
    column-gap: ${t.spaceS};
    row-gap: ${t.spaceXs};
    padding-block: ${density.rowPadding};
    padding-inline: ${t.spaceM};
    border-block-start: 1px solid ${t.border};
  }
  .skeleton-row .who {
    grid-row: 1 / span 3;
    align-self: center;
  }
  .skeleton-row .bar {
    grid-column: 2;
    block-size: 0.75rem;
    margin-block: 0.2rem;
    border-radius: ${t.radiusS};
  }
  .skeleton-row .avatar,
  .skeleton-row .bar {
    background: ${t.border};
    animation: conecta-pulse 1.2s ease-in-out infinite alternate;
  }
  .name-bar {
    inline-size: 45%;
  }
  .last-bar {
    inline-size: 80%;
  }
  .meta-bar {
    inline-size: 35%;
  }
  @keyframes conecta-pulse {
    to {
      opacity: 0.5;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .skeleton-row .avatar,
    .skeleton-row .bar {
      animation: none;
    }
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
