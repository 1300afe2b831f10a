// The demo agent desk: a login form, then the agent elements wired together by their events.
import { startAgentPage } from '../agent-login.js';

startAgentPage({
  onDesk(client) {
    const session = document.getElementById('session');
    const contact = document.getElementById('contact');
    const placeholder = document.getElementById('session-placeholder');
    const open = ({ detail }) => {
      session.sessionId = detail.session.id;
      contact.contactId = detail.contact.id;
      session.hidden = contact.hidden = false;
      placeholder.hidden = true;
    };
    document.addEventListener('conecta-session-accepted', open);
    document.addEventListener('conecta-session-selected', open);
    // A CRM would hand this to its PBX; the demo just says what it would dial.
    document.addEventListener('conecta-call-request', ({ detail }) => {
      document.getElementById('desk-status').textContent =
        `Ligar para ${detail.phone}${detail.extension ? ` pelo ramal ${detail.extension}` : ''}`;
    });
    const alerts = document.getElementById('alerts');
    alerts.addEventListener('change', () => document.getElementById('queue').toggleAttribute('with-alerts', alerts.checked));
    document.addEventListener('conecta-session-finished', () => {
      session.hidden = contact.hidden = true;
      placeholder.hidden = false;
    });
    client.store.watch(
      (state) => state.me?.name,
      (name) => (document.getElementById('agent-name').textContent = `Conecta — ${name}`),
    );
  },
});
