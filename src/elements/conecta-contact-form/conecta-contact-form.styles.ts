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
  h3 {
    font-size: ${t.fontSize};
  }
  [part='form'],
  .panel {
    display: flex;
    flex-direction: column;
    gap: ${t.spaceM};
  }
  /* Three tabs fold onto two rows in a very narrow column rather than overflow. */
  [role='tablist'] {
    flex-wrap: wrap;
  }
  /* Fields side by side while each keeps about 12rem; narrower (a phone, a CRM column), one per row. */
  .columns {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(12rem, 100%), 1fr));
    gap: ${t.spaceM};
  }
  .hint,
  .cep-status,
  .status {
    color: ${t.muted};
    font-size: ${t.fontSizeS};
  }
  .cep-status:empty,
  .status:empty {
    display: none;
  }
  .required {
    color: ${t.danger};
  }
  /* The DDI wide enough for "Brasil (+55)", the number taking the rest; too narrow for both, the number wraps below. */
  .phone-row,
  .cep-row {
    display: flex;
    flex-wrap: wrap;
    gap: ${t.spaceS};
  }
  .phone-row select {
    flex: 1 0 9.5rem;
    max-inline-size: 12rem;
  }
  .phone-row input,
  .cep-row input {
    flex: 1 1 8rem;
    min-inline-size: 0;
  }
  .check {
    display: flex;
    align-items: center;
    gap: ${t.spaceS};
    min-block-size: 1.5rem;
  }
  /* 24 px in every density: a checkbox is a target of its own (WCAG 2.2 target size). */
  .check input {
    inline-size: 1.5rem;
    block-size: 1.5rem;
    min-block-size: 0;
    margin: 0;
  }
  .checks {
    display: flex;
    flex-wrap: wrap;
    gap: ${t.spaceS} ${t.spaceM};
  }
  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: ${t.spaceXs};
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .chip {
    display: inline-flex;
    align-items: center;
    gap: ${t.spaceXs};
    padding-inline: ${t.spaceS} 0;
    border: 1px solid ${t.border};
    border-radius: 999px;
    background: ${t.surfaceAlt};
  }
  /* 24 px: the chip's remove button is a target of its own (WCAG 2.2 target size). */
  .chip button {
    inline-size: 1.5rem;
    block-size: 1.5rem;
    min-block-size: 0;
    padding: 0;
    border: 0;
    border-radius: 50%;
    background: transparent;
    line-height: 1;
  }
  .combobox {
    position: relative;
  }
  .combobox input {
    inline-size: 100%;
    box-sizing: border-box;
  }
  [part='tag-options'] {
    position: absolute;
    z-index: 2;
    inset-inline: 0;
    max-block-size: 12rem;
    overflow-y: auto;
    margin: 2px 0 0;
    padding: ${t.spaceXs} 0;
    list-style: none;
    background: ${t.surface};
    border: 1px solid ${t.border};
    border-radius: ${t.radiusS};
    box-shadow: ${t.shadowM};
  }
  [part='tag-option'] {
    display: flex;
    align-items: center;
    gap: ${t.spaceS};
    min-block-size: 1.5rem;
    padding: ${t.spaceXs} ${t.spaceS};
    cursor: pointer;
  }
  [part='tag-option']:hover {
    background: ${t.surfaceAlt};
  }
  /* The active option (the text box keeps the focus): outlined as focus would be. */
  [part='tag-option'][aria-selected='true'] {
    background: ${t.surfaceAlt};
    outline: ${t.focusWidth} solid ${t.focus};
    outline-offset: calc(-1 * ${t.focusWidth});
  }
  .photo-row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: ${t.spaceM};
  }
  .photo {
    inline-size: 4rem;
    block-size: 4rem;
    border-radius: 50%;
    object-fit: cover;
    background: ${t.surfaceAlt};
    border: 1px solid ${t.border};
  }
  .label {
    font-weight: 600;
    font-size: ${t.fontSizeS};
  }
  /* A label that looks like a button: the file input inside it is visually hidden but focusable. */
  .file-button {
    display: inline-flex;
    align-items: center;
    cursor: pointer;
    border: 1px solid ${t.border};
    border-radius: ${t.radiusM};
    padding-block: ${t.spaceXs};
    padding-inline: ${t.spaceM};
    min-block-size: 2.25rem;
  }
  .file-button:focus-within {
    outline: 2px solid ${t.focus};
    outline-offset: 2px;
  }
  .address {
    display: flex;
    flex-direction: column;
    gap: ${t.spaceM};
    padding: ${t.spaceM};
    border: 1px solid ${t.border};
    border-radius: ${t.radiusM};
  }
  .address-header {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    align-items: center;
    gap: ${t.spaceS};
  }
  button.link {
    min-block-size: 1.5rem;
  }
  .add-address {
    align-items: flex-start;
  }
  .channels {
    display: flex;
    flex-direction: column;
    gap: ${t.spaceS};
  }
  .channels li {
    display: flex;
    flex-wrap: wrap;
    gap: ${t.spaceXs} ${t.spaceM};
    padding-block: ${t.spaceS};
    border-block-end: 1px solid ${t.border};
  }
  .channel-name {
    font-weight: ${t.fontWeightStrong};
  }
  .channel-key {
    overflow-wrap: anywhere;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: ${t.spaceS};
    align-items: center;
  }
  /* Bordered in the warning colour, not filled: the text stays in the surface's own colours. */
  [part='conflict'] {
    display: flex;
    flex-direction: column;
    gap: ${t.spaceS};
    padding: ${t.spaceS} ${t.spaceM};
    border: 1px solid ${t.warning};
    border-inline-start-width: 4px;
    border-radius: ${t.radiusS};
  }
  [part='conflict'] p {
    margin: 0;
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
  dialog {
    inline-size: min(44rem, calc(100vw - 2rem));
    max-block-size: calc(100vh - 2rem);
    padding: 0;
    border: 0;
    border-radius: ${t.radiusM};
    background: ${t.surface};
    color: ${t.text};
    box-shadow: ${t.shadow};
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.35);
  }
`;
