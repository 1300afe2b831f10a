import type { AdminStores, WebchatRepository } from '../../repository.js';
import type { SqlRunner } from '../statements.js';
import { sqliteCustomerAccountRecords } from './account-records.js';
import { sqliteAgentRecords } from './agent-records.js';
import { sqliteCannedResponseRecords, sqliteTagRecords, sqliteTemplateRecords } from './catalog-records.js';
import { sqliteWebchatChannelRecords, sqliteWhatsappChannelRecords } from './channel-records.js';
import { sqliteCompanySettingsRecords, sqlitePauseTypeRecords } from './settings-records.js';
import { sqliteTeamRecords } from './team-records.js';

/** The administered resources' rows on one connection. */
export function sqliteAdminStores(sql: SqlRunner, webchat: WebchatRepository): AdminStores {
  return {
    agents: sqliteAgentRecords(sql),
    teams: sqliteTeamRecords(sql),
    webchatChannels: sqliteWebchatChannelRecords(sql, webchat),
    whatsappChannels: sqliteWhatsappChannelRecords(sql),
    templates: sqliteTemplateRecords(sql),
    cannedResponses: sqliteCannedResponseRecords(sql),
    tags: sqliteTagRecords(sql),
    pauseTypes: sqlitePauseTypeRecords(sql),
    contactSettings: sqliteCompanySettingsRecords(sql, 'contact'),
    accounts: sqliteCustomerAccountRecords(sql),
    availabilitySettings: sqliteCompanySettingsRecords(sql, 'availability'),
  };
}
