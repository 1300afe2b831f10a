// Made from the elements manifest by build/react-wrappers.mjs (`npm run manifest`): do not edit.
/** `conecta-elements/react`: every element as a React component (@lit/react). */
export { ConectaAgentBar } from './agent-bar.js';
export { ConectaAgentDesk } from './agent-desk.js';
export { ConectaAgents } from './agents.js';
export { ConectaContactForm } from './contact-form.js';
export { ConectaContactHistory } from './contact-history.js';
export { ConectaContacts } from './contacts.js';
export { ConectaInternalChat } from './internal-chat.js';
export { ConectaLogin } from './login.js';
export { ConectaProvider } from './provider.js';
export { ConectaQueue } from './queue.js';
export { ConectaSession } from './session.js';
export { ConectaStartConversation } from './start-conversation.js';
export { ConectaWebchat } from './webchat.js';
