import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isCommandName, isCpfOrCnpj, parseCommand } from '../../src/protocol/index.js';

describe('command schemas', () => {
  it('accepts a valid message and trims its text', () => {
    const result = parseCommand('message.send', { id: 'm1', sessionId: 's1', text: '  olá 👋  ' });
    assert.deepEqual(result, { ok: true, value: { id: 'm1', sessionId: 's1', text: 'olá 👋', attachmentIds: [] } });
  });

  it('names each invalid field with a readable reason', () => {
    const result = parseCommand('contact.save', { id: 'c1', name: ' ', email: 'not-an-email', phone: '11 9999' });
    assert.equal(result.ok, false);
    assert.deepEqual(Object.keys(result.ok ? {} : result.fields).sort(), ['email', 'name', 'phone']);
  });

  it('refuses unknown keys, so typos are not silently dropped', () => {
    const result = parseCommand('session.accept', { sessionId: 's1', sesionId: 's2' });
    assert.equal(result.ok, false);
  });

  it('normalizes optional contact fields to null', () => {
    const result = parseCommand('contact.save', { id: 'c1', name: 'Carla', email: 'CARLA@Example.com' });
    assert.deepEqual(result.ok && result.value, { id: 'c1', name: 'Carla', email: 'carla@example.com', phone: null, document: null });
  });

  it('keeps a CPF or CNPJ as digits and refuses wrong check digits', () => {
    const valid = parseCommand('contact.save', { id: 'c1', name: 'Carla', document: '529.982.247-25' });
    assert.equal(valid.ok && valid.value.document, '52998224725');
    assert.equal(isCpfOrCnpj('11222333000181'), true);
    assert.equal(isCpfOrCnpj('52998224724'), false);
    assert.equal(isCpfOrCnpj('11111111111'), false);
  });

  it('refuses a bulk action on more than 50 sessions, saying so', () => {
    const result = parseCommand('session.finishMany', { sessionIds: Array.from({ length: 51 }, (_, i) => `s${i}`) });
    assert.equal(result.ok, false);
    assert.match(result.ok ? '' : result.fields.sessionIds, /at most 50/);
  });

  it('accepts a message with files and no text, but not an empty one', () => {
    assert.equal(parseCommand('message.send', { id: 'm', sessionId: 's', attachmentIds: ['f1'] }).ok, true);
    assert.equal(parseCommand('message.send', { id: 'm', sessionId: 's', text: '   ' }).ok, false);
  });

  it('knows its command names', () => {
    assert.equal(isCommandName('message.send'), true);
    assert.equal(isCommandName('__proto__'), false);
    assert.equal(isCommandName(42), false);
  });
});
