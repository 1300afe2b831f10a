/**
 * Issue 9, nothing of the demo in production: a webchat channel's empty allowed-origins list now
 * refuses every site, and `["*"]` allows any. Channels written before, whose empty list meant "any",
 * keep allowing any (the demo's among them). The column's default stays `'[]'`: refuse, until the
 * channel's administrator names its sites.
 */
export const allowedOriginsSchema = `
UPDATE webchat_channels SET allowed_origins = '["*"]' WHERE allowed_origins = '[]';
`;
