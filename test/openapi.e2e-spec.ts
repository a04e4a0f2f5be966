import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildOpenApiDocument } from '../src/common/openapi/openapi';
import { ApiTag } from '../src/common/openapi/api-tags';
import { startTestApp, type TestApp } from './support/test-app';

type Operation = {
  operationId?: string;
  tags?: string[];
  summary?: string;
  responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>;
};

describe('OpenAPI document', () => {
  let t: TestApp;
  let operations: [string, Operation][];

  beforeAll(async () => {
    t = await startTestApp();
    const document = buildOpenApiDocument(t.app);
    operations = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item as Record<string, Operation>).map(
        ([method, op]) => [`${method.toUpperCase()} ${path}`, op] as [string, Operation],
      ),
    );
  });
  afterAll(() => t.close());

  it('should match the committed openapi.json (run npm run openapi after changing the API)', () => {
    const committed: unknown = JSON.parse(
      readFileSync(join(__dirname, '..', 'openapi.json'), 'utf8'),
    );
    expect(JSON.parse(JSON.stringify(buildOpenApiDocument(t.app)))).toEqual(committed);
  });

  it('should give every operation a unique operationId, one known tag and a summary', () => {
    const ids = operations.map(([, op]) => op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const [name, op] of operations) {
      expect({
        name,
        tags: op.tags?.length,
        known: Object.values(ApiTag).includes(op.tags?.[0] as ApiTag),
        summary: Boolean(op.summary),
      }).toEqual({
        name,
        tags: 1,
        known: true,
        summary: true,
      });
    }
  });

  it('should point every error response at the one ProblemDetails schema', () => {
    let errors = 0;
    for (const [name, op] of operations) {
      for (const [status, response] of Object.entries(op.responses)) {
        if (Number(status) < 400) continue;
        errors += 1;
        expect({
          name,
          status,
          schema: response.content?.['application/problem+json']?.schema?.$ref,
        }).toEqual({
          name,
          status,
          schema: '#/components/schemas/ProblemDetailsDto',
        });
      }
    }
    expect(errors).toBeGreaterThan(10);
  });

  it('should document 401 and 403 on every route that needs a token, and 400 where input is read', () => {
    for (const [name, op] of operations) {
      const statuses = Object.keys(op.responses);
      if (name.includes('/users'))
        expect({ name, statuses }).toEqual({
          name,
          statuses: expect.arrayContaining(['400', '401', '403']),
        });
    }
  });
});
