/**
 * tsx --conditions=react-server scripts/bench/party-seed.ts [--members 5000] [--mobile 1500] [--attendance 20000] [--time N]
 *
 * Run by the `party` benchmark (scripts/bench/benchmarks/party.ts) on its own database after scripts/seed.ts (demo
 * organisations and accounts), before the server starts; uses the database the environment names (PGLITE_DIR or
 * DATABASE_URL) and the environment's master key. Bulk SQL (generate_series), never the services:
 *   - six organisations outside the portal in six provinces (address = the province's, so the district view groups them);
 *   - `members` Party members: (members − mobile) formal members spread over the portal's branches (the 景漂 branch —
 *     secretary@demo.local's — gets a fifth), `mobile` members whose formal organisation is outside the portal or
 *     another branch, each with a mobile record: ~60 % INFLOW_ACTIVE (most at the 景漂 branch), 10 % REPORT_SUBMITTED,
 *     12 % AWAITING_REPORT (a third of them overdue), 5 % OUTFLOW_REGISTERED, 5 % LOST_CONTACT, 8 % ended; dues
 *     baselines behind for some (DUES flag), org life long ago for some (ORG_LIFE flag); registered over 12 months;
 *   - sweep `flag` events for a fifth of the accepted records over the past months, lost-contact cases;
 *   - activities: 3 a month for 12 months per branch; `attendance` rows (formal members and mobile attendees);
 *   - the dues ledger: the last 3 months for every member in order, this month for two thirds (encrypted amounts
 *     from a small pool of encrypted decimal strings).
 * Then VACUUM ANALYZE. Prints one JSON summary line. `--time N` then calls the dashboard and district services in
 * process N times each and prints their p50 / p95 (no server; the query cost alone).
 */
import { count, eq, sql } from 'drizzle-orm';
import { openConfigured, setDbHandle } from '@/db/client';
import { ORG_IDS } from '@/db/seed-data';
import { assertMasterKey } from '@/lib/crypto/key-check';
import { encryptField } from '@/lib/crypto/fields';
import { partyActivities, partyAttendance, partyDuesPayments, partyMembers, partyMobileEvents, partyMobileRecords } from '@/db/schema';
import { jdzToday } from '@/lib/clock';
import { rowsOf } from '@/lib/jobs/queue';

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
};
const MEMBERS = arg('members', 5000);
const MOBILE = arg('mobile', 1500);
const ATTENDANCE = arg('attendance', 20000);
const TIME = arg('time', 0);

const EXTERNAL = [
  { code: 'EXT-BENCH-ZJ', name: '杭州市某街道党工委（基准）', address: '浙江省杭州市西湖区' },
  { code: 'EXT-BENCH-GD', name: '佛山市某社区党委（基准）', address: '广东省佛山市南海区' },
  { code: 'EXT-BENCH-FJ', name: '德化县某镇党委（基准）', address: '福建省泉州市德化县' },
  { code: 'EXT-BENCH-HN', name: '醴陵市某街道党工委（基准）', address: '湖南省株洲市醴陵市' },
  { code: 'EXT-BENCH-SH', name: '上海市某街道党工委（基准）', address: '上海市徐汇区' },
  { code: 'EXT-BENCH-AH', name: '合肥市某社区党委（基准）', address: '安徽省合肥市蜀山区' },
];

