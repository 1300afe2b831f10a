// The demo's mailbox: lists what the server "sent" (GET /api/demo/outbox), links clickable.
const list = document.getElementById('mails');
const empty = document.getElementById('empty');
const dateTime = new Intl.DateTimeFormat('pt-BR', { dateStyle: 'short', timeStyle: 'medium' });

/** The mail's text with its http(s) links as anchors; everything else stays text (no HTML from the mail). */
function bodyWithLinks(text) {
  const body = document.createElement('p');
  body.className = 'body';
  let last = 0;
  for (const match of text.matchAll(/https?:\/\/\S+/g)) {
    body.append(text.slice(last, match.index));
    const link = document.createElement('a');
    link.href = match[0];
    link.textContent = match[0];
    body.append(link);
    last = match.index + match[0].length;
  }
  body.append(text.slice(last));
  return body;
}

function mailItem(mail) {
  const item = document.createElement('li');
  const subject = document.createElement('h3');
  subject.textContent = mail.subject;
  const meta = document.createElement('p');
  meta.className = 'meta';
  meta.textContent = `Para ${mail.to} · ${dateTime.format(mail.sentAt)}`;
  item.append(subject, meta, bodyWithLinks(mail.text));
  return item;
}

async function refresh() {
  const response = await fetch('/api/demo/outbox');
  const { mails } = await response.json();
  list.replaceChildren(...mails.map(mailItem));
  empty.hidden = mails.length > 0;
}

document.getElementById('refresh').addEventListener('click', refresh);

document.getElementById('reset-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const result = document.getElementById('reset-result');
  const email = new FormData(event.target).get('email');
  const response = await fetch('/api/auth/password-reset', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email }),
  });
  result.textContent =
    response.status === 202
      ? 'Pedido aceito. Se o e-mail for de um agente ativo, o link aparece abaixo.'
      : response.status === 429
        ? 'Muitos pedidos deste endereço. Espere um pouco.'
        : 'Pedido recusado: confira o e-mail.';
  await refresh();
});

refresh();
