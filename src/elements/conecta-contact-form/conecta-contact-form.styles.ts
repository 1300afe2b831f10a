import { css } from 'lit';
import { tokens as t } from '../../styles/tokens.js';

export const contactFormStyles = css`
  [part='base'] {
    display: flex;
    flex-direction: column;
    gap: ${t.spaceM};
    padding: ${t.spaceM};
    background: ${t.surface};
    border: 1px solid ${t.border};
    border-radius: ${t.radiusM};
  }
  h2 {
    font-size: ${t.fontSizeL};
    line-height: ${t.lineHeightTight};
  }
  [part='form'] {
    display: flex;
    flex-direction: column;
    gap: ${t.spaceM};
  }
  /* The DDI wide enough for "Brasil (+55)", the number taking the rest; too narrow for both, the number wraps below. */
  .phone-row {
    display: flex;
    flex-wrap: wrap;
    gap: ${t.spaceS};
  }
  .phone-row select {
    flex: 1 0 9.5rem;
    max-inline-size: 12rem;
  }
  .phone-row input {
    flex: 1 1 8rem;
    min-inline-size: 0;
  }
  .actions {
    display: flex;
    gap: ${t.spaceS};
    align-items: center;
  }
  [part='loading'] {
    display: flex;
    align-items: center;
    gap: ${t.spaceXs};
    color: ${t.muted};
    font-size: ${t.fontSizeS};
  }
  .saved {
    color: ${t.success};
    font-size: ${t.fontSizeS};
  }
`;
