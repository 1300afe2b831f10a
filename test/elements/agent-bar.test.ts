import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/elements/conecta-agent-bar/conecta-agent-bar.js';
import type { ConectaAgentBar } from '../../src/elements/conecta-agent-bar/conecta-agent-bar.js';
import { en } from '../../src/i18n/en.js';
import { es } from '../../src/i18n/es.js';
import { ptBR } from '../../src/i18n/pt-BR.js';
import {
  aSession,
  agentBarFixture,
  contacts,
  createMockClient,
  pausedFor,
  type AgentBarFixtureOptions,
  type MockClient,
} from '../fixtures/index.js';
import { $, $$, forgetConectaStorage, settle, text } from './helpers.js';

const t = ptBR.agentBar;

async function barWith(client: MockClient, lang = 'pt-BR'): Promise<ConectaAgentBar> {
  const el = await fixture<ConectaAgentBar>(html`<conecta-agent-bar .client=${client} lang=${lang}></conecta-agent-bar>`);
  await settle(el);
  return el;
}

const clientWith = (options: AgentBarFixtureOptions = {}) => createMockClient(agentBarFixture(options));

describe('<conecta-agent-bar>', () => {
  afterEach(() => forgetConectaStorage());

  describe('accessibility', () => {
    it('is accessible connected, offline, paused past the limit, and with the profile dialog open', async () => {
      await expect(await barWith(clientWith())).to.be.accessible();
      await expect(await barWith(clientWith({ connection: 'connecting', connectionFailures: 2 }))).to.be.accessible();
      await expect(await barWith(clientWith({ availability: pausedFor(14) }))).to.be.accessible();
      const el = await barWith(clientWith());
      $(el, '[part=profile-button]').click();
      await settle(el);
      await expect(el).to.be.accessible();
    });

    it('gives every control an accessible name and reaches them all by keyboard', async () => {
      const el = await barWith(clientWith());
      for (const control of $$(el, 'button, select, [tabindex="0"]')) {
        expect(control.tabIndex, control.outerHTML).to.be.at.least(0);
        const name = control.getAttribute('aria-label') ?? text(control);
        expect(name, control.outerHTML).to.not.equal('');
      }
    });
  });

  describe('identity', () => {
    it('shows the name, the nickname and the initials when there is no photo', async () => {
      const el = await barWith(clientWith());
      expect(text($(el, '.name'))).to.equal('Ana Souza');
      expect(text($(el, '.nickname'))).to.equal('Aninha');
      expect(text($(el, '.initials'))).to.equal('AS');
    });

    it('shows the photo when there is one', async () => {
      const el = await barWith(clientWith({ photoUrl: 'data:image/gif;base64,R0lGODlhAQABAAAAACw=' }));
      expect($(el, 'img[part=photo]').getAttribute('alt')).to.equal(t.photoOf('Ana Souza'));
      expect($$(el, '.initials')).to.have.length(0);
    });
  });

  describe('connection indicator', () => {
    const cases = [
      { options: {}, indicator: 'connected', label: t.connection.connected, hint: t.connection.connectedHint },
      {
        options: { connection: 'connecting' as const },
        indicator: 'reconnecting',
        label: t.connection.reconnecting,
        hint: t.connection.reconnectingHint,
      },
      {
        options: { connection: 'connecting' as const, connectionFailures: 1 },
        indicator: 'offline',
        label: t.connection.offline,
        hint: t.connection.offlineHint,
      },
      {
        options: { connection: 'disconnected' as const },
        indicator: 'offline',
        label: t.connection.offline,
        hint: t.connection.offlineHint,
      },
    ];
    for (const { options, indicator, label, hint } of cases) {
      it(`is ${indicator} for ${JSON.stringify(options)}, with what to check in its tooltip`, async () => {
        const el = await barWith(clientWith(options));
        const shown = $(el, '[part=indicator]');
        expect(shown.dataset.indicator).to.equal(indicator);
        expect(text(shown).startsWith(label)).to.equal(true);
        const tip = $(el, `#${shown.getAttribute('aria-describedby')}`);
        expect(tip.getAttribute('role')).to.equal('tooltip');
        expect(text(tip)).to.equal(hint);
        expect(el.matches(`:state(${indicator === 'offline' ? 'unreachable' : indicator})`)).to.equal(true);
      });
    }

    it('follows the client: red when attempts fail, green when connected again', async () => {
      const client = clientWith();
      const el = await barWith(client);
      client.store.update((s) => ({ ...s, connection: 'connecting', connectionFailures: 3 }));
      await settle(el);
      expect($(el, '[part=indicator]').dataset.indicator).to.equal('offline');
      client.store.update((s) => ({ ...s, connection: 'connected', connectionFailures: 0 }));
      await settle(el);
      expect($(el, '[part=indicator]').dataset.indicator).to.equal('connected');
    });
  });

  it('shows the time logged in today, from the server’s count', async () => {
    const el = await barWith(clientWith({ loggedInTodayMs: 205 * 60_000 }));
    expect(text($(el, '[part=logged-in]'))).to.equal(t.loggedInToday('3 h 25 min'));
    expect(text($(el, '[part=state]'))).to.equal(t.states.online);
  });

  describe('pauses', () => {
    it('pauses with the chosen type, then ends the pause', async () => {
      const client = clientWith();
      const el = await barWith(client);
      const select = $(el, 'select[name=pause-type]') as HTMLSelectElement;
      expect([...select.options].map((o) => o.value)).to.deep.equal(['pause-lunch', 'pause-coffee', 'pause-training']);
      select.value = 'pause-coffee';
      ($(el, 'form[part=pause]') as HTMLFormElement).requestSubmit();
      await settle(el);
      expect(client.received('agent.pause')).to.deep.equal([{ pauseTypeId: 'pause-coffee' }]);
      expect(text($(el, '.pause-name'))).to.equal(t.pause.paused('Café'));
      expect(text($(el, '[part=pause-time]'))).to.match(/^Restam (10:00|9:5\d)$/);
      expect(el.matches(':state(paused)')).to.equal(true);
      ($(el, '[part=pause] button') as HTMLButtonElement).click();
      await settle(el);
      expect(client.received('agent.resume')).to.have.length(1);
      expect(el.matches(':state(paused)')).to.equal(false);
      expect($(el, 'select[name=pause-type]')).to.exist;
    });

    it('counts down within the limit, without a warning', async () => {
      const el = await barWith(clientWith({ availability: pausedFor(4) }));
      expect(text($(el, '[part=pause-time]'))).to.match(/^Restam (6:00|5:59)$/);
      expect($$(el, '[part=pause-warning]')).to.have.length(0);
      expect(el.matches(':state(over-limit)')).to.equal(false);
    });

    it('warns past the limit, by how much', async () => {
      const el = await barWith(clientWith({ availability: pausedFor(14) }));
      const warning = $(el, '[part=pause-warning]');
      expect(warning.getAttribute('role')).to.equal('alert');
      expect(text(warning)).to.equal(t.pause.overLimit('4 min'));
      expect(el.matches(':state(over-limit)')).to.equal(true);
    });

    it('offers no pause when the company has no pause types', async () => {
      const client = createMockClient({ ...agentBarFixture(), catalog: { ...agentBarFixture().catalog!, pauseTypes: [] } });
      const el = await barWith(client);
      expect($$(el, '[part=pause]')).to.have.length(0);
    });

    it('tells a refused pause', async () => {
      const client = clientWith().failWith('agent.pause', 'FORBIDDEN', 'no');
      const el = await barWith(client);
      ($(el, 'form[part=pause]') as HTMLFormElement).requestSubmit();
      await settle(el);
      expect(text($(el, '.pause-error'))).to.equal(ptBR.errors.FORBIDDEN);
    });
  });

  describe('counters', () => {
    it('shows waiting, in service, finished today and the average rating with the statistics permission', async () => {
      const client = clientWith({ stats: null });
      const el = await barWith(client);
      expect(client.received('agent.stats')).to.have.length(1);
      const values = $$(el, '[part=stats] dd').map(text);
      expect(values).to.deep.equal(['4', '2', '11', t.stats.ratingValue('4,6', 23)]);
    });

    it('asks again soon after a session moves, so they agree with the queue beside them', async () => {
      const client = clientWith({ stats: null });
      await barWith(client);
      expect(client.received('agent.stats')).to.have.length(1);
      client.push({ session: aSession({ id: 'session-new', contactId: contacts.carla.id, status: 'waiting' }), contact: contacts.carla });
      // Not at once (a burst of arrivals is one question), but well before the 30 s round.
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(client.received('agent.stats')).to.have.length(1);
      await new Promise((resolve) => setTimeout(resolve, 2_500));
      expect(client.received('agent.stats')).to.have.length(2);
    });

    it('asks for no counters and shows none without the permission', async () => {
      const client = clientWith({ withoutStatistics: true, stats: null });
      const el = await barWith(client);
      expect(client.received('agent.stats')).to.have.length(0);
      expect($$(el, '[part=stats]')).to.have.length(0);
    });
  });

  describe('sound and notifications', () => {
    it('is a switch that asks the browser’s permission when turned on, remembers it and tells the page', async () => {
      const original = Notification.requestPermission;
      let asked = 0;
      Object.defineProperty(Notification, 'permission', { value: 'default', configurable: true });
      Notification.requestPermission = async () => (asked++, 'granted');
      try {
        const el = await barWith(clientWith());
        const toggle = $(el, '[part=alerts]');
        expect(toggle.getAttribute('role')).to.equal('switch');
        expect(toggle.getAttribute('aria-checked')).to.equal('false');
        const fired = oneEvent(el, 'conecta-alerts-changed');
        toggle.click();
        expect((await fired).detail).to.deep.equal({ enabled: true });
        await settle(el);
        expect(asked).to.equal(1);
        expect(toggle.getAttribute('aria-checked')).to.equal('true');
        expect(localStorage.getItem('conecta-elements:alerts')).to.equal('on');
        expect(el.alertsEnabled).to.equal(true);
        expect((await barWith(clientWith())).alertsEnabled, 'remembered by the next bar').to.equal(true);
      } finally {
        Notification.requestPermission = original;
        delete (Notification as unknown as Record<string, unknown>).permission;
      }
    });

    it('explains how to allow notifications when the browser denied them', async () => {
      Object.defineProperty(Notification, 'permission', { value: 'denied', configurable: true });
      try {
        const el = await barWith(clientWith());
        $(el, '[part=alerts]').click();
        await settle(el);
        expect(text($(el, '.alerts-help'))).to.equal(t.alerts.denied);
      } finally {
        delete (Notification as unknown as Record<string, unknown>).permission;
      }
    });
  });

  describe('profile dialog', () => {
    async function openProfile(client: MockClient): Promise<ConectaAgentBar> {
      const el = await barWith(client);
      $(el, '[part=profile-button]').click();
      await settle(el);
      return el;
    }

    it('opens modal, saves nickname, extension and language, and closes back to its button', async () => {
      const client = clientWith();
      const el = await openProfile(client);
      const dialog = $(el, 'dialog') as HTMLDialogElement;
      expect(dialog.open).to.equal(true);
      ($(el, 'input[name=nickname]') as HTMLInputElement).value = 'Ana S.';
      ($(el, 'input[name=extension]') as HTMLInputElement).value = '2041';
      ($(el, 'select[name=language]') as HTMLSelectElement).value = 'es';
      const language = oneEvent(el, 'conecta-language-changed');
      ($(el, '.profile-form') as HTMLFormElement).requestSubmit();
      expect((await language).detail).to.deep.equal({ language: 'es' });
      await settle(el);
      expect(client.received('agent.profile')).to.deep.equal([{ nickname: 'Ana S.', extension: '2041', language: 'es' }]);
      expect(text($(el, '.profile-form .saved'))).to.equal(t.profile.saved);
      expect(text($(el, '.nickname'))).to.equal('Ana S.');
      $(el, 'dialog .close').click();
      await settle(el);
      expect($$(el, 'dialog')).to.have.length(0);
      expect(el.shadowRoot!.activeElement).to.equal($(el, '[part=profile-button]'));
    });

    it('uploads a photo through the upload route and shows it', async () => {
      const client = clientWith();
      const el = await openProfile(client);
      const input = $(el, 'input[type=file]') as HTMLInputElement;
      const files = new DataTransfer();
      files.items.add(new File([new Uint8Array([1, 2, 3])], 'me.png', { type: 'image/png' }));
      input.files = files.files;
      input.dispatchEvent(new Event('change'));
      await settle(el, 6);
      expect(client.calls.some((call) => call.method === 'uploadFile')).to.equal(true);
      const [{ photoFileId }] = client.received('agent.profile');
      expect(photoFileId).to.be.a('string');
      expect($(el, 'img[part=photo]').getAttribute('src')).to.contain(photoFileId);
    });

    it('changes the password, and refuses two different new ones before asking the server', async () => {
      const client = clientWith();
      const el = await openProfile(client);
      const set = (name: string, value: string) => (($(el, `.password-form input[name=${name}]`) as HTMLInputElement).value = value);
      set('current', 'senha-atual-123');
      set('next', 'nova-senha-456');
      set('confirmation', 'outra-senha-789');
      ($(el, '.password-form') as HTMLFormElement).requestSubmit();
      await settle(el);
      expect(text($(el, '.password-form .form-error'))).to.equal(t.profile.passwordMismatch);
      expect(client.received('agent.password')).to.have.length(0);
      set('confirmation', 'nova-senha-456');
      ($(el, '.password-form') as HTMLFormElement).requestSubmit();
      await settle(el);
      expect(client.received('agent.password')).to.deep.equal([{ current: 'senha-atual-123', next: 'nova-senha-456' }]);
      expect(text($(el, '.password-form .saved'))).to.equal(t.profile.passwordChanged);
    });
  });

  it('logs out through the client and fires conecta-logout', async () => {
    const client = clientWith();
    const el = await barWith(client);
    const fired = oneEvent(el, 'conecta-logout');
    $(el, '[part=logout-button]').click();
    await fired;
    expect(client.calls.some((call) => call.method === 'logout')).to.equal(true);
  });

  it('loads the profile and the pause types when nothing else did', async () => {
    const client = createMockClient(agentBarFixture(), { store: { connection: 'connected' } });
    const el = await barWith(client);
    expect(client.calls.map((call) => call.method)).to.include.members(['loadQueue', 'loadCatalog']);
    expect(text($(el, '.name'))).to.equal('Ana Souza');
    expect($$(el, 'select[name=pause-type] option')).to.have.length(3);
  });

  it('fits in 320 px: it wraps instead of overflowing', async () => {
    const el = await barWith(clientWith({ availability: pausedFor(14) }));
    el.style.width = '320px';
    await settle(el);
    const base = $(el, '[part=base]');
    expect(base.scrollWidth).to.be.at.most(base.clientWidth);
    for (const child of [...base.children] as HTMLElement[])
      expect(child.getBoundingClientRect().right).to.be.at.most(base.getBoundingClientRect().right + 0.5);
  });

  it('speaks English and Spanish', async () => {
    const english = await barWith(clientWith({ availability: pausedFor(14) }), 'en');
    expect(text($(english, '[part=pause-warning]'))).to.equal(en.agentBar.pause.overLimit('4 min'));
    expect(text($(english, '[part=logout-button]'))).to.equal('Sign out');
    const spanish = await barWith(clientWith(), 'es');
    expect(text($(spanish, '[part=logout-button]'))).to.equal(es.agentBar.logout);
    expect(text($(spanish, '[part=indicator]')).startsWith(es.agentBar.connection.connected)).to.equal(true);
  });

  describe('narrow (its own width)', () => {
    it('keeps who, the connection and the pause in view at 320 px, the rest behind a button that Escape closes', async () => {
      const wrapper = await fixture<HTMLDivElement>(
        html`<div style="inline-size: 320px"><conecta-agent-bar .client=${clientWith()} lang="pt-BR"></conecta-agent-bar></div>`,
      );
      const el = wrapper.querySelector('conecta-agent-bar')!;
      await settle(el);
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      await settle(el);
      const more = $(el, '[part="more-button"]');
      expect(more.getAttribute('aria-expanded')).to.equal('false');
      expect($(el, '[part="logout-button"]').checkVisibility()).to.equal(false);
      expect($(el, '[part="pause"]').checkVisibility()).to.equal(true);
      more.click();
      await settle(el);
      expect(more.getAttribute('aria-expanded')).to.equal('true');
      const logout = $(el, '[part="logout-button"]');
      expect(logout.checkVisibility()).to.equal(true);
      expect(logout.getBoundingClientRect().right).to.be.at.most(wrapper.getBoundingClientRect().right);
      expect(el.getBoundingClientRect().width).to.be.at.most(320);
      await expect(el).to.be.accessible();
      logout.focus();
      logout.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true, cancelable: true }));
      await settle(el);
      expect(more.getAttribute('aria-expanded')).to.equal('false');
      expect(el.shadowRoot!.activeElement).to.equal(more);
    });
  });
});
