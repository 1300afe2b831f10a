import { css } from 'lit';
import { tokens as t } from '../../styles/tokens.js';

export const queueStyles = css`
  [part='base'] {
    display: flex;
    flex-direction: column;
    gap: ${t.spaceM};
    background: ${t.surface};
    border: 1px solid ${t.border};
    border-radius: ${t.radiusM};
    padding-block: ${t.spaceM};
    overflow: hidden;
  }
  .group {
    display: flex;
    flex-direction: column;
    gap: ${t.spaceS};
  }
  [part='heading'] {
    display: flex;
    align-items: center;
    gap: ${t.spaceS};
    font-size: ${t.fontSize};
    font-weight: 600;
    padding-inline: ${t.spaceM};
  }
  [part='counter'] {
    min-inline-size: 1.5rem;
    padding-inline: ${t.spaceXs};
    border-radius: 999px;
    background: var(--conecta-queue-counter-background, ${t.brand});
    color: ${t.onBrand};
    font-size: ${t.fontSizeS};
    text-align: center;
  }
  [part='list'] {
    display: flex;
    flex-direction: column;
  }
  [part~='item'] {
    display: grid;
    grid-template-columns: 1fr auto;
    gap: ${t.spaceXs} ${t.spaceS};
    align-items: center;
    padding-block: ${t.spaceS};
    padding-inline: ${t.spaceM};
    border-block-start: 1px solid ${t.border};
  }
  button[part~='item'] {
    inline-size: 100%;
    text-align: start;
    border-radius: 0;
    border-inline: 0;
    border-block-end: 0;
    background: none;
  }
  button[part~='item']:hover,
  button[part~='item'][aria-current='true'] {
    background: ${t.surfaceAlt};
  }
  .who {
    display: flex;
    flex-direction: column;
    min-inline-size: 0;
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
  [part='wait-time'] {
    font-size: ${t.fontSizeS};
    color: var(--conecta-queue-wait-color, ${t.text});
    font-variant-numeric: tabular-nums;
  }
  .item-error {
    grid-column: 1 / -1;
  }
  .empty {
    padding-inline: ${t.spaceM};
    color: ${t.muted};
  }
`;
