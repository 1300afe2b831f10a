import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Ajv } from 'ajv';
import { ADMIN_RESOURCES } from '../../server/src/domain/admin/resources/index.js';
import { VALID_BODIES } from './admin-support.js';
import { startTestServer, type TestServer } from './harness.js';

type Operation = { requestBody?: { content: { 'application/json': { schema: object } } }; responses?: Record<string, unknown> };

describe('admin API: the OpenAPI document', () => {
  let t: TestServer;
  let doc: { openapi: string; paths: Record<string, Record<string, Operation>> };
  before(async () => {
    t = await startTestServer();
    const response = await fetch(`${t.url}/api/admin/v1/openapi.json`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /application\/json/);
    doc = JSON.parse(await response.text());
  });
  after(() => t.close());

  it('lists every route of the API, each with its answers', () => {
    assert.equal(doc.openapi, '3.0.3');
    const expected = new Set<string>(['get /api/admin/v1/audit', 'post /api/admin/v1/agents/{id}/invite']);
    expected.add('post /api/admin/v1/webchat-channels/{id}/rotate-identity-secret');
    expected.add('post /api/admin/v1/whatsapp-channels/{id}/sync-templates');
    for (const route of ['get /api/admin/v1/api-keys', 'post /api/admin/v1/api-keys', 'delete /api/admin/v1/api-keys/{id}'])
      expected.add(route);
    for (const [name, resource] of Object.entries(ADMIN_RESOURCES)) {
      expected.add(`get /api/admin/v1/${name}`);
      for (const method of ['get', 'put', 'patch', ...(resource.removable === false ? [] : ['delete'])]) {
        expected.add(`${method} /api/admin/v1/${name}/{id}`);
      }
    }
    const listed = new Set(Object.entries(doc.paths).flatMap(([path, operations]) => Object.keys(operations).map((m) => `${m} ${path}`)));
    assert.deepEqual([...listed].sort(), [...expected].sort());
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        assert.ok(Object.keys(operation.responses ?? {}).length > 0, `${method} ${path} has no responses`);
      }
    }
  });

  it('publishes request bodies that JSON Schema validators accept, and that the examples pass', () => {
    const ajv = new Ajv({ strict: false, allErrors: true });
    for (const [name, { body }] of Object.entries(VALID_BODIES)) {
      const schema = doc.paths[`/api/admin/v1/${name}/{id}`]?.put?.requestBody?.content['application/json'].schema;
      assert.ok(schema, `no body schema for ${name}`);
      const validate = ajv.compile(schema);
      assert.ok(validate(structuredClone(body)), `${name}: ${JSON.stringify(validate.errors)}`);
      assert.equal(validate({ ...body, unknownField: 1 }), false, `${name} accepts unknown fields`);
    }
  });
});
