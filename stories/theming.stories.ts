import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, userEvent, waitFor } from 'storybook/test';
import { html } from 'lit';
import { define } from '../src/dom/define.js';
import { StoryThemingPlayground } from './theming-playground.js';

// Registered here, not on import: package.json's `sideEffects` does not list stories/, so the
// bundler would drop a module imported only for its side effect.
define('story-theming-playground', StoryThemingPlayground);

const meta = {
  title: 'Design/Theming',
  // The page is stories/theming.mdx, which shows this story with its explanations.
  tags: ['!autodocs'],
  parameters: { layout: 'padded' },
  render: () => html`<story-theming-playground></story-theming-playground>`,
} satisfies Meta;

export default meta;
type Story = StoryObj;

/** Every `--conecta-*` token as a field, the elements changing as one types, and every part. */
export const Playground: Story = {};

/** Changing the brand colour changes the queue's Accept button. */
export const BrandColour: Story = {
  play: async ({ canvasElement }) => {
    const field = canvasElement.querySelector<HTMLInputElement>('input[id="token--conecta-color-brand"]')!;
    const accept = () => canvasElement.querySelector('conecta-queue')?.shadowRoot?.querySelector('[part="accept-button"]');
    await waitFor(() => expect(accept()).toBeTruthy());
    field.value = '#aa2200';
    field.dispatchEvent(new InputEvent('input', { bubbles: true }));
    await waitFor(() => expect(getComputedStyle(accept()!).backgroundColor).toBe('rgb(170, 34, 0)'));
    await expect(canvasElement.querySelector('pre')?.textContent).toContain('--conecta-color-brand: #aa2200;');
    await userEvent.click(canvasElement.querySelector<HTMLButtonElement>('button')!);
    await waitFor(() => expect(getComputedStyle(accept()!).backgroundColor).not.toBe('rgb(170, 34, 0)'));
  },
};
