import { SPACE_IDS } from './seed-bookings-ids';
import type { Db } from './client';
import { eq } from 'drizzle-orm';
import { jdzToday } from '@/lib/clock';
import { randomToken } from '@/lib/crypto/fields';
import { bookings, spaces, spaceSlots, users, type NewSpace, type OpeningException, type OpeningHours } from './schema';

export { SPACE_IDS };

/**
 * Demo innovation spaces (issue 11 §1; domain-talent-policy.md §1.6): 陶溪川, 三宝国际陶艺村, 雕塑瓷厂 and the 经开区
 * incubators — studios, shared kilns by the firing, an exhibition hall, a live-stream room for JP-039's holders and a
 * meeting room. Names and places are real; rules and prices are modelled demo data. Photos are the project's own SVG
 * illustrations (public/spaces/). Fixed ids (the crawl and the e2e open them); check-in and feed tokens are random at
 * seeding, never fixed (staff read a space's code from GET /api/v1/spaces/{id}/check-in-code or its poster). Idempotent (on conflict do nothing).
 */


const range = (start: string, end: string) => [{ start, end }];
const everyDay = (start: string, end: string): OpeningHours => ({ '1': range(start, end), '2': range(start, end), '3': range(start, end), '4': range(start, end), '5': range(start, end), '6': range(start, end), '7': range(start, end) });
const weekdays = (start: string, end: string): OpeningHours => ({ '1': range(start, end), '2': range(start, end), '3': range(start, end), '4': range(start, end), '5': range(start, end) });

/** Public holidays the parks close for (2026–2027; 国务院办公厅 holiday notices are published each winter). */
const HOLIDAYS: OpeningException[] = [
  { date: '2026-12-31', closed: false, hours: range('09:00', '17:00'), noteZh: '元旦前一日提前闭园', noteEn: 'Closes early before New Year' },
  { date: '2027-01-01', closed: true, noteZh: '元旦闭园', noteEn: 'Closed for New Year' },
  ...['2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10'].map((date) => ({ date, closed: true, noteZh: '春节闭园', noteEn: 'Closed for the Spring Festival' })),
];

type Demo = Omit<NewSpace, 'checkinToken' | 'icalToken'> & { id: string };

