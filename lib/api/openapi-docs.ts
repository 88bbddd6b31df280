/**
 * What /api-docs shows of each operation in the OpenAPI document: method, path, summary, access, parameters and the
 * request body of whichever content type the route takes (JSON, or multipart/form-data for uploads).
 */
export interface DocOperation {
  operationId: string;
  summary: string;
  tags: string[];
  'x-access': string;
  parameters?: { name: string; in: string; required: boolean }[];
  requestBody?: { content: Record<string, { schema: unknown }> };
  responses: Record<string, unknown>;
}

export interface DocEntry {
  path: string;
  method: string;
  op: DocOperation;
  body: { contentType: string; schema: unknown } | null;
}

export function docEntries(doc: { paths: Record<string, Record<string, unknown>> }): DocEntry[] {
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, raw]) => {
      const op = raw as DocOperation;
      const [contentType, media] = Object.entries(op.requestBody?.content ?? {})[0] ?? [];
      return { path, method, op, body: contentType && media ? { contentType, schema: media.schema } : null };
    }),
  );
}
