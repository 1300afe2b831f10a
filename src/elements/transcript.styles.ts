import { css } from 'lit';
import { tokens as t } from '../styles/tokens.js';

/** The transcript and composer shared by `<conecta-session>` and `<conecta-webchat>`. */
export const transcriptStyles = css`
  [part='transcript'] {
    flex: 1 1 auto;
    min-block-size: 8rem;
    overflow-y: auto;
    display: flex;
    flex-direction: column;
    gap: ${t.spaceS};
    padding: ${t.spaceM};
    background: ${t.surfaceAlt};
  }
  [part~='message'] {
    max-inline-size: 80%;
    align-self: flex-start;
    display: flex;
    flex-direction: column;
    gap: 2px;
    padding-block: ${t.spaceXs};
    padding-inline: ${t.spaceS};
    border-radius: ${t.radiusM};
    background: var(--conecta-message-background, ${t.surface});
    border: 1px solid ${t.border};
    overflow-wrap: anywhere;
  }
  [part~='message'][part~='own'] {
    align-self: flex-end;
    background: var(--conecta-message-own-background, #e3eefa);
  }
  [part~='message'][part~='system'] {
    align-self: center;
    background: none;
    border: 0;
    color: ${t.muted};
    font-size: ${t.fontSizeS};
    text-align: center;
  }
  /* A name is data: a right-to-left override typed into one must not reorder what follows it. */
  .author {
    font-size: ${t.fontSizeS};
    font-weight: 600;
    unicode-bidi: isolate;
  }
  .text {
    white-space: pre-wrap;
  }
  .meta {
    display: flex;
    gap: ${t.spaceS};
    align-items: center;
    justify-content: flex-end;
    color: ${t.muted};
    font-size: ${t.fontSizeS};
  }
  .meta .failed {
    color: ${t.danger};
  }
  [part='link'] {
    color: ${t.brand};
  }
  [part='composer'] {
    display: flex;
    flex-direction: column;
    gap: ${t.spaceXs};
    padding: ${t.spaceS};
    border-block-start: 1px solid ${t.border};
  }
  .composer-row {
    display: flex;
    gap: ${t.spaceS};
    align-items: flex-end;
  }
  [part='input'] {
    flex: 1 1 auto;
    resize: vertical;
    min-block-size: 2.5rem;
    max-block-size: 10rem;
  }
  .notice {
    padding-block: ${t.spaceS};
    padding-inline: ${t.spaceM};
    color: ${t.muted};
    font-size: ${t.fontSizeS};
    text-align: center;
  }
  [part='day-separator'] {
    align-self: center;
    margin-block: ${t.spaceXs};
    padding-inline: ${t.spaceS};
    border-radius: 999px;
    background: ${t.surface};
    border: 1px solid ${t.border};
    color: ${t.muted};
    font-size: ${t.fontSizeS};
  }
  .attachments {
    display: flex;
    flex-direction: column;
    gap: ${t.spaceXs};
  }
  .attachments figure {
    margin: 0;
  }
  [part~='image'] {
    display: block;
    max-inline-size: min(16rem, 100%);
    max-block-size: 12rem;
    border-radius: ${t.radiusS};
  }
  [part~='video'] {
    max-inline-size: min(20rem, 100%);
  }
  [part~='file'] {
    color: ${t.brand};
  }
  .size {
    color: ${t.muted};
    font-size: ${t.fontSizeS};
  }
`;
