#!/usr/bin/env node
/**
 * npm run demo — builds the portal and serves it at http://localhost:$PORT (default 3000) on embedded PGlite under
 * .data/: created, migrated and seeded on first run, reused afterwards. Prints the demo logins.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';

const port = process.env.PORT ?? '3000';
const env = {
  ...process.env,
  APP_ENV: process.env.APP_ENV ?? 'demo',
  NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
  NEXT_TELEMETRY_DISABLED: '1',
  PORT: port,
};
const bin = (name) => `node_modules/.bin/${name}`;

function run(cmd, args, label) {
  console.log(`\n▶ ${label}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env });
  if (r.status !== 0) {
    console.error(`✗ ${label} failed (exit ${r.status}).`);
    process.exit(r.status ?? 1);
  }
}

if (!fs.existsSync(bin('next'))) {
  console.error('Dependencies are missing: run `npm ci` first. / 请先运行 npm ci。');
  process.exit(1);
}
if (!process.env.DATABASE_URL) fs.mkdirSync('.data', { recursive: true });

run(bin('tsx'), ['--conditions=react-server', 'scripts/seed.ts', '--if-empty', '--demo'], 'Database: migrate and seed (first run only) / 初始化数据库');
run(bin('next'), ['build'], 'Build / 构建');

const logins = [
  ['talent@demo.local', '景漂人才 Talent'],
  ['staff@demo.local', '园区工作人员（经开区）Zone staff'],
  ['secretary@demo.local', '党支部书记（景漂陶瓷流动党员党支部）Branch secretary'],
  ['orgdept@demo.local', '区委组织部 Organisation dept.'],
  ['admin@demo.local', '系统管理员 System admin'],
  ['staff2@demo.local', '区人才办工作人员 Zone staff (Zhushan talent office)'],
  ['secretary2@demo.local', '党支部书记（陶溪川）Branch secretary'],
  ['committee@demo.local', '两新组织党委组织委员（开具介绍信）Issuing committee'],
  ['jingcheng@demo.local', '竞成街道党工委（接收）Receiving committee'],
  ['jcsq@demo.local', '竞成社区党支部书记 Receiving branch secretary'],
  ['xinchang@demo.local', '新厂街道党工委 Street committee (receives only)'],
  ['lin.qingci@demo.local', '景漂 · 正式党员 Talent, formal Party member (demo transfer)'],
  ['zhou.yao@demo.local', '景漂 · 流动党员 Talent, mobile Party member'],
  ['emma.wright@demo.local', '外籍景漂 Foreign talent'],
];
console.log(`\n景漂人才服务门户 is starting at http://localhost:${port}\n`);
console.log('Demo logins (password for all: Jingpiao-2026) / 演示账户（密码均为 Jingpiao-2026）:');
for (const [login, role] of logins) console.log(`  ${login.padEnd(24)} ${role}`);
// The demo district (db/demo-district.ts, scripts/seed.ts): 300 residents, each a talent with the same password.
console.log(`  ${'resident-001@demo.local'.padEnd(24)} … resident-300@demo.local: 演示街区的 300 位景漂 Talents of the demo district`);
console.log('');

const server = spawn(bin('next'), ['start', '-p', port], { stdio: 'inherit', env });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.kill(sig));
server.on('exit', (code) => process.exit(code ?? 0));
