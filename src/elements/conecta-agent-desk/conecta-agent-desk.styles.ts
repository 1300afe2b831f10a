import { css } from 'lit';
import { tokens as t } from '../../styles/tokens.js';

/*
 * By the desk's own width (a container), not the viewport's: wide, a grid of the queue, the session
 * and a side column (contact over colleagues); medium, the panels wrap (each has a basis and grows);
 * phone (the `phone` class, set below 40rem), one panel at a time under the bar, with tabs below.
 */
export const agentDeskStyles = css`
  :host {
    display: block;
    container-type: inline-size;
  }
  [hidden] {
    display: none !important;
  }
  .desk {
    display: flex;
    flex-direction: column;
    gap: ${t.spaceM};
  }
  .panels {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    gap: ${t.spaceM};
  }
  .panel {
    display: flex;
    flex-direction: column;
    gap: ${t.spaceS};
    min-inline-size: 0;
  }
  .queue {
    flex: 1 1 var(--conecta-agent-desk-queue-width, 20rem);
  }
  .session {
    flex: 999 1 28rem;
  }
  .contact,
  .colleagues {
    flex: 1 1 var(--conecta-agent-desk-side-width, 18rem);
  }
  @container (min-width: 64rem) {
    .panels {
      display: grid;
      grid-template-columns: var(--conecta-agent-desk-queue-width, 20rem) minmax(0, 1fr) var(--conecta-agent-desk-side-width, 18rem);
      grid-auto-flow: dense;
    }
    .queue {
      grid-column: 1;
      grid-row: 1 / span 2;
    }
    .session {
      grid-column: 2;
      grid-row: 1 / span 2;
    }
    .contact,
    .colleagues {
      grid-column: 3;
    }
    .without-side .panels {
      grid-template-columns: var(--conecta-agent-desk-queue-width, 20rem) minmax(0, 1fr);
    }
  }
  .placeholder {
    margin: 0;
    padding: ${t.spaceL};
    border: 1px dashed ${t.border};
    border-radius: ${t.radiusM};
    /* Its own surface: on a page that stays light, a dark desk's muted text would sit on white. */
    background: ${t.surface};
    color: ${t.muted};
  }
  .empty {
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    gap: ${t.spaceS};
    min-block-size: 12rem;
    text-align: center;
  }
  .empty .icon {
    font-size: 2rem;
  }
  .empty p {
    margin: 0;
  }
  .empty-title {
    color: ${t.text};
    font-weight: 600;
  }
  .close {
    align-self: flex-end;
  }
  /* Phone: one panel at a time, as wide as the desk; the conversation fills the screen; the tabs at the bottom. */
  .desk.phone {
    min-block-size: var(--conecta-agent-desk-phone-min-height, 0px);
  }
  .phone .panels {
    display: block;
    flex: 1 1 auto;
  }
  .phone .panel {
    inline-size: 100%;
  }
  .phone .session {
    --conecta-session-height: var(--conecta-agent-desk-conversation-height, max(24rem, calc(100dvh - 6rem)));
  }
  .back {
    display: inline-flex;
    align-items: center;
    gap: ${t.spaceXs};
    align-self: flex-start;
    min-block-size: 2.25rem;
  }
  .tabs {
    position: sticky;
    inset-block-end: 0;
    z-index: 1;
    display: flex;
    background: ${t.surface};
    border-block-start: 1px solid ${t.border};
  }
  [part~='tab'] {
    display: flex;
    flex: 1 1 0;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    gap: 0.125rem;
    min-inline-size: 0;
    min-block-size: 3.25rem;
    padding-inline: 0.125rem;
    border: 0;
    border-radius: 0;
    background: transparent;
    font-size: 0.75rem;
    line-height: 1.2;
  }
  [part~='tab'] > span {
    display: block;
    max-inline-size: 100%;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  @container (max-width: 22rem) {
    [part~='tab'] {
      font-size: 0.6875rem;
    }
  }
  [part~='tab'][aria-selected='true'] {
    box-shadow: inset 0 3px 0 ${t.brand};
    color: ${t.brand};
    font-weight: 600;
  }
  .contacts-button {
    align-self: flex-start;
    display: inline-flex;
    align-items: center;
    gap: ${t.spaceXs};
    margin-block-end: ${t.spaceS};
  }
  .contacts-dialog {
    inline-size: min(48rem, calc(100vw - 2rem));
    max-block-size: calc(100vh - 2rem);
    padding: ${t.spaceM};
    border: 1px solid ${t.border};
    border-radius: ${t.radiusM};
    background: ${t.surface};
    color: ${t.text};
  }
  .contacts-dialog::backdrop {
    background: rgb(0 0 0 / 0.4);
  }
  .dialog-header {
    display: flex;
    justify-content: space-between;
    align-items: center;
    gap: ${t.spaceS};
    margin-block-end: ${t.spaceS};
  }
  .dialog-header h2 {
    margin: 0;
    font-size: ${t.fontSizeL};
  }
`;
