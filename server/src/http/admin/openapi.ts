import { toJsonSchema } from '@valibot/to-json-schema';
import type { OpenAPIV3 } from 'openapi-types';
import type * as v from 'valibot';

/**
 * A valibot schema as an OpenAPI 3.0 schema object. What JSON Schema cannot say (trimming, checks
 * across fields) is left out: the valibot schema stays the judge of every request.
 */
export function openApiSchema(schema: v.GenericSchema): Record<string, unknown> {
  const { $schema: _dialect, ...json } = toJsonSchema(schema, { target: 'openapi-3.0', errorMode: 'ignore' }) as Record<string, unknown>;
  return json;
}

/** The document's frame: what every operation shares (the bearer token, the error shape). */
export const OPENAPI_DOCUMENT: Partial<OpenAPIV3.Document> = {
  openapi: '3.0.3',
  info: {
    title: 'Conecta administration API',
    version: '1.0.0',
    description:
      'The company\u2019s configuration: agents, teams, channels, templates, canned responses, tags, pause types and contact settings. ' +
      'Every change is audited. Send an agent token as `Authorization: Bearer <token>`; see docs/administration.md for the roles.',
  },
  components: {
    securitySchemes: { agentToken: { type: 'http', scheme: 'bearer' } },
  },
  security: [{ agentToken: [] }],
};
