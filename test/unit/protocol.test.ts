import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isCommandName, parseCommand } from '../../src/protocol/index.js';

describe('command schemas', () => {
  it('accepts a valid message and trims its text', () => {
    const result = parseCommand('message.send', { id: 'm1', sessionId: 's1', text: '  olá 👋  ' });
    assert.deepEqual(result, { ok: true, value: { id: 'm1', sessionId: 's1', text: 'olá 👋' } });
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
    assert.deepEqual(result.ok && result.value, { id: 'c1', name: 'Carla', email: 'carla@example.com', phone: null });
  });

  it('knows its command names', () => {
    assert.equal(isCommandName('message.send'), true);
    assert.equal(isCommandName('__proto__'), false);
    assert.equal(isCommandName(42), false);
  });
});
