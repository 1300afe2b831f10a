// The mock CRM: the same demo login, then the agent elements scattered in its own layout.
import { startAgentPage } from '../agent-login.js';

startAgentPage({
  onDesk() {
    const session = document.getElementById('session');
    const contact = document.getElementById('contact');
    const open = ({ detail }) => {
      session.sessionId = detail.session.id;
      contact.contactId = detail.contact.id;
    };
    document.addEventListener('conecta-session-accepted', open);
    document.addEventListener('conecta-session-selected', open);
    // A conversation started from the directory opens here when it is the agent's (not sent to the flow).
    document.addEventListener('conecta-conversation-started', (event) => {
      if (event.detail.session.status === 'active') open(event);
    });
  },
});
