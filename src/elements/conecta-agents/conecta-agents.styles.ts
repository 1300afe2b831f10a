import { css } from 'lit';
import { density } from '../../styles/agent-theme.js';
import { tokens as t } from '../../styles/tokens.js';

export const agentsStyles = css`
  [part='base'] {
    display: flex;
    flex-direction: column;
    gap: ${t.spaceS};
    padding: ${t.spaceS};
    background: ${t.surface};
    border: 1px solid ${t.border};
    border-radius: ${t.radiusM};
  }
  [part='list'] {
    list-style: none;
    margin: 0;
    padding: 0;
    max-block-size: var(--conecta-agents-list-max-block-size, 28rem);
    overflow-y: auto;
  }
  [part~='item'] {
    display: flex;
    align-items: center;
    gap: ${t.spaceS};
    inline-size: 100%;
    padding: ${density.rowPadding} ${t.spaceS};
    border: 0;
    border-radius: ${t.radiusS};
    background: none;
    text-align: start;
    font: inherit;
    color: inherit;
    cursor: pointer;
  }
  [part~='item']:hover,
  [part~='item']:focus-visible {
    background: ${t.surfaceAlt};
  }
  .names {
    flex: 1;
    min-inline-size: 0;
    display: flex;
    flex-direction: column;
  }
  .name {
    font-weight: ${t.fontWeightStrong};
  }
  .name,
  .nickname {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  [part='state'] {
    font-size: ${t.fontSizeXs};
    white-space: nowrap;
  }
  .who {
    position: relative;
    display: inline-flex;
    flex: none;
  }
  /* The state on the avatar's corner, ringed with the surface so it reads on any photo. */
  [part='state-dot'] {
    position: absolute;
    inset-block-end: -1px;
    inset-inline-end: -1px;
    inline-size: 0.75rem;
    block-size: 0.75rem;
    border-radius: 50%;
    border: 2px solid ${t.surface};
    background: ${t.muted};
  }
  .online [part='state-dot'] {
    background: ${t.success};
  }
  .paused [part='state-dot'] {
    background: ${t.warning};
  }
  .away [part='state-dot'] {
    background: ${t.surface};
    box-shadow: inset 0 0 0 2px ${t.warning};
  }
  [part='unread'] {
    min-inline-size: 1.25rem;
    padding-inline: ${t.spaceXs};
    border-radius: 999px;
    background: var(--conecta-agents-unread-background, ${t.brand});
    color: ${t.onBrand};
    font-size: ${t.fontSizeXs};
    line-height: 1.5;
    text-align: center;
    font-variant-numeric: tabular-nums;
  }
  .empty {
    padding: ${t.spaceS};
    text-align: center;
  }
  .skeleton-row {
    display: flex;
    align-items: center;
    gap: ${t.spaceS};
    padding: ${density.rowPadding} ${t.spaceS};
  }
  .skeleton-row .avatar,
  .skeleton-row .bar {
    background: ${t.border};
  }
  .skeleton-row .bar {
    inline-size: 60%;
    block-size: 0.75rem;
    border-radius: ${t.radiusS};
  }
`;
