import type { AvailabilitySettings, ContactSettingsRecord, PauseTypeRecord } from '../../../db/repository.js';
import {
  AvailabilitySettingsInput,
  AvailabilitySettingsView as AvailabilitySettingsViewSchema,
  ContactSettingsInput,
  ContactSettingsView as ContactSettingsViewSchema,
  PauseTypeInput,
  PauseTypeView as PauseTypeViewSchema,
} from '../../../admin/schemas.js';
import { notFound } from '../../errors.js';
import { defineResource } from '../resource.js';

/** The kinds of pause agents pick, each with its time limit. */
export const pauseTypeResource = defineResource<PauseTypeRecord, PauseTypeInput, PauseTypeRecord>({
  name: 'pause-type',
  input: PauseTypeInput,
  viewSchema: PauseTypeViewSchema,
  store: (tx) => tx.admin.pauseTypes,
  toRecord: (id, input) => ({ id, ...input }),
  toInput: ({ id: _id, ...input }) => input,
  view: (record) => record,
  readRole: 'admin',
  writeRole: 'admin',
});

/** The one record of company-wide contact rules. */
export const CONTACT_SETTINGS_ID = 'contact';

/** Which contact fields agents must fill in. One record, id `contact`; replaced, never removed. */
export const contactSettingsResource = defineResource<ContactSettingsRecord, ContactSettingsInput, ContactSettingsRecord>({
  name: 'contact-settings',
  input: ContactSettingsInput,
  viewSchema: ContactSettingsViewSchema,
  store: (tx) => tx.admin.contactSettings,
  toRecord: (id, input) => ({ id, ...input }),
  toInput: ({ id: _id, ...input }) => input,
  view: (record) => record,
  readRole: 'admin',
  writeRole: 'admin',
  removable: false,
  async check(_context, _before, after) {
    if (after && after.id !== CONTACT_SETTINGS_ID) throw notFound(`contact settings other than "${CONTACT_SETTINGS_ID}"`);
  },
});

/** The one record of the company's availability rules. */
export const AVAILABILITY_SETTINGS_ID = 'availability';

type AvailabilitySettingsRecord = AvailabilitySettings & { id: string };

/**
 * How availability works: the away grace period, what pause and logout do to active sessions, what a
 * transfer to an agent not online does, the time zone of "today". One record, id `availability`.
 */
export const availabilitySettingsResource = defineResource<
  AvailabilitySettingsRecord,
  AvailabilitySettingsInput,
  AvailabilitySettingsRecord
>({
  name: 'availability-settings',
  input: AvailabilitySettingsInput,
  viewSchema: AvailabilitySettingsViewSchema,
  store: (tx) => tx.admin.availabilitySettings,
  toRecord: (id, input) => ({ id, ...input }),
  toInput: ({ id: _id, ...input }) => input,
  view: (record) => record,
  readRole: 'admin',
  writeRole: 'admin',
  removable: false,
  async check(_context, _before, after) {
    if (after && after.id !== AVAILABILITY_SETTINGS_ID) throw notFound(`availability settings other than "${AVAILABILITY_SETTINGS_ID}"`);
  },
});
