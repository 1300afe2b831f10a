/**
 * The texts of the agent elements' narrow layouts (the session's "more" menu and side-panel drawer,
 * the desk's phone tabs, the bar's overflow menu), spread into each agent table.
 */
export const layoutPtBR = {
  sessionLayout: {
    more: 'Mais ações',
    showPanel: 'Abrir painel do contato',
    closePanel: 'Fechar painel do contato',
  },
  deskTabs: {
    label: 'Seções da mesa',
    waiting: 'Espera',
    sessions: 'Atendimentos',
    contacts: 'Cliente',
    agents: 'Agentes',
    back: 'Voltar',
    emptyTitle: 'Nenhum atendimento aberto',
    noContact: 'Abra um atendimento para ver o contato.',
  },
  agentBarLayout: {
    more: 'Mais opções do agente',
  },
};
