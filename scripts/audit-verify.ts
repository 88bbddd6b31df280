/** npm run audit:verify — walks the audit hash chain; exits 1 and lists rows that were edited, inserted or deleted. */
import { openConfigured, setDbHandle } from '@/db/client';
import { assertMasterKey } from '@/lib/crypto/key-check';
import { verifyAuditChain } from '@/lib/audit/log';

async function main() {
  const handle = await openConfigured({ migrate: false });
  setDbHandle(handle);
  try {
    // Under another key every row would read as edited: say which key is wrong instead.
    await assertMasterKey(handle.db);
    const report = await verifyAuditChain(handle.db);
    if (report.ok) {
      console.log(`Audit chain intact: ${report.rows} rows, last seq ${report.lastSeq}. / 审计日志完整。`);
    } else {
      console.error(`Audit chain BROKEN: ${report.problems.length} problem(s) in ${report.rows} rows. / 审计日志被篡改：`);
      for (const p of report.problems) {
        const what = p.kind === 'edited' ? 'row content changed (edited)' : p.kind === 'relinked' ? 'link to previous row broken (row inserted or removed before it)' : `rows missing before it (deleted; expected seq ${p.expectedSeq})`;
        console.error(`  seq ${p.seq}: ${what}`);
      }
      process.exitCode = 1;
    }
  } finally {
    await handle.close();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
