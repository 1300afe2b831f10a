import { css } from 'lit';
import { tokens as t } from '../../styles/tokens.js';

export const sessionStyles = css`
  [part='base'] {
    display: flex;
    flex-direction: column;
    block-size: var(--conecta-session-height, 32rem);
    background: ${t.surface};
    border: 1px solid ${t.border};
    border-radius: ${t.radiusM};
    overflow: hidden;
  }
  [part='header'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: ${t.spaceS};
    padding-block: ${t.spaceS};
    padding-inline: ${t.spaceM};
    border-block-end: 1px solid ${t.border};
  }
  .title {
    display: flex;
    flex-direction: column;
    flex: 1 1 12rem;
    min-inline-size: 0;
  }
  h2 {
    font-size: ${t.fontSizeL};
  }
  [part='status'] {
    padding-inline: ${t.spaceS};
    border-radius: 999px;
    border: 1px solid ${t.border};
    font-size: ${t.fontSizeS};
  }
  [part='confirm'] {
    display: flex;
    flex-wrap: wrap;
    gap: ${t.spaceS};
    align-items: center;
    inline-size: 100%;
    padding: ${t.spaceS};
    border-radius: ${t.radiusS};
    background: ${t.surfaceAlt};
  }
  .placeholder {
    padding: ${t.spaceL};
    color: ${t.muted};
  }
`;
