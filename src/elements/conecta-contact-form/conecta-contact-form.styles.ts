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
  }
  [part='form'] {
    display: flex;
    flex-direction: column;
    gap: ${t.spaceM};
  }
  .phone-row {
    display: grid;
    grid-template-columns: minmax(7rem, 40%) 1fr;
    gap: ${t.spaceS};
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
