// avatar() and channelIcon(): the shared parts that show who and through which channel.
import { expect, fixture, html } from '@open-wc/testing';
import { avatar, initials } from '../../src/elements/avatar.js';
import { channelIcon } from '../../src/icons/channel-icon.js';
import { CHANNEL_KINDS } from '../../src/protocol/index.js';

// A 1×1 PNG: a photo that loads without a server.
const PHOTO = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

describe('avatar()', () => {
  it('shows the initials of the first and last names, hidden from assistive technology (the name stands beside it)', async () => {
    const el = await fixture<HTMLElement>(html`<div>${avatar({ name: 'Ana Paula Lima' })} Ana Paula Lima</div>`);
    const shown = el.querySelector<HTMLElement>('.avatar')!;
    expect(shown.textContent!.trim()).to.equal('AL');
    expect(shown.getAttribute('aria-hidden')).to.equal('true');
    expect(el.querySelector('img')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('takes one letter from a single name, whole letters from accented and astral ones, and "?" from none', () => {
    expect(initials('élida')).to.equal('É');
    expect(initials('  ')).to.equal('?');
    expect(initials('𝒜na Reis')).to.equal('𝒜R');
  });

  it('shows the photo when there is one, and the initials again when it fails to load', async () => {
    const el = await fixture<HTMLElement>(html`<div>${avatar({ name: 'Bruno Lima', photoUrl: PHOTO, size: 'l' })}</div>`);
    const img = el.querySelector('img')!;
    await new Promise((resolve) => (img.complete ? resolve(null) : img.addEventListener('load', resolve)));
    expect(img.hidden).to.equal(false);
    expect(img.getAttribute('alt')).to.equal('');
    expect(el.querySelector('.avatar')!.classList.contains('l')).to.equal(true);

    const broken = await fixture<HTMLElement>(html`<div>${avatar({ name: 'Bruno Lima', photoUrl: 'data:image/png;base64,broken' })}</div>`);
    const failed = broken.querySelector('img')!;
    await new Promise((resolve) => failed.addEventListener('error', resolve));
    expect(failed.hidden).to.equal(true);
    expect(broken.querySelector('.initials')!.textContent).to.equal('BL');
  });

  it('gives the same name the same tone every time', async () => {
    const el = await fixture<HTMLElement>(html`<div>${avatar({ name: 'Carla' })}${avatar({ name: 'Carla' })}</div>`);
    const [a, b] = [...el.querySelectorAll('.avatar')].map((node) => node.className);
    expect(a).to.equal(b);
    expect(a).to.match(/tone-\d/);
  });
});

describe('channelIcon()', () => {
  it('names the channel where the icon stands alone, and draws a different icon for each channel', async () => {
    const el = await fixture<HTMLElement>(html`<p>${CHANNEL_KINDS.map((channel) => channelIcon(channel, channel))}</p>`);
    const icons = [...el.querySelectorAll('svg')];
    expect(icons.map((svg) => svg.getAttribute('aria-label'))).to.deep.equal([...CHANNEL_KINDS]);
    expect(icons.every((svg) => svg.getAttribute('role') === 'img')).to.equal(true);
    expect(new Set(icons.map((svg) => svg.innerHTML)).size).to.equal(CHANNEL_KINDS.length);
    await expect(el).to.be.accessible();
  });

  it('is decorative beside the written channel name', async () => {
    const el = await fixture<HTMLElement>(html`<p>${channelIcon('whatsapp')} WhatsApp</p>`);
    expect(el.querySelector('svg')!.getAttribute('aria-hidden')).to.equal('true');
  });
});
