import type { Messages } from './policy-staff.zh-CN';

const messages: Messages = {
  policyStaff: {
    title: 'Policy management',
  },
};

export default messages;
