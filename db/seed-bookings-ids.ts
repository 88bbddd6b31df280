/** Ids of the seeded spaces (db/seed-bookings.ts), importable by the e2e specs without the schema. */
export const SPACE_IDS = {
  taoxichuanStudio: '5a0c0000-0000-4000-8000-000000000001',
  taoxichuanKiln: '5a0c0000-0000-4000-8000-000000000002',
  taoxichuanLive: '5a0c0000-0000-4000-8000-000000000003',
  sanbaoWoodKiln: '5a0c0000-0000-4000-8000-000000000004',
  sanbaoGasKiln: '5a0c0000-0000-4000-8000-000000000005',
  sculptureHall: '5a0c0000-0000-4000-8000-000000000006',
  sculptureKiln: '5a0c0000-0000-4000-8000-000000000007',
  jkqStudio: '5a0c0000-0000-4000-8000-000000000008',
  jkqMeeting: '5a0c0000-0000-4000-8000-000000000009',
} as const;
