import { css, html } from 'lit';
import { density } from '../styles/agent-theme.js';
import { tokens as t } from '../styles/tokens.js';

/**
 * While a list of people first loads: the shapes of its rows to come (an avatar and a line each),
 * hidden from assistive technology, and `loading` said once as a status. Styles: `skeletonStyles`,
 * in every agent element.
 */
export function personSkeleton(loading: string, rows = 3) {
  const row = html`<li class="person-skeleton-row"><span class="avatar"></span><span class="bar"></span></li>`;
  return html`<p class="visually-hidden loading-status" role="status">${loading}</p>
    <ul class="skeleton" part="skeleton" aria-hidden="true">${Array.from({ length: rows }, () => row)}</ul>`;
}

export const skeletonStyles = css`
  .person-skeleton-row {
    display: flex;
    align-items: center;
    gap: ${t.spaceS};
    padding: ${density.rowPadding} ${t.spaceS};
  }
  .person-skeleton-row .avatar,
  .person-skeleton-row .bar {
    background: ${t.border};
  }
  .person-skeleton-row .bar {
    inline-size: 60%;
    block-size: 0.75rem;
    border-radius: ${t.radiusS};
  }
`;
