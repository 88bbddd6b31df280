import type { Messages } from './policy-ui.zh-CN';

const messages: Messages = {
  policyUi: {
    title: 'My policies',
  },
};

export default messages;
