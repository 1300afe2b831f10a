// A Vue 3 agent panel: the queue, and the session the agent accepts or opens beside it.
// Shown in docs/frameworks.md, and tested as it is here (test/frameworks/vue.test.ts).
// The template is compiled at run time, which needs Vue's full build (alias `vue` to
// `vue/dist/vue.esm-bundler.js`); in a single-file component, the same template goes in <template>.
import { defineComponent, ref, type PropType } from 'vue';
import 'conecta-elements/provider';
import 'conecta-elements/queue';
import 'conecta-elements/session';
import type { ConectaClientApi, SessionAcceptedEvent, SessionSelectedEvent } from 'conecta-elements';

export const AgentPanel = defineComponent({
  name: 'AgentPanel',
  props: {
    /** Base URL of the Conecta server, with the agent's `token`. */
    server: { type: String, default: '' },
    token: { type: String, default: '' },
    /** Or a client made elsewhere (e.g. `ConectaClient.shared(…)`): it wins over server + token. */
    client: { type: Object as PropType<ConectaClientApi>, default: undefined },
  },
  emits: { opened: (sessionId: string) => typeof sessionId === 'string' },
  setup(_props, { emit }) {
    const sessionId = ref('');
    const open = (event: SessionAcceptedEvent | SessionSelectedEvent) => {
      sessionId.value = event.detail.session.id;
      emit('opened', sessionId.value);
    };
    return { sessionId, open };
  },
  // Vue sets a property when the element has one (`client`, `sessionId`), else an attribute;
  // `@conecta-…` listens to the element's events, which bubble out of its shadow root.
  template: `
    <conecta-provider :server="server" :token="token" :client="client">
      <conecta-queue @conecta-session-accepted="open" @conecta-session-selected="open"></conecta-queue>
      <conecta-session v-if="sessionId" :session-id="sessionId"></conecta-session>
    </conecta-provider>
  `,
});

/** Vue must leave the `conecta-*` tags to the browser: `app.config.compilerOptions.isCustomElement = isConectaElement`. */
export const isConectaElement = (tag: string) => tag.startsWith('conecta-');
