'use server';

import { createAction } from '@/lib/actions/create-action';
import { mentorInput, mentorshipActionInput, mentorshipRequestInput, myMentorInput } from './schemas';
import { actOnMentorship, createMentor, requestMentorship, saveMyMentor } from './service';

export const requestMentorshipAction = createAction({
  name: 'mentors.requestMentorship',
  input: mentorshipRequestInput,
  access: 'mentorships.use',
  run: (input, { actor, ip }) => requestMentorship(actor, input, ip),
  revalidate: ['/mentors', '/my-mentorships'],
});

export const actOnMentorshipAction = createAction({
  name: 'mentors.actOnMentorship',
  input: mentorshipActionInput,
  access: 'authenticated',
  run: ({ id, action, ...body }, { actor, ip }) => actOnMentorship(actor, id, action, body, ip),
  revalidate: ['/my-mentorships', '/staff/mentors'],
});

export const saveMyMentorAction = createAction({
  name: 'mentors.saveMine',
  input: myMentorInput,
  access: 'mentors.claim',
  run: (input, { actor, ip }) => saveMyMentor(actor, input, ip),
  revalidate: ['/my-mentorships', '/mentors'],
});

export const createMentorAction = createAction({
  name: 'mentors.create',
  input: mentorInput,
  access: 'mentors.manage',
  run: (input, { actor, ip }) => createMentor(actor, input, ip),
  revalidate: ['/staff/mentors', '/mentors'],
});
