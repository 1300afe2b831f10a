import type { CSSResult, ReactiveControllerHost } from 'lit';
import type { VisitorClientApi, WebchatStart } from '../../client/api.js';
import type { TypingIndicator } from '../../client/state.js';
import type { Localizer, TableSources } from '../../i18n/localizer.js';
import type { WebchatTranslation } from '../../i18n/webchat/pt-BR.js';
import type { ClientMessage, Contact, QueuePosition, Session, WebchatChannel } from '../../protocol/index.js';

/** The widget's stages, in the order a new visitor meets them. */
export type WebchatStage = 'loading' | 'prechat' | 'menu' | 'offline' | 'conversation';

/** What the webchat's store selection holds: the visitor's current conversation. */
export interface WebchatView {
  session: Session | undefined;
  contact: Contact | undefined;
  messages: readonly ClientMessage[];
  /** Agents typing now. */
  typing: readonly TypingIndicator[];
  queue: QueuePosition | undefined;
}

/** What the webchat's private parts (forms, conversation, composer, ending) need of their host, `WebchatStages`. */
export interface WebchatHost extends Pick<ReactiveControllerHost, 'requestUpdate'> {
  /** Every part registers, hooks or not (docs/contributing.md): its hooks then run with the element's. */
  addController(part: object): void;
  readonly client: VisitorClientApi | undefined;
  readonly localize: Localizer<WebchatTranslation>;
  /** Texts of a lazy chunk (the rating stage's), from tables of their own, in the same language as `localize`. */
  localizer<T>(tables: TableSources<T>): Localizer<T>;
  readonly view: WebchatView;
  /** The channel's public configuration, once fetched. */
  readonly config: WebchatChannel | null;
  readonly stage: WebchatStage;
  /** Whether the conversation started from the offline form (no queue position then). */
  readonly startedOffline: boolean;
  goTo(stage: WebchatStage): void;
  /** Start a conversation and show it; rejects as the client does (field errors included). */
  start(input: WebchatStart, offline?: boolean): Promise<void>;
  /** Back to the first stage of a new conversation (pre-chat, menu, offline form). */
  beginNew(): void;
  /** Move focus to the first control of what the panel shows now. */
  focusInside(): void;
  query<T extends Element>(selector: string): T | null;
  /** Add styles that came with a chunk (the rating stage's) to the element's, once. */
  adoptStyles(styles: CSSResult): void;
  /** Render again, then move focus to what `selector` finds (if given). */
  rerender(selector?: string): Promise<void>;
  errorMessage(error: unknown): string;
}