const DEMO_SPACES: Demo[] = [
  {
    id: SPACE_IDS.taoxichuanStudio,
    zoneCode: 'zsq',
    kind: 'studio',
    nameZh: '陶溪川 · 青年创作工作室 A3',
    nameEn: 'Taoxichuan young makers’ studio A3',
    descriptionZh: '老宇宙瓷厂厂房改造的共享工作室，拉坯机、修坯台和晾坯架齐全，按小时租用，适合刚来景德镇还没有自己工作室的景漂。',
    descriptionEn: 'A shared studio in the converted Yuzhou porcelain factory with wheels, trimming benches and drying racks, rented by the hour — for newcomers without a studio of their own.',
    locationZh: '珠山区新厂西路 150 号 陶溪川文创街区 A 区 3 号',
    locationEn: 'Unit A3, Taoxichuan, 150 Xinchang West Rd, Zhushan',
    photo: '/spaces/studio.svg',
    capacity: 4,
    equipment: [
      { zh: '拉坯机 ×4', en: '4 potter’s wheels' },
      { zh: '修坯台', en: 'Trimming bench' },
      { zh: '晾坯架', en: 'Drying racks' },
      { zh: '练泥机（共用）', en: 'Pug mill (shared)' },
    ],
    priceFen: 1500,
    priceUnit: 'hour',
    openingHours: everyDay('09:00', '21:00'),
    exceptions: HOLIDAYS,
    slotMinutes: 60,
    minMinutes: 60,
    maxMinutes: 480,
    minNoticeMin: 60,
    maxAdvanceDays: 30,
    cancelCutoffMin: 120,
    quotas: [{ period: 'week', metric: 'minutes', limit: 1200 }],
  },
  {
    id: SPACE_IDS.taoxichuanKiln,
    zoneCode: 'zsq',
    kind: 'electric_kiln',
    nameZh: '陶溪川 · 共享电窑 1 号（0.3 立方）',
    nameEn: 'Taoxichuan shared electric kiln no. 1 (0.3 m³)',
    descriptionZh: '按窑次预约的共享电窑：装窑 1 小时、烧成 8–16 小时、冷却 12 小时（冷却期间不能预约）。需到场扫码签到，开始后 30 分钟未签到自动释放。',
    descriptionEn: 'A shared electric kiln booked by the firing: 1 h loading, 8–16 h firing, 12 h cooling (not bookable while cooling). Check in on site by QR; released 30 minutes after the start without check-in.',
    locationZh: '陶溪川文创街区 窑炉中心 1 层',
    locationEn: 'Kiln centre, ground floor, Taoxichuan',
    photo: '/spaces/electric-kiln.svg',
    capacity: 1,
    equipment: [
      { zh: '程控电窑 1300℃', en: 'Programmable kiln, 1300 °C' },
      { zh: '硼板与支柱', en: 'Kiln shelves and posts' },
    ],
    priceFen: 18000,
    priceUnit: 'booking',
    openingHours: everyDay('00:00', '24:00'),
    exceptions: [],
    slotMinutes: 240,
    minMinutes: 480,
    maxMinutes: 960,
    bufferBeforeMin: 60,
    bufferAfterMin: 720,
    minNoticeMin: 120,
    maxAdvanceDays: 30,
    cancelCutoffMin: 720,
    checkinRequired: true,
    checkinGraceMin: 30,
    quotas: [{ period: 'month', metric: 'count', limit: 4 }],
  },
  {
    id: SPACE_IDS.taoxichuanLive,
    zoneCode: 'zsq',
    kind: 'livestream_room',
    nameZh: '陶溪川直播基地 · 直播间 12 号',
    nameEn: 'Taoxichuan live-stream base, room 12',
    descriptionZh: '补光灯、声卡和展示台齐备的直播间。JP-039 政策享受者（景漂或邑空间摊主）每周免费使用最多 8 小时。',
    descriptionEn: 'A live-stream room with lights, sound card and display stand. Free for JP-039 beneficiaries (jingpiao or 邑空间 stall holders), up to 8 hours a week.',
    locationZh: '陶溪川直播基地 2 层 12 号',
    locationEn: 'Room 12, 2nd floor, Taoxichuan live-stream base',
    photo: '/spaces/livestream-room.svg',
    capacity: 3,
    equipment: [
      { zh: '环形补光灯 ×2', en: '2 ring lights' },
      { zh: '声卡与麦克风', en: 'Sound card and microphone' },
      { zh: '旋转展示台', en: 'Turntable display stand' },
    ],
    priceFen: null,
    openingHours: everyDay('08:00', '23:00'),
    exceptions: HOLIDAYS,
    slotMinutes: 60,
    minMinutes: 60,
    maxMinutes: 240,
    minNoticeMin: 30,
    maxAdvanceDays: 14,
    cancelCutoffMin: 60,
    eligiblePolicyCode: 'JP-039',
    quotas: [{ period: 'week', metric: 'minutes', limit: 480 }],
  },
  {
    id: SPACE_IDS.sanbaoWoodKiln,
    zoneCode: 'zsq',
    kind: 'wood_kiln',
    nameZh: '三宝国际陶艺村 · 柴窑',
    nameEn: 'Sanbao International Ceramic Art Village wood kiln',
    descriptionZh: '传统馒头柴窑，一窑烧成约 36 小时，冷却两天。需陶艺村审批，请提前一周申请并注明作品数量。',
    descriptionEn: 'A traditional mantou wood kiln: about 36 hours per firing and two days to cool. Subject to the village’s approval; apply a week ahead with the number of pieces.',
    locationZh: '珠山区竟成镇三宝蓬 三宝国际陶艺村',
    locationEn: 'Sanbao International Ceramic Art Village, Sanbaopeng, Jingcheng',
    photo: '/spaces/wood-kiln.svg',
    capacity: 1,
    equipment: [
      { zh: '馒头窑 约 4 立方', en: 'Mantou kiln, about 4 m³' },
      { zh: '松柴（另计）', en: 'Pine firewood (charged separately)' },
    ],
    priceFen: 200000,
    priceUnit: 'booking',
    openingHours: everyDay('00:00', '24:00'),
    exceptions: [],
    slotMinutes: 720,
    minMinutes: 1440,
    maxMinutes: 4320,
    bufferBeforeMin: 240,
    bufferAfterMin: 2880,
    minNoticeMin: 7 * 1440,
    maxAdvanceDays: 90,
    cancelCutoffMin: 3 * 1440,
    requiresApproval: true,
    quotas: [{ period: 'month', metric: 'count', limit: 1 }],
  },
  {
    id: SPACE_IDS.sanbaoGasKiln,
    zoneCode: 'zsq',
    kind: 'gas_kiln',
    nameZh: '三宝国际陶艺村 · 气窑（还原烧）',
    nameEn: 'Sanbao gas kiln (reduction firing)',
    descriptionZh: '1 立方液化气窑，可做还原气氛。装窑 1 小时、冷却 10 小时。需扫码签到。',
    descriptionEn: 'A 1 m³ LPG kiln for reduction firing. 1 h loading, 10 h cooling. Check in by QR.',
    locationZh: '三宝国际陶艺村 窑房',
    locationEn: 'Kiln house, Sanbao village',
    photo: '/spaces/gas-kiln.svg',
    capacity: 1,
    equipment: [{ zh: '液化气梭式窑 1 立方', en: '1 m³ LPG shuttle kiln' }],
    priceFen: 60000,
    priceUnit: 'booking',
    openingHours: everyDay('00:00', '24:00'),
    exceptions: [],
    slotMinutes: 240,
    minMinutes: 480,
    maxMinutes: 1440,
    bufferBeforeMin: 60,
    bufferAfterMin: 600,
    minNoticeMin: 720,
    maxAdvanceDays: 45,
    cancelCutoffMin: 1440,
    checkinRequired: true,
    checkinGraceMin: 30,
  },
  {
    id: SPACE_IDS.sculptureHall,
    zoneCode: 'zsq',
    kind: 'exhibition_hall',
    nameZh: '雕塑瓷厂 · 明清园展厅',
    nameEn: 'Sculpture Porcelain Factory, Ming-Qing Garden hall',
    descriptionZh: '约 120 平方米的展厅，适合首个个展或小型联展。按整天预约，前后各留半天布展和撤展；需园区审批。',
    descriptionEn: 'A 120 m² hall for a first solo show or a small group show. Booked by whole days with half a day before and after to hang and strike; subject to approval.',
    locationZh: '珠山区新厂东路 雕塑瓷厂 明清园',
    locationEn: 'Ming-Qing Garden, Sculpture Porcelain Factory, Xinchang East Rd',
    photo: '/spaces/exhibition-hall.svg',
    capacity: 60,
    equipment: [
      { zh: '轨道射灯', en: 'Track spotlights' },
      { zh: '展台 ×12', en: '12 plinths' },
      { zh: '展柜 ×4', en: '4 vitrines' },
    ],
    priceFen: 80000,
    priceUnit: 'booking',
    openingHours: everyDay('00:00', '24:00'),
    exceptions: [],
    slotMinutes: 1440,
    minMinutes: 1440,
    maxMinutes: 14 * 1440,
    bufferBeforeMin: 720,
    bufferAfterMin: 720,
    minNoticeMin: 3 * 1440,
    maxAdvanceDays: 120,
    cancelCutoffMin: 7 * 1440,
    requiresApproval: true,
  },
  {
    id: SPACE_IDS.sculptureKiln,
    zoneCode: 'zsq',
    kind: 'electric_kiln',
    nameZh: '雕塑瓷厂 · 小电窑（0.1 立方）',
    nameEn: 'Sculpture Factory small electric kiln (0.1 m³)',
    descriptionZh: '适合试片和小件的电窑，8 小时一窑，冷却 8 小时。',
    descriptionEn: 'A small kiln for test tiles and small pieces: 8 hours per firing, 8 hours to cool.',
    locationZh: '雕塑瓷厂 乐天陶社旁 窑房',
    locationEn: 'Kiln room beside the Pottery Workshop, Sculpture Factory',
    photo: '/spaces/electric-kiln.svg',
    capacity: 1,
    equipment: [{ zh: '程控电窑 1280℃', en: 'Programmable kiln, 1280 °C' }],
    priceFen: 8000,
    priceUnit: 'booking',
    openingHours: everyDay('00:00', '24:00'),
    exceptions: [],
    slotMinutes: 240,
    minMinutes: 480,
    maxMinutes: 480,
    bufferAfterMin: 480,
    minNoticeMin: 60,
    maxAdvanceDays: 21,
    cancelCutoffMin: 360,
  },
  {
    id: SPACE_IDS.jkqStudio,
    zoneCode: 'jkq',
    kind: 'studio',
    nameZh: '经开区陶瓷创新创业孵化器 · 共享工作室 B2',
    nameEn: 'Development-zone ceramics incubator, shared studio B2',
    descriptionZh: '孵化器内的共享工作室，设计、打样和小批量试制都可以用。',
    descriptionEn: 'A shared studio in the incubator for design, prototyping and small trial batches.',
    locationZh: '经开区昌南大道 陶瓷科创园 B 栋 2 层',
    locationEn: '2nd floor, Building B, Ceramics Science Park, Changnan Ave',
    photo: '/spaces/studio.svg',
    capacity: 6,
    equipment: [
      { zh: '3D 打印机', en: '3D printer' },
      { zh: '注浆台', en: 'Slip-casting bench' },
      { zh: '拉坯机 ×2', en: '2 potter’s wheels' },
    ],
    priceFen: 1000,
    priceUnit: 'hour',
    openingHours: { ...weekdays('08:30', '20:30'), '6': range('09:00', '17:00') },
    exceptions: HOLIDAYS,
    slotMinutes: 60,
    minMinutes: 60,
    maxMinutes: 360,
    minNoticeMin: 60,
    maxAdvanceDays: 30,
    cancelCutoffMin: 120,
    quotas: [{ period: 'week', metric: 'count', limit: 5 }],
  },
  {
    id: SPACE_IDS.jkqMeeting,
    zoneCode: 'jkq',
    kind: 'meeting_room',
    nameZh: '经开区陶瓷创新创业孵化器 · 路演会议室',
    nameEn: 'Development-zone incubator pitch and meeting room',
    descriptionZh: '可容纳 20 人的会议室，适合路演、洽谈和培训。入驻企业和景漂免费。',
    descriptionEn: 'A meeting room for 20: pitches, negotiations and training. Free for incubated firms and jingpiao.',
    locationZh: '陶瓷科创园 A 栋 1 层',
    locationEn: 'Ground floor, Building A, Ceramics Science Park',
    photo: '/spaces/meeting-room.svg',
    capacity: 20,
    equipment: [
      { zh: '投影仪', en: 'Projector' },
      { zh: '视频会议设备', en: 'Video-conference kit' },
    ],
    priceFen: null,
    openingHours: weekdays('09:00', '18:00'),
    exceptions: HOLIDAYS,
    slotMinutes: 30,
    minMinutes: 30,
    maxMinutes: 240,
    minNoticeMin: 60,
    maxAdvanceDays: 30,
    cancelCutoffMin: 60,
    requiresApproval: true,
  },
];

