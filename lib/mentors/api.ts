import 'server-only';
import { z } from 'zod';
import { defineRoute } from '@/lib/api/route';
import {
  mentorDto,
  mentorIdParam,
  mentorInput,
  mentorListDto,
  mentorListQuery,
  mentorPatch,
  mentorshipActionBody,
  mentorshipActionParams,
  mentorshipDto,
  mentorshipRequestInput,
  myMentorInput,
  myMentorshipsDto,
} from './schemas';
import { actOnMentorship, createMentor, getMentor, getMyMentor, listMentorMentorships, listMentors, listMyMentorships, requestMentorship, saveMyMentor, updateMentor } from './service';

export const listMentorsRoute = defineRoute({
  id: 'listMentors',
  method: 'GET',
  path: '/api/v1/mentors',
  summary: 'Public mentors (大师 / 导师), filtered by craft, district and whether they take apprentices, in pages',
  tags: ['mentors'],
  access: 'public',
  query: mentorListQuery,
  response: mentorListDto,
  handler: ({ query }) => listMentors(query),
});

export const getMentorRoute = defineRoute({
  id: 'getMentor',
  method: 'GET',
  path: '/api/v1/mentors/{id}',
  summary: 'One mentor: crafts, credentials with their verification state, studio, works, free places',
  tags: ['mentors'],
  access: 'public',
  params: mentorIdParam,
  response: mentorDto,
  handler: ({ actor, params }) => getMentor(actor, params.id),
});

export const createMentorRoute = defineRoute({
  id: 'createMentor',
  method: 'POST',
  path: '/api/v1/mentors',
  summary: 'Staff record a mentor without a portal account (unlinked; a talent keeps their own page at /api/v1/me/mentor)',
  tags: ['mentors'],
  access: 'mentors.manage',
  body: mentorInput,
  response: mentorDto,
  status: 201,
  handler: ({ actor, body, ip }) => createMentor(actor, body, ip),
});

export const updateMentorRoute = defineRoute({
  id: 'updateMentor',
  method: 'PATCH',
  path: '/api/v1/mentors/{id}',
  summary: 'Staff edit an unlinked mentor (a linked mentor is edited by the talent)',
  tags: ['mentors'],
  access: 'mentors.manage',
  params: mentorIdParam,
  body: mentorPatch,
  response: mentorDto,
  handler: ({ actor, params, body, ip }) => updateMentor(actor, params.id, body, ip),
});

export const listMentorMentorshipsRoute = defineRoute({
  id: 'listMentorMentorships',
  method: 'GET',
  path: '/api/v1/mentors/{id}/mentorships',
  summary: 'Staff: the requests to an unlinked mentor, which they answer on the master’s behalf',
  tags: ['mentors'],
  access: 'mentors.manage',
  params: mentorIdParam,
  response: z.object({ items: z.array(mentorshipDto) }),
  handler: async ({ actor, params, ip }) => ({ items: await listMentorMentorships(actor, params.id, ip) }),
});

export const getMyMentorRoute = defineRoute({
  id: 'getMyMentor',
  method: 'GET',
  path: '/api/v1/me/mentor',
  summary: 'My own mentor page (null without one)',
  tags: ['mentors'],
  access: 'mentors.claim',
  response: z.object({ mentor: mentorDto.nullable() }),
  handler: async ({ actor }) => ({ mentor: await getMyMentor(actor) }),
});

export const saveMyMentorRoute = defineRoute({
  id: 'saveMyMentor',
  method: 'PUT',
  path: '/api/v1/me/mentor',
  summary: 'Create (claim) or update my own mentor page, linked to my account',
  tags: ['mentors'],
  access: 'mentors.claim',
  body: myMentorInput,
  response: mentorDto,
  handler: ({ actor, body, ip }) => saveMyMentor(actor, body, ip),
});

export const requestMentorshipRoute = defineRoute({
  id: 'requestMentorship',
  method: 'POST',
  path: '/api/v1/mentorships',
  summary: 'Ask a mentor to take me as an apprentice (MENTOR_FULL, SELF_MENTORSHIP, MENTOR_NOT_ACCEPTING, OPEN_REQUEST_EXISTS)',
  tags: ['mentors'],
  access: 'mentorships.use',
  body: mentorshipRequestInput,
  response: mentorshipDto,
  status: 201,
  handler: ({ actor, body, ip }) => requestMentorship(actor, body, ip),
});

export const actOnMentorshipRoute = defineRoute({
  id: 'actOnMentorship',
  method: 'POST',
  path: '/api/v1/mentorships/{id}/{action}',
  summary: 'accept (with the agreement: startDate, months) | decline (with a message) by the mentor’s side; withdraw by the apprentice; end by either',
  tags: ['mentors'],
  access: 'authenticated',
  params: mentorshipActionParams,
  body: mentorshipActionBody,
  response: mentorshipDto,
  handler: ({ actor, params, body, ip }) => actOnMentorship(actor, params.id, params.action, body, ip),
});

export const listMyMentorshipsRoute = defineRoute({
  id: 'listMyMentorships',
  method: 'GET',
  path: '/api/v1/me/mentorships',
  summary: 'Requests I sent as an apprentice, and those to my mentor page',
  tags: ['mentors'],
  access: 'mentorships.use',
  response: myMentorshipsDto,
  handler: ({ actor }) => listMyMentorships(actor),
});
