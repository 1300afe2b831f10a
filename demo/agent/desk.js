// The demo agent desk: a login form, then <conecta-agent-desk> (queue, session, contact, colleagues) on the agent's client.
import { startAgentPage } from '../agent-login.js';

startAgentPage({
  onDesk(client) {
    const desk = document.getElementById('agent-desk');
    // A CRM would hand this to its PBX; the demo just says what it would dial.
    document.addEventListener('conecta-call-request', ({ detail }) => {
      document.getElementById('desk-status').textContent =
        `Ligar para ${detail.phone}${detail.extension ? ` pelo ramal ${detail.extension}` : ''}`;
    });
    const alerts = document.getElementById('alerts');
    alerts.addEventListener('change', () => (desk.withAlerts = alerts.checked));
    client.store.watch(
      (state) => state.me?.name,
      (name) => (document.getElementById('agent-name').textContent = `Conecta — ${name}`),
    );
  },
});
