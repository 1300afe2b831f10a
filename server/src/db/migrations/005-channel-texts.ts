/**
 * Issue 8, defect 7: a webchat channel's texts (greeting, menu prompt, option labels) per language.
 * Each becomes a map from language tag to text; what a channel had, written before languages
 * existed, is taken as pt-BR, the channel's default language until its admin says otherwise.
 */
export const channelTextsSchema = `
-- The language the channel's texts fall back to when they lack the visitor's.
ALTER TABLE webchat_channels ADD COLUMN default_language TEXT NOT NULL DEFAULT 'pt-BR';

UPDATE webchat_channels
  SET appearance = json_set(appearance, '$.greeting', json_object('pt-BR', json_extract(appearance, '$.greeting')))
  WHERE json_type(appearance, '$.greeting') = 'text';
UPDATE webchat_channels
  SET menu = json_set(menu, '$.prompt', json_object('pt-BR', json_extract(menu, '$.prompt')))
  WHERE json_type(menu, '$.prompt') = 'text';
UPDATE webchat_channels
  SET menu = json_set(menu, '$.options', (
    SELECT json_group_array(
      CASE WHEN json_type(option.value, '$.label') = 'text'
        THEN json_set(option.value, '$.label', json_object('pt-BR', json_extract(option.value, '$.label')))
        ELSE json(option.value) END)
    FROM json_each(menu, '$.options') AS option))
  WHERE json_array_length(menu, '$.options') > 0;
`;
