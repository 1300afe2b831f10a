import type { ComposedStoryFn, Store_CSFExports } from 'storybook/internal/types';
import { composeStories } from 'storybook/preview-api';
import * as agentBar from '../../stories/agent-bar.stories.js';
import * as agentDesk from '../../stories/agent-desk.stories.js';
import * as agents from '../../stories/agents.stories.js';
import * as contactForm from '../../stories/contact-form.stories.js';
import * as contactHistory from '../../stories/contact-history.stories.js';
import * as contacts from '../../stories/contacts.stories.js';
import * as internalChat from '../../stories/internal-chat.stories.js';
import * as login from '../../stories/login.stories.js';
import * as provider from '../../stories/provider.stories.js';
import * as queue from '../../stories/queue.stories.js';
import * as session from '../../stories/session.stories.js';
import * as startConversation from '../../stories/start-conversation.stories.js';
import * as theming from '../../stories/theming.stories.js';
import * as webchat from '../../stories/webchat.stories.js';
import { project } from './run-story.js';

/** Every story file of stories/, by file name. (A new file goes here too.) */
const modules = {
  'agent-bar': agentBar,
  'agent-desk': agentDesk,
  agents,
  'contact-form': contactForm,
  'contact-history': contactHistory,
  contacts,
  'internal-chat': internalChat,
  login,
  provider,
  queue,
  session,
  'start-conversation': startConversation,
  theming,
  webchat,
};

/** A story module's stories, each composed with the project's annotations. */
const composed = (module: object) => Object.entries(composeStories(module as Store_CSFExports, project)) as [string, ComposedStoryFn][];

/** The same module with no play functions: only what a story renders. */
const withoutPlay = (module: object) =>
  Object.fromEntries(Object.entries(module).map(([name, story]) => [name, name === 'default' ? story : { ...story, play: undefined }]));

export const storyFiles = Object.entries(modules).map(([file, module]) => ({
  file: `stories/${file}.stories.ts`,
  /** The element the stories show (none for the theming page). */
  tag: 'component' in module.default ? module.default.component : undefined,
  stories: composed(module),
  renders: composed(withoutPlay(module)),
}));
