/** Every refusal the transfer machine can give has its explanation in both dictionaries (problem+json detail). */
import { describe, expect, it } from 'vitest';
import en from '@/lib/i18n/messages.en';
import zh from '@/lib/i18n/messages.zh-CN';
import { REFUSAL_REASONS } from './transfer-machine';

describe('party-transfer refusal messages', () => {
  it.each(REFUSAL_REASONS)('%s is explained in zh-CN and en', (reason) => {
    expect(zh.partyTransfer.refusal[reason]).toBeTruthy();
    expect(en.partyTransfer.refusal[reason]).toBeTruthy();
  });
});
