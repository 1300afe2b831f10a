import type { AgentRole } from '../../../../src/protocol/index.js';
import type { AuditActor } from '../../db/repository.js';

/** Who makes an administrative change: how the audit log names them, and what their role lets them do. */
export interface AdminActor {
  audit: AuditActor;
  role: AgentRole;
  /** The teams a supervisor manages (their own). */
  teamIds: readonly string[];
}

/** Changes made on the server's own command line (`conecta-server apply`, `owner create`): whoever runs it owns the server. */
export const CLI_ACTOR: AdminActor = Object.freeze({ audit: Object.freeze({ kind: 'cli', id: null }), role: 'owner', teamIds: [] });
