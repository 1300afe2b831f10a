// The Vue 3 example of docs/frameworks.md mounted on a mock client (see vue.test.ts).
import { createApp, h } from 'vue';
import { AgentPanel, isConectaElement } from '../../docs/examples/vue-agent-panel.js';
import { createMockClient, queueFixture } from '../fixtures/index.js';

const client = createMockClient(queueFixture());
const opened: string[] = [];

const scenario = {
  mount() {
    const app = createApp({ render: () => h(AgentPanel, { client, onOpened: (id: string) => opened.push(id) }) });
    app.config.compilerOptions.isCustomElement = isConectaElement;
    app.mount('#app');
  },
  opened: () => opened,
  accepts: () => client.received('session.accept'),
};
Object.assign(window, { scenario });
