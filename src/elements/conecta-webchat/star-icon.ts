import { html } from 'lit';

/**
 * The rating's star, drawn as ./icons.ts draws the others. A module of its own: the visitors' bundle
 * carries it in the rating stage's chunk, and the agents' session shows the same star.
 */
export const starIcon = () =>
  html`<svg aria-hidden="true" viewBox="0 0 24 24"><path d="M12 3l2.8 5.8 6.2.9-4.5 4.4 1 6.2-5.5-2.9-5.5 2.9 1-6.2L3 9.7l6.2-.9z"></path></svg>`;