async function main() {
  const t0 = performance.now();
  const handle = await openConfigured({ migrate: false });
  const { db } = handle;
  await assertMasterKey(db);
  const today = jdzToday();
  const month = `${today.y}-${String(today.m).padStart(2, '0')}`;
  const enc = (xs: string[]) => `{${xs.map((x) => `"${x}"`).join(',')}}`;
  const amounts = ['15.00', '21.00', '0.20', '36.75', '8.40', '52.50', '12.35', '1.00', '99.99', '27.30'];
  const amountPool = enc(amounts.map(encryptField));
  const idPool = enc(Array.from({ length: 8 }, (_, i) => encryptField(`36020319800101${String(1000 + i)}`)));
  const basePool = enc(['3000.00', '4200.00', '6800.00', '9000.00'].map(encryptField));

  await db.transaction(async (tx) => {
    // Organisations outside the portal, one per province.
    for (const e of EXTERNAL) {
      await tx.execute(sql`
        insert into party_orgs (id, code, name_zh, name_en, kind, org_type, path, is_external, may_issue, may_receive, address)
        select g, ${e.code}, ${e.name}, ${e.code}, 'committee', 'working_committee', '/' || g || '/', true, true, true, ${e.address}
        from gen_random_uuid() g where not exists (select 1 from party_orgs where code = ${e.code})`);
    }
    await tx.execute(sql`create temporary table bench_branches on commit drop as
      select row_number() over (order by path) - 1 as i, id from party_orgs
      where not is_external and kind = 'branch' and status = 'ACTIVE'`);
    await tx.execute(sql`create temporary table bench_external on commit drop as
      select row_number() over (order by code) - 1 as i, id from party_orgs where code like 'EXT-BENCH-%' or id = ${ORG_IDS.externalZhuantang}`);

    // Members: the first MEMBERS − MOBILE formal (a fifth at the 景漂 branch, the rest round-robin); then the mobile ones.
    await tx.execute(sql`
      insert into party_members (name, id_card_enc, id_card_blind, id_card_masked, membership_type, join_date, probation_end_date, formal_org_id,
        last_dues_month, dues_base_type, dues_base_amount_enc, last_org_life_date, created_from)
      select '基准党员' || n,
             (${idPool}::text[])[1 + n % 8],
             'bench-party-' || n,
             '3602**********' || lpad((n % 10000)::text, 4, '0'),
             case when n % 17 = 0 then 'probationary' else 'formal' end,
             date '2010-07-01' + (n % 3000),
             case when n % 17 = 0 then date '2010-07-01' + (n % 3000) + 365 end,
             case when n <= ${MEMBERS - MOBILE} then
                    case when n % 5 = 0 then ${ORG_IDS.jingpiaoBranch}::uuid
                         else (select id from bench_branches where i = n % (select count(*) from bench_branches)) end
                  else case when n % 10 = 0 then (select id from bench_branches where i = n % (select count(*) from bench_branches))
                            else (select id from bench_external where i = n % (select count(*) from bench_external)) end end,
             to_char((${`${month}-01`}::date - make_interval(months => case when n % 11 = 0 then 5 else 3 end)), 'YYYY-MM'),
             'salary',
             (${basePool}::text[])[1 + n % 4],
             case when n % 9 = 0 then ${`${month}-01`}::date - 150 else ${`${month}-01`}::date - (n % 40) end,
             'register'
      from generate_series(1, ${MEMBERS}) n
      on conflict do nothing`);

    // Mobile records for the mobile members (k = 0 … MOBILE − 1), states by k % 100.
    await tx.execute(sql`create temporary table bench_mobile on commit drop as
      select m.id as member_id, m.formal_org_id, (row_number() over (order by m.created_at, m.id) - 1)::int as k
      from party_members m where m.name like '基准党员%' and substring(m.name from 5)::int > ${MEMBERS - MOBILE}`);
    await tx.execute(sql`
      insert into party_mobile_records (member_id, state, outflow_org_id, outflow_date, outflow_reason, arrival_date, report_due_at,
        inflow_org_id, inflow_branch_id, report_method, report_submitted_at, accepted_at, redirect_to_org_id, redirect_reason,
        lost_from_state, end_at, end_reason, card_no, card_issued_at, created_at)
      select b.member_id,
             s.state,
             b.formal_org_id,
             (s.created - interval '20 days')::date,
             (array['work','business','study','family','creative','other'])[1 + b.k % 6],
             (s.created - interval '5 days')::date,
             s.created + interval '25 days',
             case when s.state in ('REPORT_SUBMITTED','INFLOW_ACTIVE','LOST_CONTACT','ENDED_RETURNED') then s.branch end,
             case when s.state in ('INFLOW_ACTIVE','LOST_CONTACT','ENDED_RETURNED') then s.branch end,
             case when s.state in ('REPORT_SUBMITTED','INFLOW_ACTIVE','LOST_CONTACT','ENDED_RETURNED') then 'qr' end,
             case when s.state in ('REPORT_SUBMITTED','INFLOW_ACTIVE','LOST_CONTACT','ENDED_RETURNED') then s.created + interval '3 days' end,
             case when s.state in ('INFLOW_ACTIVE','LOST_CONTACT','ENDED_RETURNED') then s.created + interval '6 days' end,
             case when s.state = 'AWAITING_REPORT' and b.k % 2 = 0 then s.branch end,
             case when s.state = 'AWAITING_REPORT' and b.k % 2 = 0 then '就近报到' end,
             case when s.state = 'LOST_CONTACT' then 'INFLOW_ACTIVE' end,
             case when s.state = 'ENDED_RETURNED' then now() - interval '3 days' end,
             case when s.state = 'ENDED_RETURNED' then 'returned' end,
             case when b.k % 4 = 0 then 'ZS-LD-' || b.k end,
             case when b.k % 4 = 0 then (s.created)::date end,
             s.created
      from bench_mobile b
      cross join lateral (
        select case when b.k % 100 < 60 then 'INFLOW_ACTIVE'
                    when b.k % 100 < 70 then 'REPORT_SUBMITTED'
                    when b.k % 100 < 82 then 'AWAITING_REPORT'
                    when b.k % 100 < 87 then 'OUTFLOW_REGISTERED'
                    when b.k % 100 < 92 then 'LOST_CONTACT'
                    else 'ENDED_RETURNED' end as state,
               case when b.k % 3 = 0 then ${ORG_IDS.jingpiaoBranch}::uuid else (select id from bench_branches where i = b.k % (select count(*) from bench_branches)) end as branch,
               -- registered over the past 12 months; awaiting ones a third overdue (> 30 days), the rest recent
               case when b.k % 100 between 70 and 86 then now() - make_interval(days => case when b.k % 3 = 0 then 45 else 1 + b.k % 20 end)
                    else now() - make_interval(days => 10 + (b.k * 7) % 355) end as created
      ) s`);

    // Sweep flag events for a fifth of the accepted records (raised in one month, some cleared later); lost-contact cases.
    await tx.execute(sql`
      insert into party_mobile_events (record_id, seq, action, from_state, to_state, actor_role, data, at)
      select r.id, e.seq, 'flag', 'INFLOW_ACTIVE', 'INFLOW_ACTIVE', 'system',
             case when e.seq = 1 then jsonb_build_object('flags', jsonb_build_array((array['DUES','ORG_LIFE','ANNUAL_REPORT'])[1 + (abs(hashtext(r.id::text)) % 3)])) else jsonb_build_object('flags', jsonb_build_array()) end,
             greatest(r.accepted_at, now() - interval '300 days') + make_interval(days => e.seq * 40)
      from party_mobile_records r
      cross join generate_series(1, 2) e(seq)
      where r.state = 'INFLOW_ACTIVE' and abs(hashtext(r.id::text)) % 5 = 0 and (e.seq = 1 or abs(hashtext(r.id::text)) % 2 = 0)
      on conflict do nothing`);
    await tx.execute(sql`
      insert into party_lost_contact_cases (record_id, member_id, home_org_id, last_contact_basis_date, search_actions_enc, created_at)
      select r.id, r.member_id, r.outflow_org_id, (r.created_at - interval '200 days')::date, (${amountPool}::text[])[1], r.accepted_at + interval '150 days'
      from party_mobile_records r where r.state = 'LOST_CONTACT'
      on conflict do nothing`);

    // Activities: 3 a month for 12 months per branch, dated on the 3rd, 13th and 23rd.
    await tx.execute(sql`
      insert into party_activities (org_id, type, date, topic, voting_items)
      select b.id, (array['theme_day','party_lecture','branch_congress'])[1 + x], (date_trunc('month', now()) - make_interval(months => mo))::date + (3 + x * 10), '基准活动', x = 2
      from bench_branches b cross join generate_series(0, 11) mo cross join generate_series(0, 2) x`);
    // Attendance: formal members at activities of their own branch, mobile members accepted there; unique per activity.
    await tx.execute(sql`create temporary table bench_att on commit drop as
      select a.id as activity_id, m.id as member_id, 'FORMAL' as relation, row_number() over (order by a.date desc, a.id, m.id) as rn
      from party_activities a join party_members m on m.formal_org_id = a.org_id and m.name like '基准党员%' and m.party_status = 'NORMAL'
      where a.topic = '基准活动' and (abs(hashtext(a.id::text || m.id::text)) % 4) = 0
      union all
      select a.id, r.member_id, 'MOBILE', row_number() over (order by a.date desc, a.id, r.member_id) + 1000000000
      from party_activities a join party_mobile_records r on r.state = 'INFLOW_ACTIVE' and r.inflow_branch_id = a.org_id
      where a.topic = '基准活动' and (abs(hashtext(a.id::text || r.member_id::text)) % 6) = 0`);
    await tx.execute(sql`
      insert into party_attendance (activity_id, member_id, relation, counts_for_quorum, may_vote, method, checked_in_at, confirmed_at)
      select activity_id, member_id, relation, relation = 'FORMAL', relation = 'FORMAL', 'qr', now(), case when rn % 10 = 0 then null else now() end
      from (select * from bench_att where relation = 'FORMAL' order by rn limit ${Math.round(ATTENDANCE * 0.85)}) f
      union all
      select activity_id, member_id, relation, false, false, 'online', now(), now()
      from (select * from bench_att where relation = 'MOBILE' order by rn limit ${ATTENDANCE - Math.round(ATTENDANCE * 0.85)}) mo
      on conflict do nothing`);

    // Dues ledger: the three months before this one for members whose baseline is 3 behind; this month for two thirds.
    await tx.execute(sql`
      insert into party_dues_payments (member_id, month, collecting_org_id, base_type, amount_due_enc, amount_paid_enc, rate, channel, paid_at)
      select m.id, to_char(${`${month}-01`}::date - make_interval(months => g.k), 'YYYY-MM'),
             coalesce((select r.inflow_branch_id from party_mobile_records r where r.member_id = m.id and r.state = 'INFLOW_ACTIVE'), case when bm.member_id is null then m.formal_org_id end, ${ORG_IDS.jingpiaoBranch}::uuid),
             'salary', (${amountPool}::text[])[1 + abs(hashtext(m.id::text)) % 10], (${amountPool}::text[])[1 + abs(hashtext(m.id::text)) % 10], '0.005', 'bank', now()
      from party_members m
      left join bench_mobile bm on bm.member_id = m.id
      cross join generate_series(0, 2) g(k)
      where m.name like '基准党员%' and m.last_dues_month = to_char(${`${month}-01`}::date - interval '3 months', 'YYYY-MM')
        and (g.k > 0 or abs(hashtext(m.id::text)) % 3 > 0)
      on conflict do nothing`);
  });
  await db.execute(sql`vacuum analyze`);
  const n = async (q: Promise<{ n: number }[]>) => (await q)[0]!.n;
  const summary = {
    members: await n(db.select({ n: count() }).from(partyMembers)),
    mobileRecords: await n(db.select({ n: count() }).from(partyMobileRecords)),
    activities: await n(db.select({ n: count() }).from(partyActivities)),
    attendance: await n(db.select({ n: count() }).from(partyAttendance)),
    duesPayments: await n(db.select({ n: count() }).from(partyDuesPayments)),
    flagEvents: await n(db.select({ n: count() }).from(partyMobileEvents).where(eq(partyMobileEvents.action, 'flag'))),
    seedMs: Math.round(performance.now() - t0),
  };
  console.log(JSON.stringify(summary));

  if (TIME > 0) {
    setDbHandle(handle);
    const { getStatsOverview, getDistrictStats } = await import('@/lib/party/stats');
    const users = await db.execute(sql`select id, role, org_id, email from users where email in ('secretary@demo.local', 'orgdept@demo.local')`);
    const rows = rowsOf<{ id: string; role: string; org_id: string | null; email: string }>(users);
    const sec = rows.find((u) => u.email === 'secretary@demo.local')!;
    const adm = rows.find((u) => u.email === 'orgdept@demo.local')!;
    const path = rowsOf<{ path: string }>(await db.execute(sql`select path from party_orgs where id = ${sec.org_id}`))[0]!.path;
    const secretary = { id: sec.id, role: 'branch_secretary' as const, displayName: 'bench', zoneCode: null, orgId: sec.org_id, orgPath: path, sessionId: 'bench' };
    const admin = { id: adm.id, role: 'org_admin' as const, displayName: 'bench', zoneCode: null, orgId: null, orgPath: null, sessionId: 'bench' };
    const meta = { ip: '127.0.0.1', locale: 'zh-CN' as const };
    const time = async (label: string, f: () => Promise<unknown>) => {
      await f();
      const ms: number[] = [];
      for (let i = 0; i < TIME; i++) {
        const s = performance.now();
        await f();
        ms.push(performance.now() - s);
      }
      ms.sort((a, b) => a - b);
      const q = (p: number) => Math.round(ms[Math.min(ms.length - 1, Math.floor(p * ms.length))]! * 10) / 10;
      console.log(JSON.stringify({ label, n: TIME, p50: q(0.5), p95: q(0.95) }));
    };
    await time('overview (景漂 branch secretary)', () => getStatsOverview(secretary, {}, meta));
    await time('overview (组织部, whole district)', () => getStatsOverview(admin, {}, meta));
    await time('district (12 months)', () => getDistrictStats(admin, {}, meta));
  }
  await handle.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
