import type { layoutPtBR } from './pt-BR.js';

export const layoutEn: typeof layoutPtBR = {
  sessionLayout: {
    more: 'More actions',
    showPanel: 'Open contact panel',
    closePanel: 'Close contact panel',
  },
  deskTabs: {
    label: 'Desk sections',
    waiting: 'Waiting',
    sessions: 'Sessions',
    contacts: 'Customer',
    agents: 'Agents',
    back: 'Back',
    emptyTitle: 'No session open',
    noContact: 'Open a session to see its contact.',
  },
  agentBarLayout: {
    more: 'More agent options',
  },
};
