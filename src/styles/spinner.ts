import { css } from 'lit';

/** A small spinning ring (`<span class="spinner" aria-hidden="true">`) for buttons and notices that wait. */
export const spinnerStyles = css`
  .spinner {
    display: inline-block;
    inline-size: 0.9em;
    block-size: 0.9em;
    border: 2px solid currentColor;
    border-inline-end-color: transparent;
    border-radius: 50%;
    vertical-align: -0.1em;
    animation: conecta-spin 0.8s linear infinite;
  }
  @keyframes conecta-spin {
    to {
      transform: rotate(360deg);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation-duration: 3s;
    }
  }
`;