export async function seedDemoSpaces(db: Db): Promise<number> {
  const rows = DEMO_SPACES.map((s) => ({ ...s, checkinToken: randomToken(18), icalToken: randomToken(18) }));
  const inserted = await db.insert(spaces).values(rows).onConflictDoNothing().returning({ id: spaces.id });
  await seedDemoFiring(db);
  return inserted.length;
}

/**
 * A shared bisque firing by the shelf on 雕塑瓷厂's small kiln, three days after the seed date (08:00–16:00
 * Jingdezhen time), opened by 珠山区's staff: the slot and the kiln's exclusive booking of its buffered window, as
 * the service creates them. Once per seeded database.
 */
async function seedDemoFiring(db: Db): Promise<void> {
  const kiln = SPACE_IDS.sculptureKiln;
  const [existing] = await db.select({ id: spaceSlots.id }).from(spaceSlots).where(eq(spaceSlots.spaceId, kiln)).limit(1);
  if (existing) return;
  const [staff] = await db.select({ id: users.id }).from(users).where(eq(users.email, 'staff2@demo.local')).limit(1);
  if (!staff) return;
  const { y, m, d } = jdzToday();
  const start = new Date(Date.UTC(y, m - 1, d + 3, 0)); // 08:00 in Jingdezhen (UTC+8) is 00:00 UTC
  const end = new Date(start.getTime() + 8 * 3_600_000);
  const after = DEMO_SPACES.find((x) => x.id === kiln)!.bufferAfterMin ?? 0;
  await db.transaction(async (tx) => {
    const [k] = await tx
      .insert(bookings)
      .values({ spaceId: kiln, userId: staff.id, status: 'confirmed', startsAt: start, endsAt: end, blockStart: start, blockEnd: new Date(end.getTime() + after * 60_000), purpose: '共享素烧' })
      .returning({ id: bookings.id });
    await tx.insert(spaceSlots).values({ spaceId: kiln, startsAt: start, endsAt: end, capacity: 6, titleZh: '共享素烧（按层预约）', titleEn: 'Shared bisque firing (by the shelf)', kilnBookingId: k!.id, createdBy: staff.id });
  });
}
