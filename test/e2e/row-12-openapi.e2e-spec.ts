import { writeFileSync } from 'fs';
import * as path from 'path';
import { startTestApp, TestApp } from '../support/app';

/**
 * Row 12 (OpenAPI): the document listed no error response and no field limit, so a client could not tell a refusal
 * from a bug (119 undocumented status codes under fuzzing). Every route now documents its errors with the
 * contract's `{ code, message, details? }` and its stable codes, and every body field its limits.
 */
describe('row 12: the OpenAPI document lists the error responses of every route and the field limits', () => {
  let t: TestApp;
  let doc: any;

  beforeAll(async () => {
    t = await startTestApp({ worker: false });
    doc = (await t.http().get('/api/docs-json')).body;
    if (process.env.CCHC_DUMP_OPENAPI) writeFileSync(path.resolve(process.env.CCHC_DUMP_OPENAPI), JSON.stringify(doc, null, 2));
  });
  afterAll(() => t?.stop());

  const operations = () =>
    Object.entries(doc.paths).flatMap(([p, item]: [string, any]) => Object.entries(item).map(([method, op]: [string, any]) => ({ id: `${method.toUpperCase()} ${p}`, op })));

  it('documents 400, 401 (but for health) and 503 on every route, each with the error schema', () => {
    const missing: string[] = [];
    for (const { id, op } of operations()) {
      const expected = id === 'GET /api/health' ? ['503'] : ['400', '401', '503'];
      for (const status of expected) {
        const schema = op.responses?.[status]?.content?.['application/json']?.schema;
        if (!schema) missing.push(`${id} ${status}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('documents the stable codes per status with { code, message, details? }', () => {
    const decision = doc.paths['/api/tasks/{taskId}/decision'].post.responses;
    expect(decision['403'].content['application/json'].schema).toEqual({
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string', enum: ['FORBIDDEN', 'NOT_YOUR_STEP', 'SELF_APPROVAL'] },
        message: { type: 'string', description: expect.any(String) },
        details: { description: expect.any(String) },
      },
    });
    expect(decision['409'].content['application/json'].schema.properties.code.enum).toEqual(['STEP_CLOSED', 'CONFLICT']);
    expect(decision['503'].content['application/json'].schema.properties.code.enum).toEqual(['SERVICE_UNAVAILABLE', 'READ_MODEL_DELAYED']);
    const login = doc.paths['/api/auth/login'].post.responses;
    expect(Object.keys(login).sort()).toEqual(['200', '400', '401', '413', '429', '503']);
    expect(login['429'].content['application/json'].schema.properties.code.enum).toEqual(['RATE_LIMITED']);
    const importPlan = doc.paths['/api/plans/import'].post.responses;
    expect(Object.keys(importPlan)).toEqual(expect.arrayContaining(['201', '409', '413', '422']));
  });

  it('documents the limits of every body field: lengths, item counts, and no control characters', () => {
    const s = doc.components.schemas;
    expect(s.DraftDto.properties.content).toMatchObject({ type: 'string', minLength: 1, maxLength: 200000, pattern: expect.stringContaining('\\u0000') });
    expect(s.DecisionDto.properties.comment).toMatchObject({ type: 'string', maxLength: 4000 });
    expect(s.BulkApproveDto.properties.items).toMatchObject({ type: 'array', minItems: 1, maxItems: 100 });
    expect(s.BulkApproveItem.properties.stepId).toMatchObject({ type: 'string', maxLength: 100 });
    expect(s.ContributionRequestDto.properties.requests).toMatchObject({ minItems: 1, maxItems: 10 });
    expect(s.LoginDto.properties.username).toMatchObject({ minLength: 1, maxLength: 100 });

    // Every string a client types has a maximum length and the control-character pattern; enumerations are bounded.
    const unbounded: string[] = [];
    for (const [name, schema] of Object.entries(s) as [string, any][]) {
      for (const [prop, p] of Object.entries(schema.properties ?? {}) as [string, any][]) {
        const str = p.type === 'string' ? p : p.type === 'array' && p.items?.type === 'string' ? p.items : null;
        if (!str || str.enum) continue;
        if (str.maxLength === undefined || !str.pattern) unbounded.push(`${name}.${prop}`);
      }
    }
    expect(unbounded).toEqual([]);
  });
});
