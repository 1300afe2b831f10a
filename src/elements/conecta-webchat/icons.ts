import { html } from 'lit';

/** Stroke icons (24×24), decorative: every control that shows one has its own accessible name. */
export const icons = {
  chat: 'M4 5h16v11H9l-5 4z',
  help: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18zM9.5 9a2.5 2.5 0 1 1 3.5 2.3c-.6.3-1 .9-1 1.7m0 3.5v.01',
  headset: 'M4 15v-3a8 8 0 0 1 16 0v3M4 14h3v6H4zm13 0h3v6h-3z',
  close: 'M6 6l12 12M18 6 6 18',
  minimize: 'M6 9l6 6 6-6',
  bell: 'M6 16v-5a6 6 0 0 1 12 0v5l2 2H4zm4 4h4',
  muted: 'M6 16v-5a6 6 0 0 1 12 0v5l2 2H4zm4 4h4M3 3l18 18',
  end: 'M14 4h5v16h-5M10 8l-4 4 4 4m-4-4h9',
  attach: 'M20 11l-8 8a5 5 0 0 1-7-7l8-8a3.5 3.5 0 0 1 5 5l-8 8a2 2 0 0 1-3-3l7-7',
  send: 'M4 12 20 4l-6 16-2-6z',
} as const;

export type IconName = keyof typeof icons;

export const icon = (name: IconName) => html`<svg aria-hidden="true" viewBox="0 0 24 24"><path d=${icons[name]}></path></svg>`;
