import { describe, expect, it } from 'vitest';
import { buildOpenApi } from './openapi';
import { docEntries } from './openapi-docs';

describe('the /api-docs rendering of the OpenAPI document', () => {
  it('lists every operation with its request body, including multipart uploads (the page answered 500 on them)', () => {
    const doc = buildOpenApi() as { paths: Record<string, Record<string, unknown>> };
    const entries = docEntries(doc);
    const count = Object.values(doc.paths).reduce((n, ops) => n + Object.keys(ops).length, 0);
    expect(entries).toHaveLength(count);
    const upload = entries.find((e) => e.body?.contentType === 'multipart/form-data');
    expect(upload, 'a multipart route exists').toBeDefined();
    expect(upload!.body!.schema).toMatchObject({ type: 'object' });
    const json = entries.find((e) => e.body?.contentType === 'application/json');
    expect(json!.body!.schema).toBeTruthy();
  });
});
