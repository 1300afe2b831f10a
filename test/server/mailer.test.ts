import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { MemoryOutbox } from '../../server/src/mail/memory-outbox.js';
import { MAIL_LANGUAGES, passwordMail } from '../../server/src/mail/password-mails.js';
import { smtpMailer } from '../../server/src/mail/smtp-mailer.js';
import { startSmtpSink } from './smtp-sink.js';

describe('smtpMailer', () => {
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  before(async () => (sink = await startSmtpSink({ user: 'conecta', pass: 's3cret' })));
  after(() => sink.close());

  it('hands the mail to a real SMTP server, with the sender, text and HTML parts', async () => {
    const mailer = smtpMailer(sink.url, 'Conecta <no-reply@conecta.test>');
    try {
      await mailer.send({
        to: 'carla@example.com',
        subject: 'Set your password',
        text: 'Open https://conecta.test/set-password/#token=abc to set it.',
        html: '<p><a href="https://conecta.test/set-password/#token=abc">Set your password</a></p>',
      });
    } finally {
      mailer.close();
    }
    assert.equal(sink.received.length, 1);
    const [mail] = sink.received;
    assert.equal(mail!.from, 'no-reply@conecta.test');
    assert.deepEqual(mail!.to, ['carla@example.com']);
    assert.match(mail!.raw, /^Subject: Set your password\r?$/m);
    assert.match(mail!.raw, /^From: Conecta <no-reply@conecta\.test>\r?$/m);
    assert.match(mail!.raw, /Content-Type: text\/plain/);
    assert.match(mail!.raw, /Content-Type: text\/html/);
    assert.match(mail!.raw, /set-password\/#token=abc/);
  });

  it('rejects when the server refuses the mail', async () => {
    const mailer = smtpMailer(sink.url, 'no-reply@conecta.test');
    sink.state.fail = true;
    try {
      await assert.rejects(mailer.send({ to: 'carla@example.com', subject: 'x', text: 'y' }), /550|Mailbox unavailable/);
    } finally {
      sink.state.fail = false;
      mailer.close();
    }
  });

  it('rejects with wrong credentials', async () => {
    const mailer = smtpMailer(`smtp://conecta:wrong@127.0.0.1:${sink.port}`, 'no-reply@conecta.test');
    try {
      await assert.rejects(mailer.send({ to: 'carla@example.com', subject: 'x', text: 'y' }), /Invalid login|535|Invalid username/);
    } finally {
      mailer.close();
    }
  });
});

describe('MemoryOutbox', () => {
  it('keeps the last mails up to its capacity, readable per recipient', async () => {
    const outbox = new MemoryOutbox(3, () => 42);
    for (const n of [1, 2, 3, 4]) await outbox.send({ to: n % 2 ? 'Odd@example.com' : 'even@example.com', subject: `#${n}`, text: '' });
    assert.deepEqual(
      outbox.mails().map((mail) => mail.subject),
      ['#2', '#3', '#4'],
    );
    assert.deepEqual(
      outbox.mails('odd@EXAMPLE.com').map((mail) => mail.subject),
      ['#3'],
    );
    assert.equal(outbox.last()?.subject, '#4');
    assert.equal(outbox.last()?.sentAt, 42);
    outbox.clear();
    assert.equal(outbox.last(), undefined);
  });
});

describe('password mails', () => {
  const link = 'https://conecta.test/set-password/#token=pwd_abc';
  const subjects = new Set<string>();

  for (const language of MAIL_LANGUAGES) {
    for (const purpose of ['invite', 'reset'] as const) {
      it(`${purpose} in ${language}: text and HTML with the link, the name escaped in the HTML`, () => {
        const mail = passwordMail(purpose, language, { name: 'Zé <b>', email: 'ze@example.com' }, link);
        assert.equal(mail.to, 'ze@example.com');
        assert.ok(mail.text.includes(`\n${link}\n`));
        assert.ok(mail.text.includes('Zé <b>'));
        assert.ok(mail.html!.includes(`<html lang="${language}">`));
        assert.ok(mail.html!.includes(`href="${link}"`));
        assert.ok(mail.html!.includes('Zé &lt;b&gt;') && !mail.html!.includes('<b>'));
        assert.match(mail.text, purpose === 'invite' ? /7/ : /1/);
        subjects.add(mail.subject);
      });
    }
  }

  it('has its own subject for each language and purpose', () => assert.equal(subjects.size, 6));
});
