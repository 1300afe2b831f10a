/** The agent chose a colleague in `<conecta-agents>` (click or Enter). Cancel it to keep the internal chat closed. */
export class AgentSelectedEvent extends CustomEvent<{ agentId: string }> {
  static readonly eventName = 'conecta-agent-selected';
  constructor(detail: { agentId: string }) {
    super(AgentSelectedEvent.eventName, { detail, bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'conecta-agent-selected': AgentSelectedEvent;
  }
}
