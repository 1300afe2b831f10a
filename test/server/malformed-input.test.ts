import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { MAX_COMMAND_BYTES } from '../../src/protocol/index.js';
import { ANA, connectAgent, loginAgent, startTestServer, type TestServer, type TestSocket } from './harness.js';

describe('malformed input gets a precise answer', () => {
  let t: TestServer;
  let anaToken: string;
  let ana: TestSocket;
  before(async () => {
    t = await startTestServer();
    anaToken = await loginAgent(t.url, ANA);
    ana = await connectAgent(t.url, anaToken);
  });
  after(async () => {
    ana.close();
    await t.close();
  });

  it('names an unknown key even when it is named like an Object built-in', async () => {
    for (const key of ['toString', 'constructor', '__proto__', 'hasOwnProperty']) {
      const payload = JSON.parse(`{"sessionId":"s1",${JSON.stringify(key)}:1}`);
      const answer = await ana.command('session.accept', payload);
      assert.equal(!answer.ok && answer.error.code, 'INVALID_PAYLOAD', key);
      assert.deepEqual(!answer.ok && Object.keys(answer.error.fields ?? {}), [key], `fields for ${key}`);
    }
  });

  it('refuses template variables named __proto__ or constructor instead of dropping them', async () => {
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const variables = JSON.parse(`{${JSON.stringify(key)}:"x","nome":"Lia"}`);
      const answer = await ana.command('message.sendTemplate', { id: randomUUID(), sessionId: 's1', templateId: 't1', variables });
      assert.equal(!answer.ok && answer.error.code, 'INVALID_PAYLOAD', key);
      assert.ok(
        !answer.ok && answer.error.fields?.[`variables.${key}`],
        `field variables.${key} in ${JSON.stringify(!answer.ok && answer.error)}`,
      );
    }
  });

  it('answers a truncated multipart upload with 400 INVALID_PAYLOAD, not 500', async () => {
    const boundary = '----conecta-test';
    const body = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\nhalf of a fi`;
    const response = await fetch(`${t.url}/api/files`, {
      method: 'POST',
      headers: { authorization: `Bearer ${anaToken}`, 'content-type': `multipart/form-data; boundary=${boundary}` },
      body,
    });
    assert.equal(response.status, 400);
    assert.equal(((await response.json()) as any).error.code, 'INVALID_PAYLOAD');
  });

  it('answers a malformed URL or an overlong path parameter with the protocol error shape', async () => {
    for (const path of ['/api/webchat/%E0%A4%A', `/api/webchat/${'k'.repeat(200)}`]) {
      const response = await fetch(`${t.url}${path}`);
      assert.ok(response.status >= 400 && response.status < 500, `${path}: ${response.status}`);
      const body = (await response.json()) as any;
      assert.equal(body.error?.code, 'INVALID_PAYLOAD', `${path}: ${JSON.stringify(body)}`);
    }
  });

  it('answers a command over the frame limit with PAYLOAD_TOO_LARGE and keeps the connection', async () => {
    const answer = await ana.command('message.send', { id: randomUUID(), sessionId: 's1', text: 'x'.repeat(MAX_COMMAND_BYTES) });
    assert.equal(!answer.ok && answer.error.code, 'PAYLOAD_TOO_LARGE');
    assert.equal(ana.socket.connected, true);
    assert.equal((await ana.command('agent.snapshot', {})).ok, true);
  });
});
