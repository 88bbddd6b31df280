import { defineRoute } from '@/lib/api/route';
import { searchQuery, searchResponse } from './schemas';
import { searchPublic } from './service';

export const searchRoute = defineRoute({
  id: 'search',
  method: 'GET',
  path: '/api/v1/search',
  summary:
    'Full-text search over public policies or mentors (Chinese-aware: 繁/简, pinyin, initials); one filter language (field = v, !=, >, >=, <, <=, IN [..], a TO b, EXISTS, AND/OR/NOT), facets, sort, pagination, highlights. Public, rate-limited. q ≤ 200 chars, hitsPerPage ≤ 100',
  tags: ['search'],
  access: 'public',
  query: searchQuery,
  response: searchResponse,
  handler: ({ query, ip }) => searchPublic(query, { ip }),
});
