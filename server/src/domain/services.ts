import type { Repository } from '../db/repository.js';
import { ApiKeyService } from './api-keys.js';
import { AuthService, type TokenSockets } from './auth.js';
import { AvailabilityService } from './availability.js';
import { AgentProfileService } from './agent-profile.js';
import { AdminService } from './admin/admin-service.js';
import { adminEffects } from './admin/effects.js';
import { CatalogService } from './catalog.js';
import { ChannelService } from './channels.js';
import { LOCAL_CEP_TABLE, localCepProvider, type CepProvider } from './cep.js';
import { ContactService } from './contacts.js';
import type { Clock, DomainEvents } from './events.js';
import { FileService, type FileUrlSigner } from './files.js';
import { InternalChatService } from './internal-chat.js';
import { MessageService } from './messages.js';
import type { Mailer } from '../mail/mailer.js';
import { NoteService } from './notes.js';
import { PasswordService, type PasswordServiceOptions } from './passwords.js';
import { QueueEstimator } from './queue.js';
import { SessionService } from './sessions.js';
import { SignOnService } from './sign-on.js';
import { TeamService } from './teams.js';
import { WebchatService } from './webchat.js';
import { ChannelAdapters } from '../channels/channel-adapter.js';
import { ChannelInbox } from '../channels/channel-inbox.js';
import { webchatAdapter } from '../channels/webchat-adapter.js';
import { GraphClient, type GraphApiOptions } from '../channels/whatsapp/graph-client.js';
import { WhatsappChannel } from '../channels/whatsapp/whatsapp-channel.js';
import { ConversationStarter } from '../channels/start-conversation.js';

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
  apiKeys: ApiKeyService;
  signOn: SignOnService;
  passwords: PasswordService;
  admin: AdminService;
  availability: AvailabilityService;
  profile: AgentProfileService;
  chat: InternalChatService;
  /** Where channels hand over contacts' messages and the statuses of agents' messages. */
  inbox: ChannelInbox;
  /** WhatsApp Business Cloud API channels: the webhook and the Graph API. */
  whatsapp: WhatsappChannel;
  /** Agents writing first to a contact (`session.start`). */
  conversations: ConversationStarter;
}

export interface ChannelOptions {
  graph?: GraphApiOptions;
  logError: (error: unknown, context: Record<string, unknown>) => void;
}

export function createServices(
  repo: Repository,
  now: Clock,
  events: DomainEvents,
  files: { signer: FileUrlSigner; dataDir: string },
  tokens: { sockets: TokenSockets; tokenTtlMs?: number; signOnTokenTtlMs?: number },
  mail: PasswordServiceOptions & { mailer: Mailer },
  channels: ChannelOptions = { logError: (error) => console.error('[conecta]', error) },
  cep: CepProvider = localCepProvider(LOCAL_CEP_TABLE),
): Services {
  const sessions = new SessionService(repo, now, events);
  const fileService = new FileService(repo, now, files.signer, files.dataDir);
  const inbox = new ChannelInbox(repo, now, events, sessions);
  const whatsapp = new WhatsappChannel(repo, now, inbox, fileService, new GraphClient(channels.graph), channels.logError);
  const adapters = new ChannelAdapters([webchatAdapter, whatsapp]);
  const messages = new MessageService(repo, now, events, adapters);
  const availability = new AvailabilityService(repo, now, events, sessions);
  const auth = new AuthService(repo, now, tokens.sockets, tokens.tokenTtlMs, (agentId) => availability.loggedOut(agentId));
  const apiKeys = new ApiKeyService(repo, now, tokens.sockets);
  return {
    auth,
    teams: new TeamService(repo),
    contacts: new ContactService(repo, now, events, cep),
    sessions,
    messages,
    webchat: new WebchatService(repo, now, events, sessions, new QueueEstimator(repo)),
    notes: new NoteService(repo, now, events),
    catalog: new CatalogService(repo, availability),
    files: fileService,
    channels: new ChannelService(repo, inbox),
    apiKeys,
    signOn: new SignOnService(repo, now, auth, apiKeys, tokens.signOnTokenTtlMs),
    passwords: new PasswordService(repo, now, mail.mailer, mail),
    admin: new AdminService(repo, now, adminEffects(repo, sessions, auth)),
    availability,
    profile: new AgentProfileService(repo, now, auth),
    chat: new InternalChatService(repo, now, events),
    inbox,
    whatsapp,
    conversations: new ConversationStarter(repo, now, events, sessions, messages, adapters),
  };
}
