import type { Repository } from '../db/repository.js';
import { AdminService } from './admin/admin-service.js';
import { adminEffects, type EndTokenSockets } from './admin/effects.js';
import { AuthService } from './auth.js';
import { CatalogService } from './catalog.js';
import { ChannelService } from './channels.js';
import { ContactService } from './contacts.js';
import type { Clock, DomainEvents } from './events.js';
import { FileService, type FileUrlSigner } from './files.js';
import { MessageService } from './messages.js';
import { NoteService } from './notes.js';
import { QueueEstimator } from './queue.js';
import { SessionService } from './sessions.js';
import { TeamService } from './teams.js';
import { WebchatService } from './webchat.js';

export interface Services {
  auth: AuthService;
  teams: TeamService;
  contacts: ContactService;
  sessions: SessionService;
  messages: MessageService;
  webchat: WebchatService;
  notes: NoteService;
  catalog: CatalogService;
  files: FileService;
  channels: ChannelService;
  admin: AdminService;
}

export function createServices(
  repo: Repository,
  now: Clock,
  events: DomainEvents,
  files: { signer: FileUrlSigner; dataDir: string },
  /** How a revoked login's sockets are ended; none in tests that build services without sockets. */
  endTokenSockets: EndTokenSockets = () => {},
): Services {
  const sessions = new SessionService(repo, now, events);
  return {
    auth: new AuthService(repo, now),
    teams: new TeamService(repo),
    contacts: new ContactService(repo, now, events),
    sessions,
    messages: new MessageService(repo, now, events),
    webchat: new WebchatService(repo, now, events, sessions, new QueueEstimator(repo)),
    notes: new NoteService(repo, now, events),
    catalog: new CatalogService(repo),
    files: new FileService(repo, now, files.signer, files.dataDir),
    channels: new ChannelService(repo, now, events, sessions),
    admin: new AdminService(repo, now, adminEffects(repo, sessions, endTokenSockets)),
  };
}
