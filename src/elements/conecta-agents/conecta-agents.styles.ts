import { css } from 'lit';
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
  [part='search'] {
    font: inherit;
    padding: ${t.spaceXs} ${t.spaceS};
    border: 1px solid ${t.border};
    border-radius: ${t.radiusS};
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
    padding: ${t.spaceXs} ${t.spaceS};
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
  [part='state-dot'] {
    inline-size: 0.625rem;
    block-size: 0.625rem;
    border-radius: 50%;
    flex: none;
    background: ${t.muted};
  }
  .online [part='state-dot'] {
    background: ${t.success};
  }
  .paused [part='state-dot'] {
    background: #b26a00;
  }
  .away [part='state-dot'] {
    background: transparent;
    border: 2px solid #b26a00;
  }
  [part='unread'] {
    min-inline-size: 1.25rem;
    padding-inline: ${t.spaceXs};
    border-radius: 999px;
    background: var(--conecta-agents-unread-background, ${t.brand});
    color: ${t.onBrand};
    font-size: ${t.fontSizeS};
    text-align: center;
  }
`;
