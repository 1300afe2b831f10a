import type * as v from 'valibot';
import type { AvailabilitySettings, ContactSettingsRecord, PauseTypeRecord, RecordStore, Repository } from '../../../db/repository.js';
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

/**
 * A company-wide settings document: one record with a fixed id, replaced whole, never removed
 * (company_settings, one JSON document per key).
 */
function settingsResource<R extends { id: string }>(definition: {
  name: string;
  id: string;
  input: v.GenericSchema<unknown, Omit<R, 'id'>>;
  viewSchema: v.GenericSchema;
  store: (tx: Repository) => RecordStore<R>;
}) {
  return defineResource<R, Omit<R, 'id'>, R>({
    name: definition.name,
    input: definition.input,
    viewSchema: definition.viewSchema,
    store: definition.store,
    toRecord: (id, input) => ({ id, ...input }) as R,
    toInput: ({ id: _id, ...input }) => input,
    view: (record) => record,
    readRole: 'admin',
    writeRole: 'admin',
    removable: false,
    async check(_context, _before, after) {
      if (after && after.id !== definition.id) throw notFound(`${definition.name} other than "${definition.id}"`);
    },
  });
}

/** The one record of company-wide contact rules. */
export const CONTACT_SETTINGS_ID = 'contact';

/** Which contact fields agents must fill in. One record, id `contact`; replaced, never removed. */
export const contactSettingsResource = settingsResource<ContactSettingsRecord>({
  name: 'contact-settings',
  id: CONTACT_SETTINGS_ID,
  input: ContactSettingsInput,
  viewSchema: ContactSettingsViewSchema,
  store: (tx) => tx.admin.contactSettings,
});

/** The one record of the company's availability rules. */
export const AVAILABILITY_SETTINGS_ID = 'availability';

/**
 * How availability works: the away grace period, what pause and logout do to active sessions, what a
 * transfer to an agent not online does, the time zone of "today". One record, id `availability`.
 */
export const availabilitySettingsResource = settingsResource<AvailabilitySettings & { id: string }>({
  name: 'availability-settings',
  id: AVAILABILITY_SETTINGS_ID,
  input: AvailabilitySettingsInput,
  viewSchema: AvailabilitySettingsViewSchema,
  store: (tx) => tx.admin.availabilitySettings,
});
