import { css } from 'lit';
import { tokens as t } from '../../styles/tokens.js';

export const loginStyles = css`
  :host {
    max-inline-size: 24rem;
  }
  [part='base'] {
    display: grid;
    gap: ${t.spaceM};
    padding: ${t.spaceL};
    background: ${t.surface};
    border: 1px solid ${t.border};
    border-radius: ${t.radiusM};
  }
  form {
    display: grid;
    gap: ${t.spaceM};
  }
  h1 {
    font-size: ${t.fontSizeXl};
    line-height: ${t.lineHeightTight};
  }
  /* Labels as every element's form fields have them (hostStyles' .field). */
  label {
    display: grid;
    gap: ${t.spaceXs};
    font-size: ${t.fontSizeS};
    font-weight: ${t.fontWeightStrong};
  }
  label > input {
    font-size: ${t.fontSize};
  }
  label > input,
  label > select {
    font-weight: normal;
  }
  button.primary {
    inline-size: 100%;
  }
  button.link {
    justify-self: center;
    background: none;
    border: 0;
    color: ${t.brand};
    text-decoration: underline;
    padding: ${t.spaceXs};
    min-block-size: 1.5rem;
    cursor: pointer;
  }
  [part='error'] {
    color: ${t.danger};
  }
  [part='error']:empty,
  .locked:empty {
    display: none;
  }
  .locked {
    font-size: ${t.fontSizeS};
    color: ${t.muted};
  }
  [part='sent'] {
    display: grid;
    gap: ${t.spaceS};
    padding: ${t.spaceM};
    border-radius: ${t.radiusS};
    background: ${t.surfaceAlt};
    color: ${t.success};
  }
  [part='sent'] ::slotted(*) {
    margin: 0;
  }
  [part='language'] {
    display: flex;
    align-items: center;
    gap: ${t.spaceS};
    font-size: ${t.fontSizeS};
  }
  [part='language'] select {
    inline-size: auto;
  }
`;
