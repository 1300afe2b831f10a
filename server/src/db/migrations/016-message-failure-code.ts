/**
 * Why a stored message did not go out, by code: `CHANNEL_REFUSED` (the channel said no; rows from
 * before this migration) or `CHANNEL_UNCONFIRMED` (the server stopped while handing it over).
 */
export const messageFailureCodeSchema = `
ALTER TABLE messages ADD COLUMN failure_code TEXT;
`;
