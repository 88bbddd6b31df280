/**
 * npm run admin:create — creates the first system administrator of a real deployment (the seed refuses demo
 * accounts in production). Reads ADMIN_EMAIL, ADMIN_NAME and ADMIN_PASSWORD from the environment, so the password
 * never appears in the shell history or the process list; the password policy for administrators applies.
 */
import { openConfigured, setDbHandle } from '@/db/client';
import { assertMasterKey } from '@/lib/crypto/key-check';
import { users } from '@/db/schema';
import { seedReferenceData } from '@/db/seed';
import { audit } from '@/lib/audit/log';
import { normaliseEmail } from '@/lib/auth/identifiers';
import { hashPassword } from '@/lib/auth/password';
import { checkPassword } from '@/lib/auth/password-policy';
import { translate } from '@/lib/i18n';

async function main() {
  const email = process.env.ADMIN_EMAIL ? normaliseEmail(process.env.ADMIN_EMAIL) : '';
  const password = process.env.ADMIN_PASSWORD ?? '';
  const name = process.env.ADMIN_NAME?.trim() || '系统管理员';
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) {
    console.error('Set ADMIN_EMAIL to the administrator’s e-mail. / 请设置 ADMIN_EMAIL。');
    process.exit(2);
  }
  const problems = checkPassword(password, { role: 'sysadmin', email, displayName: name });
  if (problems.length) {
    for (const p of problems) console.error(`ADMIN_PASSWORD: ${translate('zh-CN', p.key, p.params)} / ${translate('en', p.key, p.params)}`);
    process.exit(2);
  }
  const handle = await openConfigured({ migrate: !process.env.DATABASE_URL });
  setDbHandle(handle);
  try {
    await assertMasterKey(handle.db);
    await seedReferenceData(handle.db);
    const [u] = await handle.db.insert(users).values({ email, displayName: name, role: 'sysadmin', passwordHash: await hashPassword(password) }).onConflictDoNothing().returning({ id: users.id });
    if (!u) {
      console.error(`An account with ${email} already exists; nothing changed. / 该邮箱已有账户，未做修改。`);
      process.exitCode = 1;
      return;
    }
    await audit({ action: 'users.create', result: 'ok', targetType: 'user', targetId: u.id, detail: { role: 'sysadmin', via: 'cli' } });
    console.log(`System administrator ${email} created. / 已创建系统管理员 ${email}。`);
  } finally {
    await handle.close();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
