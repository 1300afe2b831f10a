import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CONVERSATION_WINDOW_MS } from '../../src/protocol/index.js';
import { MAX_UNANSWERED_TEMPLATES, outboundRefusal } from '../../server/src/channels/whatsapp/conversation-rules.js';
import { hubSignature, isValidHubSignature } from '../../server/src/channels/whatsapp/hub-signature.js';
import { readWebhook } from '../../server/src/channels/whatsapp/webhook-payload.js';
import { phoneOfWaId } from '../../server/src/channels/whatsapp/wa-id.js';
import { webhookBody } from '../support/fake-graph.js';

describe('X-Hub-Signature-256', () => {
  it('is the HMAC-SHA256 of the raw body with the app secret, in hex', () => {
    // RFC-style vector: HMAC-SHA256("key", "The quick brown fox jumps over the lazy dog").
    assert.equal(
      hubSignature('key', 'The quick brown fox jumps over the lazy dog'),
      'sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8',
    );
  });

  it('accepts only the exact signature of the exact bytes', () => {
    const body = '{"object":"whatsapp_business_account","entry":[]}';
    const signature = hubSignature('secret', body);
    assert.equal(isValidHubSignature('secret', body, signature), true);
    assert.equal(isValidHubSignature('secret', `${body} `, signature), false);
    assert.equal(isValidHubSignature('other', body, signature), false);
    assert.equal(isValidHubSignature('secret', body, signature.toUpperCase()), false);
    assert.equal(isValidHubSignature('secret', body, signature.slice(0, -1)), false);
    assert.equal(isValidHubSignature('secret', body, undefined), false);
  });
});

describe('reading a WhatsApp webhook', () => {
  it('maps texts, media, buttons and locations with the sender\u2019s profile name, and leaves reactions out', () => {
    const [change] = readWebhook(
      webhookBody('PHONE-1', {
        contacts: [{ profile: { name: 'Joana' }, wa_id: '5511987654321' }],
        messages: [
          { from: '5511987654321', id: 'wamid.A', timestamp: '1', type: 'text', text: { body: 'Oi' } },
          {
            from: '5511987654321',
            id: 'wamid.B',
            type: 'document',
            document: { id: 'M1', mime_type: 'application/pdf', filename: 'nota.pdf' },
          },
          { from: '5511987654321', id: 'wamid.C', type: 'button', button: { text: 'Sim', payload: 'yes' } },
          { from: '5511987654321', id: 'wamid.D', type: 'location', location: { latitude: -23.5, longitude: -46.6 } },
          { from: '5511987654321', id: 'wamid.E', type: 'reaction', reaction: { message_id: 'wamid.X', emoji: '👍' } },
        ],
      }),
    )!;
    assert.equal(change.phoneNumberId, 'PHONE-1');
    assert.deepEqual(change.messages, [
      { externalId: 'wamid.A', from: '+5511987654321', name: 'Joana', text: 'Oi', media: null },
      {
        externalId: 'wamid.B',
        from: '+5511987654321',
        name: 'Joana',
        text: '',
        media: { id: 'M1', kind: 'document', mime: 'application/pdf', filename: 'nota.pdf' },
      },
      { externalId: 'wamid.C', from: '+5511987654321', name: 'Joana', text: 'Sim', media: null },
      { externalId: 'wamid.D', from: '+5511987654321', name: 'Joana', text: '-23.5,-46.6', media: null },
    ]);
  });

  it('gives a Brazilian mobile named by its old eight-digit number its ninth digit, and leaves other numbers as they are', () => {
    assert.equal(phoneOfWaId('551187654321'), '+5511987654321', 'an old mobile of São Paulo');
    assert.equal(phoneOfWaId('558196543210'), '+5581996543210', 'an old mobile of Recife');
    assert.equal(phoneOfWaId('5511987654321'), '+5511987654321', 'a mobile already with its ninth digit');
    assert.equal(phoneOfWaId('551134567890'), '+551134567890', 'a landline (2 to 5) gains nothing');
    assert.equal(phoneOfWaId('14155550123'), '+14155550123', 'a number of another country');
    const [change] = readWebhook(
      webhookBody('PHONE-1', { messages: [{ from: '551187654321', id: 'wamid.O', type: 'text', text: { body: 'Oi' } }] }),
    )!;
    assert.equal(change.messages[0]!.from, '+5511987654321');
  });

  it('maps statuses, a failure with its error code and details, and skips unknown ones', () => {
    const [change] = readWebhook(
      webhookBody('PHONE-1', {
        statuses: [
          { id: 'wamid.1', status: 'delivered', timestamp: '2', recipient_id: '55' },
          {
            id: 'wamid.2',
            status: 'failed',
            errors: [{ code: 131047, title: 'Re-engagement message', error_data: { details: 'More than 24 hours' } }],
          },
          { id: 'wamid.3', status: 'deleted' },
        ],
      }),
    )!;
    assert.deepEqual(change.statuses, [
      { externalId: 'wamid.1', status: 'delivered', reason: null },
      { externalId: 'wamid.2', status: 'failed', reason: '(131047) More than 24 hours' },
    ]);
  });

  it('is null for another kind of webhook or a malformed body', () => {
    assert.equal(readWebhook({ object: 'page', entry: [] }), null);
    assert.equal(readWebhook({ object: 'whatsapp_business_account' }), null);
    assert.equal(readWebhook('nonsense'), null);
  });
});

describe('WhatsApp\u2019s rules for what an agent sends', () => {
  const lastInboundAt = 1_000_000;
  const facts = { lastInboundAt, templatesSinceInbound: 0, now: lastInboundAt + 1 };

  it('lets free text go only within 24 hours of the contact\u2019s last message', () => {
    assert.equal(outboundRefusal({ ...facts, kind: 'text', now: lastInboundAt + CONVERSATION_WINDOW_MS - 1 }), null);
    assert.equal(outboundRefusal({ ...facts, kind: 'text', now: lastInboundAt + CONVERSATION_WINDOW_MS })?.code, 'WINDOW_CLOSED');
    assert.equal(outboundRefusal({ ...facts, kind: 'text', lastInboundAt: null })?.code, 'WINDOW_CLOSED');
  });

  it('after a template, free text waits for the contact\u2019s reply, with a message that says so', () => {
    const refusal = outboundRefusal({ ...facts, kind: 'text', templatesSinceInbound: 1, now: lastInboundAt + CONVERSATION_WINDOW_MS + 5 });
    assert.equal(refusal?.code, 'WINDOW_CLOSED');
    assert.match(refusal!.message, /replies/);
  });

  it('limits templates to a contact who does not answer, outside the window only', () => {
    const closed = lastInboundAt + 2 * CONVERSATION_WINDOW_MS;
    assert.equal(outboundRefusal({ ...facts, kind: 'template', now: closed, templatesSinceInbound: MAX_UNANSWERED_TEMPLATES - 1 }), null);
    assert.equal(
      outboundRefusal({ ...facts, kind: 'template', now: closed, templatesSinceInbound: MAX_UNANSWERED_TEMPLATES })?.code,
      'TEMPLATE_LIMIT',
    );
    assert.equal(
      outboundRefusal({ ...facts, kind: 'template', templatesSinceInbound: MAX_UNANSWERED_TEMPLATES }),
      null,
      'the window is open',
    );
    assert.equal(outboundRefusal({ ...facts, kind: 'template', now: closed, templatesSinceInbound: 5, maxUnansweredTemplates: 10 }), null);
  });
});
