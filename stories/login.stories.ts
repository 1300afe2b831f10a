import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { expect, fn, userEvent, waitFor } from 'storybook/test';
import '../src/login.js';
import type { LoginService } from '../src/elements/conecta-login/conecta-login.js';
import { ConectaError } from '../src/protocol/errors.js';
import { ana } from '../test/fixtures/index.js';
import { inShadow, shadowText, tokenArgTypes, withTokens, type TokenArgs, dark, withDarkPage, type AppearanceArgs } from './story-kit.js';

interface LoginArgs extends TokenArgs, AppearanceArgs {
  lang: string;
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A server in memory: any password but `senha` is wrong. */
const service = (refuse?: ConectaError): LoginService => ({
  async login(_server, email, password) {
    await wait(400);
    if (refuse) throw refuse;
    if (password !== 'senha') throw new ConectaError({ code: 'UNAUTHENTICATED', message: 'Wrong credentials' });
    return { token: 'story-token', expiresAt: Date.now() + 3_600_000, agent: { ...ana, email } };
  },
  async requestPasswordReset() {
    await wait(400);
    return { ok: true };
  },
});

const withService = (login: LoginService) => (args: LoginArgs) =>
  html`<conecta-login .service=${login} email=${ana.email} lang=${args.lang || nothing} theme=${args.theme || nothing}
    density=${args.density || nothing}></conecta-login>`;

const signIn = async (canvasElement: HTMLElement) => {
  await userEvent.type(await inShadow(canvasElement, 'conecta-login', 'input[name=password]'), 'errada');
  await userEvent.click(await inShadow(canvasElement, 'conecta-login', '[part="submit-button"]'));
};

const meta = {
  title: 'Agent/Login',
  component: 'conecta-login',
  decorators: [withTokens, withDarkPage],
  args: { lang: 'pt-BR' },
  argTypes: { ...tokenArgTypes },
  parameters: { actions: { handles: ['conecta-login', 'conecta-language-changed'] } },
  render: withService(service()),
} satisfies Meta<LoginArgs>;

export default meta;
type Story = StoryObj<LoginArgs>;

/** E-mail filled in; the password `senha` signs in. */
export const Default: Story = {};

/** A wrong password, told in the element's language; the e-mail is kept. */
export const WrongPassword: Story = {
  play: async ({ canvasElement }) => {
    const signedIn = fn();
    canvasElement.querySelector('conecta-login')?.addEventListener('conecta-login', signedIn);
    await signIn(canvasElement);
    await waitFor(() => expect(shadowText(canvasElement, 'conecta-login', '[role="alert"]').join(' ')).toMatch(/\S/));
    await expect(await inShadow<HTMLInputElement>(canvasElement, 'conecta-login', 'input[name=email]')).toHaveValue(ana.email);
    await expect(signedIn).not.toHaveBeenCalled();
  },
};

/** Too many wrong passwords: the lock explained, with the time to wait. */
export const Locked: Story = {
  render: withService(service(new ConectaError({ code: 'RATE_LIMITED', message: 'Too many', retryAfterMs: 300_000 }))),
  play: ({ canvasElement }) => signIn(canvasElement),
};

/** "Forgot my password", with the link requested. */
export const ForgotPassword: Story = {
  play: async ({ canvasElement }) => {
    await userEvent.click(await inShadow(canvasElement, 'conecta-login', '.forgot-open'));
    await userEvent.click(await inShadow(canvasElement, 'conecta-login', '[part="submit-button"]'));
  },
};

/** The server cannot be reached. */
export const Offline: Story = {
  render: withService(service(new ConectaError({ code: 'DISCONNECTED', message: 'down' }))),
  play: ({ canvasElement }) => signIn(canvasElement),
};

export const English: Story = { args: { lang: 'en' } };

export const Spanish: Story = { args: { lang: 'es' } };

/** The dark theme (`theme="dark"`): the element's own dark colours, no page tokens. */
export const Dark: Story = dark;
