/**
 * `conecta-agent.js`, for a plain `<script>` tag: defines the provider and every agent element, and
 * exposes the client as `window.Conecta.ConectaClient`.
 */
import '../context/index.js';
import '../queue.js';
import '../session.js';
import '../contact-form.js';
import '../login.js';
import '../agent-bar.js';
import '../agents.js';
import '../contacts.js';
import '../internal-chat.js';
import '../agent-desk.js';

export { ConectaClient } from '../client/client.js';
export { errorText, loginErrorText } from '../i18n/error-text.js';
