import 'server-only';
import { z } from 'zod';
import { sessionCookieName } from '@/lib/auth/cookies';
import { PERMISSIONS } from '@/lib/auth/permissions';
import { PROBLEM_CODES } from '@/lib/http/errors';
import { APP_VERSION } from '@/lib/system/health';
import { apiRoutes } from './registry';
import type { ApiRouteDef } from './route';

type JsonSchema = Record<string, unknown>;

function schemaOf(s: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const json = z.toJSONSchema(s, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as JsonSchema;
  delete json.$schema;
  return json;
}

function parametersOf(def: ApiRouteDef): JsonSchema[] {
  const out: JsonSchema[] = [];
  for (const [where, schema] of [['path', def.params], ['query', def.query]] as const) {
    if (!schema) continue;
    const json = schemaOf(schema, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
    for (const [name, prop] of Object.entries(json.properties ?? {})) {
      out.push({ name, in: where, required: where === 'path' || (json.required ?? []).includes(name), schema: prop });
    }
  }
  return out;
}

const problemSchema: JsonSchema = {
  type: 'object',
  required: ['type', 'title', 'status', 'code', 'detail'],
  properties: {
    type: { type: 'string', format: 'uri-reference' },
    title: { type: 'string' },
    status: { type: 'integer' },
    code: { type: 'string', enum: Object.keys(PROBLEM_CODES) },
    detail: { type: 'string' },
    errors: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } },
  },
};

/** OpenAPI 3.1 generated from the route definitions and their zod schemas. */
export function buildOpenApi(): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const def of apiRoutes) {
    if (def.enabled && !def.enabled()) continue;
    const status = String(def.status ?? 200);
    const op: JsonSchema = {
      operationId: def.id,
      summary: def.summary,
      tags: def.tags,
      parameters: parametersOf(def),
      responses: {
        [status]:
          status === '204'
            ? { description: 'No content' }
            : def.produces
              ? { description: 'Success', content: { [def.produces]: { schema: { type: 'string' } } } }
              : { description: 'Success', content: { 'application/json': { schema: def.response ? schemaOf(def.response, 'output') : {} } } },
        default: { description: 'Problem (RFC 9457)', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } },
      },
      'x-access': def.access,
      ...(def.access === 'public' ? { security: [] } : {}),
    };
    if (def.multipart) {
      const fields = def.body ? (schemaOf(def.body, 'input') as { properties?: Record<string, unknown>; required?: string[] }) : { properties: {} };
      op.requestBody = {
        required: true,
        content: {
          'multipart/form-data': {
            schema: { type: 'object', required: [def.multipart.fileField, ...(fields.required ?? [])], properties: { [def.multipart.fileField]: { type: 'string', format: 'binary' }, ...fields.properties } },
          },
        },
      };
    } else if (def.body) op.requestBody = { required: !def.body.safeParse(undefined).success, content: { 'application/json': { schema: schemaOf(def.body, 'input') } } };
    (paths[def.path] ??= {})[def.method.toLowerCase()] = op;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: '景漂人才服务门户 API / Jingpiao Talent Portal API',
      version: APP_VERSION,
      description:
        'Versioned JSON API. Authenticate with POST /api/v1/auth/login and send `Authorization: Bearer <token>`. Errors are RFC 9457 problem+json with a stable `code`; messages follow Accept-Language (zh-CN default, en). Permissions: ' +
        Object.keys(PERMISSIONS).join(', '),
    },
    servers: [{ url: '/' }],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, cookie: { type: 'apiKey', in: 'cookie', name: sessionCookieName() } },
      schemas: { Problem: problemSchema },
    },
    security: [{ bearer: [] }, { cookie: [] }],
    paths,
  };
}
