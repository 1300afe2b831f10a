import { expect } from '@open-wc/testing';
import { LitElement } from 'lit';
import { sharedClock } from '../../src/controllers/clock.js';
import { define } from '../../src/dom/define.js';
import { en, es, languageOf, LocalizeController, ptBR, resolveLangTag } from '../../src/i18n/index.js';

class LocalizedProbe extends LitElement {
  readonly localize = new LocalizeController(this);
}
define('localized-probe', LocalizedProbe);

describe('LocalizeController', () => {
  afterEach(() => document.documentElement.removeAttribute('lang'));

  it('maps language tags to the three tables', () => {
    expect(languageOf('pt')).to.equal('pt-BR');
    expect(languageOf('en-US')).to.equal('en');
    expect(languageOf('es-419')).to.equal('es');
    expect(languageOf('fr')).to.equal('pt-BR');
    expect(languageOf('')).to.equal('pt-BR');
  });

  it('has every key of pt-BR in en and es', () => {
    const keys = (table: object, prefix = ''): string[] =>
      Object.entries(table).flatMap(([k, v]) => (v && typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
    expect(keys(en)).to.deep.equal(keys(ptBR));
    expect(keys(es)).to.deep.equal(keys(ptBR));
  });

  it('finds lang across shadow roots, then the page, then pt-BR', () => {
    const host = document.createElement('div');
    host.lang = 'es';
    const root = host.attachShadow({ mode: 'open' });
    const probe = document.createElement('localized-probe') as LocalizedProbe;
    root.append(probe);
    document.body.append(host);
    try {
      expect(resolveLangTag(probe)).to.equal('es');
      host.removeAttribute('lang');
      expect(probe.localize.language).to.equal('pt-BR');
      document.documentElement.lang = 'en-GB';
      expect(probe.localize.language).to.equal('en');
      expect(probe.localize.locale).to.equal('en-GB');
    } finally {
      host.remove();
    }
  });

  it('formats wait times as s, min and h + padded min', () => {
    const probe = document.createElement('localized-probe') as LocalizedProbe;
    probe.lang = 'pt-BR';
    expect(probe.localize.duration(45_000)).to.equal('45 s');
    expect(probe.localize.duration(3 * 60_000 + 10_000)).to.equal('3 min');
    expect(probe.localize.duration(65 * 60_000)).to.equal('1 h 05 min');
  });

  it('re-renders connected elements when <html lang> changes', async () => {
    const probe = document.createElement('localized-probe') as LocalizedProbe;
    document.body.append(probe);
    try {
      await probe.updateComplete;
      let updates = 0;
      probe.addController({ hostUpdated: () => updates++ });
      document.documentElement.lang = 'es';
      await new Promise((resolve) => setTimeout(resolve));
      await probe.updateComplete;
      expect(updates).to.equal(1);
    } finally {
      probe.remove();
    }
  });
});

describe('the shared clock', () => {
  it('runs one interval only while something listens', () => {
    expect(sharedClock.running).to.equal(false);
    const stopA = sharedClock.subscribe(() => {});
    const stopB = sharedClock.subscribe(() => {});
    expect(sharedClock.running).to.equal(true);
    stopA();
    expect(sharedClock.running).to.equal(true);
    stopB();
    expect(sharedClock.running).to.equal(false);
  });
});
