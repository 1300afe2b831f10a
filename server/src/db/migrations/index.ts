import { initialSchema } from './001-initial.js';
import { sessionWorkflowSchema } from './002-session-workflow.js';
import { productionWebchatSchema } from './003-production-webchat.js';
import { loginThrottleSchema } from './004-login-throttle.js';
import { channelTextsSchema } from './005-channel-texts.js';
import { accountsSchema } from './006-accounts.js';
import { authTokensSchema } from './007-auth-tokens.js';
import { passwordTokensSchema } from './008-password-tokens.js';
import { adminSchema } from './009-admin.js';
import { allowedOriginsSchema } from './010-allowed-origins.js';
import { availabilitySchema } from './011-availability.js';
import { internalChatSchema } from './012-internal-chat.js';
import { whatsappCloudSchema } from './013-whatsapp-cloud.js';
import { contactRecordSchema } from './014-contact-record.js';
import { contactSearchSchema } from './015-contact-search.js';
import { messageFailureCodeSchema } from './016-message-failure-code.js';
import { customerAccountsSchema } from './017-customer-accounts.js';

/**
 * Every schema change, in order. Migration N (1-based) is applied once and recorded in
 * `schema_migrations`; never edit a released entry, append a new one.
 */
export const migrations: readonly string[] = [
  initialSchema,
  sessionWorkflowSchema,
  productionWebchatSchema,
  loginThrottleSchema,
  channelTextsSchema,
  accountsSchema,
  authTokensSchema,
  passwordTokensSchema,
  adminSchema,
  allowedOriginsSchema,
  availabilitySchema,
  internalChatSchema,
  whatsappCloudSchema,
  contactRecordSchema,
  contactSearchSchema,
  messageFailureCodeSchema,
  customerAccountsSchema,
];
