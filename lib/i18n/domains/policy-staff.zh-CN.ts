import type { Widen } from '../widen';

const messages = {
  policyStaff: {
    title: '政策管理',
  },
} as const;

export type Messages = Widen<typeof messages>;
export default messages;
