import crypto from 'node:crypto';
import type { Db } from '@/db/client';
import { partyMembers } from '@/db/schema';
import { ORG_IDS } from '@/db/seed-data';
import { blindIndex, encryptField } from '@/lib/crypto/fields';
import { maskIdNumber, maskPhone } from '@/lib/crypto/mask';
import { idCheckChar } from '@/lib/talent/id-number';

/** A fresh valid 居民身份证号码 (珠山区 region, born 1970–1996, random sequence) with its check character. */
export function randomIdNumber(): string {
  const year = 1970 + crypto.randomInt(27); // 1970–1996: 18 or older by mid-2015
  const month = String(1 + crypto.randomInt(12)).padStart(2, '0');
  const day = String(1 + crypto.randomInt(28)).padStart(2, '0');
  const body = `360203${year}${month}${day}${String(crypto.randomInt(1000)).padStart(3, '0')}`;
  return body + idCheckChar(body);
}

export const randomMobile = () => `139${String(crypto.randomInt(100_000_000)).padStart(8, '0')}`;

/** A member row written directly (as the service would), at the 景漂 branch unless told otherwise. */
export async function insertMember(db: Db, over: Partial<typeof partyMembers.$inferInsert> & { idCardNo?: string; phone?: string } = {}) {
  const { idCardNo = randomIdNumber(), phone = randomMobile(), ...rest } = over;
  const [m] = await db
    .insert(partyMembers)
    .values({
      name: '测试党员',
      idCardEnc: encryptField(idCardNo),
      idCardBlind: blindIndex('party_id_card', idCardNo),
      idCardMasked: maskIdNumber(idCardNo)!,
      phoneEnc: encryptField(phone),
      phoneMasked: maskPhone(phone),
      membershipType: 'formal',
      joinDate: '2010-07-01',
      formalOrgId: ORG_IDS.jingpiaoBranch,
      lastDuesMonth: null,
      duesBaseType: 'salary',
      duesBaseAmountEnc: encryptField('3000.00'),
      ...rest,
    })
    .returning();
  return { ...m!, idCardNo, phone };
}
