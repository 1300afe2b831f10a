import { css } from 'lit';
import { tokens as t } from '../../styles/tokens.js';

export const startConversationStyles = css`
  form {
    display: flex;
    flex-direction: column;
    gap: ${t.spaceM};
  }
  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
  }
  .destination {
    display: flex;
    flex-wrap: wrap;
    gap: ${t.spaceXs} ${t.spaceM};
  }
  .destination legend {
    inline-size: 100%;
  }
  .choice {
    display: inline-flex;
    align-items: center;
    gap: ${t.spaceXs};
    min-block-size: 1.5rem;
  }
  .choice input {
    inline-size: auto;
    min-block-size: 0;
  }
  legend {
    font-weight: ${t.fontWeightStrong};
    margin-block-end: ${t.spaceXs};
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: ${t.spaceXs};
  }
  .contact {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: ${t.spaceS};
  }
  /* Link-looking buttons are targets of their own: 24 px high at least. */
  button.link {
    min-block-size: 1.5rem;
  }
  .name {
    font-weight: ${t.fontWeightStrong};
  }
  .results {
    list-style: none;
    margin: 0;
    padding: 0;
    border: 1px solid ${t.border};
    border-radius: ${t.radiusS};
  }
  .results button {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    inline-size: 100%;
    padding: ${t.spaceS};
    text-align: start;
  }
  .field-error {
    color: ${t.danger};
    font-size: ${t.fontSizeS};
  }
  .preview {
    margin: 0;
    padding: ${t.spaceS};
    background: ${t.surfaceAlt};
    border-radius: ${t.radiusS};
  }
  .preview figcaption {
    font-size: ${t.fontSizeS};
    color: ${t.muted};
  }
  .preview p {
    margin: 0;
    white-space: pre-wrap;
  }
  .actions {
    display: flex;
    justify-content: flex-end;
  }
  textarea {
    font: inherit;
    resize: vertical;
  }
`;
