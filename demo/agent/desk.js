// The demo agent desk: a login form, then <conecta-agent-desk> (bar, queue, session, contact, colleagues) on the
// agent's client. The desk's own bar has logout and the sound switch: the page's header only names the agent.
import { startAgentPage } from '../agent-login.js';

startAgentPage({
  onDesk(client) {
    // A CRM would hand this to its PBX; the demo just says what it would dial.
    document.addEventListener('conecta-call-request', ({ detail }) => {
      document.getElementById('desk-status').textContent =
        `Ligar para ${detail.phone}${detail.extension ? ` pelo ramal ${detail.extension}` : ''}`;
    });
    client.store.watch(
      (state) => state.me?.name,
      (name) => (document.getElementById('agent-name').textContent = `Conecta — ${name}`),
    );
  },
});
