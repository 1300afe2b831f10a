import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/elements/conecta-login/conecta-login.js';
import type { ConectaLogin, LoginService } from '../../src/elements/conecta-login/conecta-login.js';
import { en } from '../../src/i18n/en.js';
import { ptBR } from '../../src/i18n/pt-BR.js';
import { ConectaError } from '../../src/protocol/errors.js';
import { ana } from '../fixtures/index.js';
import { $, settle, text } from './helpers.js';

/** A server in memory: Ana's password is `certa`; the fourth wrong one locks the form for 5 minutes. */
function fakeService(): LoginService & { calls: string[][] } {
  let wrong = 0;
  const calls: string[][] = [];
  return {
    calls,
    async login(server, email, password) {
      calls.push(['login', server, email, password]);
      if (wrong >= 3) throw new ConectaError({ code: 'RATE_LIMITED', message: 'Too many', retryAfterMs: 299_500 });
      if (email === ana.email && password === 'certa') return { token: 'tok', expiresAt: 123, agent: ana };
      wrong++;
      throw new ConectaError({ code: 'UNAUTHENTICATED', message: 'Wrong credentials' });
    },
    async requestPasswordReset(server, email) {
      calls.push(['reset', server, email]);
      return { ok: true };
    },
  };
}

async function loginWith(service = fakeService(), lang = 'pt-BR'): Promise<ConectaLogin> {
  const el = await fixture<ConectaLogin>(
    html`<conecta-login server="https://conecta.test" lang=${lang} .service=${service}></conecta-login>`,
  );
  await settle(el);
  return el;
}

function fill(el: ConectaLogin, name: string, value: string): void {
  ($(el, `input[name=${name}]`) as HTMLInputElement).value = value;
}

async function signIn(el: ConectaLogin, email: string, password: string): Promise<void> {
  fill(el, 'email', email);
  fill(el, 'password', password);
  ($(el, 'form') as HTMLFormElement).requestSubmit();
  await settle(el);
}

describe('<conecta-login>', () => {
  it('is accessible: the form, an error, the lock and the forgot-password form', async () => {
    const el = await loginWith();
    await expect(el).to.be.accessible();
    await signIn(el, ana.email, 'errada');
    await expect(el).to.be.accessible();
    $(el, '.forgot-open').click();
    await settle(el);
    await expect(el).to.be.accessible();
  });

  it('signs in and fires conecta-login with the token, its expiry and the agent', async () => {
    const service = fakeService();
    const el = await loginWith(service);
    const fired = oneEvent(el, 'conecta-login');
    await signIn(el, ana.email, 'certa');
    const { detail } = await fired;
    expect(detail).to.deep.equal({ token: 'tok', expiresAt: 123, agent: ana });
    expect(service.calls[0]).to.deep.equal(['login', 'https://conecta.test', ana.email, 'certa']);
  });

  it('says the credentials are wrong, in its language, not the server’s English', async () => {
    const el = await loginWith();
    await signIn(el, ana.email, 'errada');
    expect(text($(el, '[part=error]'))).to.equal(ptBR.login.wrongCredentials);
    el.lang = 'en';
    await settle(el);
    expect(text($(el, '[part=error]'))).to.equal(en.login.wrongCredentials);
  });

  it('explains the lock after too many wrong passwords and says how long to wait', async () => {
    const el = await loginWith();
    for (let i = 0; i < 4; i++) await signIn(el, ana.email, 'errada');
    const error = text($(el, '[part=error]'));
    expect(error).to.equal(`${ptBR.errors.RATE_LIMITED} ${ptBR.login.retryIn('5 min')}`);
    expect(text($(el, '.locked'))).to.equal(ptBR.login.lockedExplained);
    expect(el.matches(':state(locked)')).to.equal(true);
  });

  it('asks for a reset link with the address typed, says the same whatever the answer, and goes back', async () => {
    const service = fakeService();
    const el = await loginWith(service);
    fill(el, 'email', ana.email);
    $(el, '.forgot-open').click();
    await settle(el);
    const address = $(el, 'input[name=reset-email]') as HTMLInputElement;
    expect(address.value).to.equal(ana.email);
    expect(el.shadowRoot!.activeElement).to.equal(address);
    ($(el, 'form') as HTMLFormElement).requestSubmit();
    await settle(el);
    expect(service.calls.at(-1)).to.deep.equal(['reset', 'https://conecta.test', ana.email]);
    expect(text($(el, '[role=status]'))).to.equal(ptBR.login.forgotSent);
    $(el, 'button.link').click();
    await settle(el);
    expect(el.shadowRoot!.activeElement).to.equal($(el, '.forgot-open'));
  });

  it('tells a failed reset request by its code', async () => {
    const service = fakeService();
    service.requestPasswordReset = () => Promise.reject(new ConectaError({ code: 'DISCONNECTED', message: 'down' }));
    const el = await loginWith(service);
    $(el, '.forgot-open').click();
    await settle(el);
    fill(el, 'reset-email', ana.email);
    ($(el, 'form') as HTMLFormElement).requestSubmit();
    await settle(el);
    expect(text($(el, '[part=error]'))).to.equal(ptBR.errors.DISCONNECTED);
    expect(text($(el, '[role=status]'))).to.equal('');
  });

  it('changes its language from the choice and tells the page', async () => {
    const el = await loginWith();
    const select = $(el, '[part=language] select') as HTMLSelectElement;
    select.value = 'es';
    const fired = oneEvent(el, 'conecta-language-changed');
    select.dispatchEvent(new Event('change'));
    expect((await fired).detail).to.deep.equal({ language: 'es' });
    await settle(el);
    expect(el.lang).to.equal('es');
    expect(text($(el, 'h1'))).to.equal('Iniciar sesión');
  });
});
