/** Everything: the client, the provider and every element. */
export * from './client/index.js';
export * from './context/index.js';
export * from './queue.js';
export * from './session.js';
export * from './contact-form.js';
export * from './agents.js';
export * from './contacts.js';
export * from './internal-chat.js';
export * from './agent-desk.js';
export * from './webchat.js';
export * from './login.js';
export * from './agent-bar.js';
