import { expect, fixture, html } from '@open-wc/testing';
import paperclip from 'lucide/dist/esm/icons/paperclip.mjs';
import { icon } from '../../src/icons/icon.js';

describe('icon()', () => {
  it('draws the Lucide icon as SVG, hidden from assistive technology when decorative', async () => {
    const el = await fixture<HTMLElement>(html`<button>${icon(paperclip)} Anexar</button>`);
    const svg = el.querySelector('svg')!;
    expect(svg.getAttribute('aria-hidden')).to.equal('true');
    expect(svg.hasAttribute('role')).to.equal(false);
    const path = svg.querySelector('path')!;
    expect(path.namespaceURI).to.equal('http://www.w3.org/2000/svg');
    expect(path.getAttribute('d')).to.match(/^m16 6/);
    expect(svg.getBoundingClientRect().width).to.be.greaterThan(10);
    await expect(el).to.be.accessible();
  });

  it('names an icon that stands alone', async () => {
    const el = await fixture<HTMLElement>(html`<div>${icon(paperclip, 'Anexo')}</div>`);
    const svg = el.querySelector('svg')!;
    expect(svg.getAttribute('role')).to.equal('img');
    expect(svg.getAttribute('aria-label')).to.equal('Anexo');
    expect(svg.hasAttribute('aria-hidden')).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('draws the same icon twice without sharing nodes', async () => {
    const el = await fixture<HTMLElement>(html`<p>${icon(paperclip)}${icon(paperclip)}</p>`);
    expect(el.querySelectorAll('svg path').length).to.equal(2);
  });
});
