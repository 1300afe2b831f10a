// The demo's simulated phone: plays a contact's WhatsApp through the server's demo endpoints, which
// speak the real contract (a signed Cloud API webhook in, a fake Graph API out).
const chat = document.getElementById('chat');
const empty = document.getElementById('empty');
const status = document.getElementById('status');
const phoneInput = document.getElementById('phone');
const nameInput = document.getElementById('name');
const time = new Intl.DateTimeFormat('pt-BR', { timeStyle: 'short' });

/** The conversation of the number shown, as the demo server keeps it (both ways). */
let messages = [];
/** Received messages already reported delivered. */
const delivered = new Set();

const digits = () => phoneInput.value.replace(/\D/g, '');

function bubble(message) {
  const item = document.createElement('li');
  item.className = [message.mine ? 'mine' : 'theirs', message.kind === 'template' ? 'template' : ''].filter(Boolean).join(' ');
  const text = document.createElement('span');
  text.textContent = message.kind === 'file' ? `📎 ${message.text}` : message.text;
  const meta = document.createElement('span');
  meta.className = 'meta';
  meta.textContent = `${message.mine ? 'Você' : 'Empresa'} · ${time.format(message.at)}`;
  item.append(text, meta);
  return item;
}

function render() {
  chat.replaceChildren(...messages.map(bubble));
  empty.hidden = messages.length > 0;
  chat.scrollTop = chat.scrollHeight;
}

async function post(path, body) {
  const response = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return response.ok;
}

async function poll() {
  try {
    const response = await fetch(`/api/demo/phone/messages?to=${encodeURIComponent(digits())}`);
    messages = (await response.json()).messages;
    // The phone got the company's messages: WhatsApp reports them delivered.
    const fresh = messages.filter((m) => !m.mine && !delivered.has(m.wamid)).map((m) => m.wamid);
    if (fresh.length && (await post('/api/demo/phone/status', { wamids: fresh, status: 'delivered' })))
      fresh.forEach((id) => delivered.add(id));
    render();
  } catch {
    status.textContent = 'Sem conexão com o servidor da demo.';
  }
}

document.getElementById('composer').addEventListener('submit', async (event) => {
  event.preventDefault();
  const input = document.getElementById('text');
  const text = input.value.trim();
  if (!text) return;
  const ok = await post('/api/demo/phone/send', { from: digits(), name: nameInput.value, text });
  status.textContent = ok ? '' : 'O servidor recusou a mensagem.';
  if (ok) {
    input.value = '';
    await poll();
  }
});

document.getElementById('read').addEventListener('click', async () => {
  const ok = await post('/api/demo/phone/status', { wamids: messages.filter((m) => !m.mine).map((m) => m.wamid), status: 'read' });
  status.textContent = ok ? 'Mensagens marcadas como lidas.' : 'Não foi possível marcar como lidas.';
});

phoneInput.addEventListener('change', () => {
  delivered.clear();
  void poll();
});
setInterval(poll, 1500);
void poll();
