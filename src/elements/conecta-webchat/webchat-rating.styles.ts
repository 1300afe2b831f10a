import { css } from 'lit';

/**
 * The rating form's stars. In the rating stage's chunk with the form (not in the element's styles,
 * which every visitor downloads to a ready chat): the form adds them to the panel as it shows.
 *
 * The tokens are written out, not imported: a chunk that imported them would make the widget export
 * them (96 bytes of its gzip). The colours need no fallback, as the panel sets them
 * (conecta-webchat.styles.ts); the others are the tokens' own text (test/unit/webchat-rating-styles.test.ts).
 */
export const ratingStyles = css`
  [part='stars'] {
    display: flex;
    gap: var(--conecta-space-xs, 0.25rem);
  }
  [part='stars'] input {
    position: absolute;
    opacity: 0;
    inline-size: 1px;
    min-block-size: 0;
  }
  [part~='star'] {
    display: grid;
    place-items: center;
    color: var(--conecta-color-muted);
    cursor: pointer;
    border-radius: var(--conecta-radius-s, 4px);
  }
  [part~='star'] svg {
    inline-size: 2rem;
    block-size: 2rem;
  }
  [part~='on'] {
    color: #b26b00;
  }
  [part~='on'] svg {
    fill: currentColor;
  }
  /* The focus ring every control has (hostStyles), on the star of the focused radio. */
  [part='stars'] input:focus-visible + [part~='star'] {
    outline: 2px solid var(--conecta-color-focus);
    outline-offset: 2px;
  }
`;
