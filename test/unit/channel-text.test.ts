import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pickChannelText } from '../../src/protocol/index.js';

describe('pickChannelText', () => {
  const greeting = { 'pt-BR': 'Olá!', en: 'Hi!', 'es-MX': '¡Hola, amigo!', es: '¡Hola!' };

  it('takes the language itself, then its base language, then the channel’s default', () => {
    assert.equal(pickChannelText(greeting, 'es-MX', 'pt-BR'), '¡Hola, amigo!');
    assert.equal(pickChannelText(greeting, 'en-GB', 'pt-BR'), 'Hi!');
    assert.equal(pickChannelText({ 'pt-BR': 'Olá!', es: '¡Hola!' }, 'en', 'es'), '¡Hola!');
    assert.equal(pickChannelText({ pt: 'Olá!' }, 'pt-BR', 'en'), 'Olá!');
  });

  it('matches tags whatever their case, and takes pt-BR as the default when none is known', () => {
    assert.equal(pickChannelText({ 'PT-br': 'Olá!' }, 'pt-BR', 'pt-BR'), 'Olá!');
    assert.equal(pickChannelText({ 'pt-BR': 'Olá!' }, 'en', undefined), 'Olá!');
  });

  it('answers null for an unset text, or one in none of those languages, or empty there', () => {
    assert.equal(pickChannelText(null, 'en', 'pt-BR'), null);
    assert.equal(pickChannelText({ fr: 'Salut !' }, 'en', 'pt-BR'), null);
    assert.equal(pickChannelText({ en: '', 'pt-BR': 'Olá!' }, 'en', 'pt-BR'), 'Olá!');
  });
});
