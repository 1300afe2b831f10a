import { html, nothing } from 'lit';
import type { LocalizeController } from '../../i18n/localize.js';
import type { Session } from '../../protocol/index.js';
import { starIcon } from '../conecta-webchat/star-icon.js';

/** The webchat's survey scale: 1 to 5 stars. */
const MAX_SCORE = 5;

/**
 * The contact's rating of a finished session, once given: the stars (one image, named "4 de 5
 * estrelas") and the comment. Nothing before it is given: most sessions are never rated.
 */
export function renderSessionRating(localize: LocalizeController, session: Session) {
  if (session.rating === null) return nothing;
  const t = localize.t.session;
  const label = t.ratingStars(session.rating, MAX_SCORE);
  return html`<div part="rating" class="rating">
    <span class="muted">${t.ratingLabel}</span>
    <span part="stars" role="img" aria-label=${label} title=${label}>
      ${Array.from({ length: MAX_SCORE }, (_, index) => html`<span part="star${index < session.rating! ? ' on' : ''}">${starIcon()}</span>`)}
    </span>
    ${session.ratingComment ? html`<q part="rating-comment">${session.ratingComment}</q>` : nothing}
  </div>`;
}
