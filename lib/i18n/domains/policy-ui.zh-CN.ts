import type { Widen } from '../widen';

const messages = {
  policyUi: {
    title: '我的政策',
  },
} as const;

export type Messages = Widen<typeof messages>;
export default messages;
