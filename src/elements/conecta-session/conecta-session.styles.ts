import { css } from 'lit';
import { tokens as t } from '../../styles/tokens.js';

export const sessionStyles = css`
  /* Queries name their container: the session's own width, or its conversation column's. */
  :host {
    container: session / inline-size;
  }
  /* Read only (a past session from a contact's history): nothing to finish from here. */
  :host([read-only]) [part='finish-button'] {
    display: none;
  }
  [part='base'] {
    position: relative;
    display: flex;
    block-size: var(--conecta-session-height, 32rem);
    background: ${t.surface};
    border: 1px solid ${t.border};
    border-radius: ${t.radiusM};
    overflow: hidden;
  }
  .main {
    container: conversation / inline-size;
    display: flex;
    flex-direction: column;
    flex: 1 1 auto;
    min-inline-size: 0;
  }
  /* A wide session whose side panel leaves the conversation narrow: the name before the usual status. */
  @container conversation (max-width: 30rem) {
    [part='status'][data-status='active'] {
      display: none;
    }
  }
  [part='back-button'] {
    flex: 0 1 auto;
    max-inline-size: 100%;
    min-block-size: 2rem;
  }
  [part='current-news'] {
    padding-inline: ${t.spaceM};
    font-weight: ${t.fontWeightStrong};
  }
  [part='read-only'] {
    padding-inline: ${t.spaceM};
    color: ${t.muted};
    font-size: ${t.fontSizeS};
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
  [part='header'] > .avatar {
    flex: none;
    align-self: flex-start;
  }
  .channel {
    display: inline-flex;
    align-items: center;
    gap: ${t.spaceXs};
  }
  .title {
    display: flex;
    flex-direction: column;
    flex: 1 1 10rem;
    min-inline-size: 0;
  }
  .name-row {
    display: flex;
    align-items: center;
    gap: ${t.spaceS};
    min-inline-size: 0;
  }
  .name-row h2 {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  [part='status'] {
    flex: none;
  }
  [part='finish-button'] {
    flex: none;
    align-self: flex-start;
  }
  h2 {
    font-size: ${t.fontSizeL};
  }
  h3 {
    font-size: ${t.fontSizeL};
    margin-block-end: ${t.spaceS};
  }
  .protocol-row,
  .times {
    display: flex;
    flex-wrap: wrap;
    gap: 0 ${t.spaceS};
    align-items: center;
  }
  .times {
    inline-size: 100%;
  }
  [part='copy-button'].icon-button {
    min-inline-size: 1.5rem;
    min-block-size: 1.5rem;
    padding: 0;
    border: 0;
    background: transparent;
    color: inherit;
  }
  [part='attach-button'] {
    align-self: stretch;
  }
  /*
   * Narrow: "in service", the usual status, is not shown (the Finish button says it); the composer's
   * standing hint is read, not shown (a reason why it is disabled still shows).
   */
  .protocol-row {
    flex-wrap: nowrap;
    white-space: nowrap;
  }
  .protocol-row > * {
    flex: none;
  }
  .protocol-row > .protocol {
    flex: 0 1 auto;
    min-inline-size: 0;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .times {
    display: block;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .times > span + span::before {
    content: ' · ';
  }
  @container session (max-width: 30rem) {
    [part='status'][data-status='active'] {
      display: none;
    }
    #composer-hint.hint {
      position: absolute;
      inline-size: 1px;
      block-size: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
  }
  .window.closed {
    color: ${t.danger};
  }
  .tags {
    display: flex;
    flex-wrap: wrap;
    gap: ${t.spaceXs};
    inline-size: 100%;
  }
  .tag {
    display: inline-flex;
    align-items: center;
    gap: ${t.spaceXs};
    padding-inline: ${t.spaceS};
    border: 1px solid ${t.border};
    border-radius: ${t.radiusFull};
    font-size: ${t.fontSizeS};
  }
  [part='status'] {
    padding-inline: ${t.spaceS};
    border-radius: ${t.radiusFull};
    border: 1px solid ${t.border};
    font-size: ${t.fontSizeS};
  }
  .rating {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: ${t.spaceXs};
    inline-size: 100%;
    font-size: ${t.fontSizeS};
  }
  [part='stars'] {
    display: inline-flex;
  }
  [part~='star'] svg {
    inline-size: 1.125rem;
    block-size: 1.125rem;
    fill: none;
    stroke: ${t.muted};
    stroke-width: 1.5;
  }
  [part~='star'][part~='on'] svg {
    fill: var(--conecta-session-star-color, #b26b00);
    stroke: var(--conecta-session-star-color, #b26b00);
  }
  [part='rating-comment'] {
    flex: 1 1 100%;
    font-style: italic;
  }
  .toolbar-row {
    position: relative;
    border-block-end: 1px solid ${t.border};
  }
  /* One row at any width: the frequent actions as icons, the rest in the "more" menu. */
  [part='toolbar'] {
    display: flex;
    flex-wrap: nowrap;
    align-items: center;
    gap: ${t.spaceXs};
    padding-block: ${t.spaceXs};
    padding-inline: ${t.spaceM};
  }
  button.icon-button {
    display: inline-flex;
    flex: none;
    align-items: center;
    justify-content: center;
    gap: ${t.spaceXs};
    min-inline-size: 2.25rem;
    min-block-size: 2.25rem;
    padding-inline: ${t.spaceS};
    font-size: ${t.fontSizeS};
    white-space: nowrap;
  }
  .tool-label {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  [part~='more-button'] {
    margin-inline-start: auto;
  }
  [part='tools-menu'] {
    position: absolute;
    inset-block-start: calc(100% - ${t.spaceXs});
    inset-inline-end: ${t.spaceM};
    z-index: 5;
    display: flex;
    flex-direction: column;
    min-inline-size: 12rem;
    max-inline-size: calc(100% - 2 * ${t.spaceM});
    padding: ${t.spaceXs};
    background: ${t.surface};
    border: 1px solid ${t.border};
    border-radius: ${t.radiusM};
    box-shadow: ${t.shadow};
  }
  [part='tools-menu'][hidden],
  [part='side-panel'][hidden] {
    display: none;
  }
  [part='menu-item'] {
    display: flex;
    align-items: center;
    gap: ${t.spaceS};
    min-block-size: 2.25rem;
    padding-inline: ${t.spaceS};
    border: 0;
    background: transparent;
    text-align: start;
    font-size: ${t.fontSizeS};
  }
  [part='menu-item']:hover:not(:disabled),
  [part='menu-item']:focus-visible {
    background: ${t.surfaceAlt};
  }
  /* Very narrow (a CRM's side column, a small phone): smaller, closer icon buttons, still 32 px targets. */
  @container session (max-width: 22rem) {
    [part='toolbar'] {
      gap: 0.125rem;
      padding-inline: ${t.spaceS};
    }
    [part='toolbar'] > .icon-button {
      min-inline-size: 2rem;
      min-block-size: 2rem;
      padding-inline: 0.25rem;
    }
  }
  /* Wide enough: the frequent actions say their names beside their icons. */
  @container session (min-width: 66rem) {
    .tool-label {
      position: static;
      inline-size: auto;
      block-size: auto;
      overflow: visible;
      clip-path: none;
    }
  }
  [part='confirm'],
  .confirm {
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
  [part='notice']:empty,
  [part='current-news']:empty,
  [part='typing']:empty {
    display: none;
  }
  [part='typing'] {
    padding-inline: ${t.spaceM};
    color: ${t.muted};
    font-size: ${t.fontSizeS};
  }
  [part='window-closed'] {
    display: flex;
    flex-direction: column;
    gap: ${t.spaceS};
    align-items: flex-start;
    padding: ${t.spaceM};
    border-block-start: 1px solid ${t.border};
  }
  [part='canned-list'] {
    max-block-size: 10rem;
    overflow-y: auto;
    border: 1px solid ${t.border};
    border-radius: ${t.radiusS};
  }
  [part='canned-list'] [role='option'] {
    display: flex;
    flex-direction: column;
    padding: ${t.spaceXs} ${t.spaceS};
    cursor: pointer;
  }
  [part='canned-list'] [aria-selected='true'] {
    background: ${t.surfaceAlt};
    outline: 2px solid ${t.focus};
    outline-offset: -2px;
  }
  [part='uploads'] {
    display: flex;
    flex-direction: column;
    gap: ${t.spaceXs};
  }
  [part='upload'] {
    display: flex;
    flex-wrap: wrap;
    gap: ${t.spaceS};
    align-items: center;
    font-size: ${t.fontSizeS};
  }
  [part='side-panel'] {
    display: flex;
    flex-direction: column;
    flex: 0 0 var(--conecta-session-side-panel-width, 16rem);
    border-inline-start: 1px solid ${t.border};
    min-block-size: 0;
  }
  [part='tab-panel'] {
    flex: 1 1 auto;
    overflow-y: auto;
    padding: ${t.spaceS};
    display: flex;
    flex-direction: column;
    gap: ${t.spaceS};
  }
  .gallery {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(4.5rem, 1fr));
    gap: ${t.spaceXs};
    font-size: ${t.fontSizeS};
    overflow-wrap: anywhere;
  }
  .gallery img {
    inline-size: 100%;
    aspect-ratio: 1;
    object-fit: cover;
    border-radius: ${t.radiusS};
  }
  .notes {
    display: flex;
    flex-direction: column;
    gap: ${t.spaceS};
  }
  [part='note'] {
    padding: ${t.spaceS};
    border: 1px solid ${t.border};
    border-radius: ${t.radiusS};
  }
  .note-text {
    white-space: pre-wrap;
  }
  .note-new,
  .note-edit {
    display: flex;
    flex-direction: column;
    gap: ${t.spaceXs};
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: ${t.spaceS};
    justify-content: flex-end;
  }
  .protocol-code {
    font-family: ui-monospace, monospace;
    font-size: ${t.fontSizeL};
  }
  dialog {
    inline-size: min(32rem, calc(100vw - 2rem));
    max-block-size: calc(100vh - 2rem);
    padding: ${t.spaceL};
    border: 1px solid ${t.border};
    border-radius: ${t.radiusM};
    background: ${t.surface};
    color: ${t.text};
    box-shadow: ${t.shadow};
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.35);
  }
  dialog form {
    display: flex;
    flex-direction: column;
    gap: ${t.spaceS};
  }
  .check {
    display: flex;
    align-items: center;
    gap: ${t.spaceS};
  }
  .check input {
    inline-size: auto;
    min-block-size: 0;
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
  .session-list {
    display: flex;
    flex-direction: column;
    gap: ${t.spaceXs};
  }
  /* Each line starts at the protocol's link, not stretched under it. */
  .session-list li {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
  }
  .list-heading {
    margin: ${t.spaceS} 0 ${t.spaceXs};
    font-size: ${t.fontSizeS};
  }
  /* Too narrow for the side panel beside the conversation: it lies over it while open. */
  [part='side-panel'].drawer {
    position: absolute;
    inset-block: 0;
    inset-inline-end: 0;
    z-index: 6;
    inline-size: min(20rem, 100%);
    background: ${t.surface};
    box-shadow: ${t.shadow};
  }
  .panel-close {
    align-self: flex-end;
    margin: ${t.spaceXs};
  }
`;
