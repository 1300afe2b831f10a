import type { layoutPtBR } from './pt-BR.js';

export const layoutEs: typeof layoutPtBR = {
  sessionLayout: {
    more: 'Más acciones',
    showPanel: 'Abrir panel del contacto',
    closePanel: 'Cerrar panel del contacto',
  },
  deskTabs: {
    label: 'Secciones del escritorio',
    waiting: 'Espera',
    sessions: 'Atenciones',
    contacts: 'Cliente',
    agents: 'Agentes',
    back: 'Volver',
    emptyTitle: 'Ninguna atención abierta',
    noContact: 'Abra una atención para ver el contacto.',
  },
  agentBarLayout: {
    more: 'Más opciones del agente',
  },
};
