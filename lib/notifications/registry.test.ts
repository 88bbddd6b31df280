import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { DOMAINS } from '@/lib/domains';
import { NOTIFICATION_KINDS, isNotificationKind, presentStored } from './kinds';
import { defineNotificationKinds, kind, mergeNotificationKinds, presentNotification } from './registry';

const stored = (kind: string, payload: Record<string, unknown>, read = false) => ({ id: '00000000-0000-4000-8000-000000000001', kind, payload, read, createdAt: '2026-11-27T02:00:00.000Z' });

describe('notification kind registry', () => {
  const demo = defineNotificationKinds({
    'booking.confirmed': kind({
      label: { zh: '预约已确认', en: 'Booking confirmed' },
      payload: z.looseObject({ bookingId: z.string(), room: z.string().optional() }),
      href: (p) => `/bookings#${p.bookingId}`,
      detail: (p, locale) => (p.room ? (locale === 'en' ? `Room ${p.room}` : `${p.room} 室`) : null),
    }),
    'booking.external': kind({ label: { zh: '外链', en: 'External' }, payload: z.looseObject({}), href: () => '//evil.example/x' }),
  });

  it('refuses malformed kind names and missing labels', () => {
    expect(() => defineNotificationKinds({ Booking: kind({ label: { zh: '甲', en: 'A' }, payload: z.looseObject({}), href: () => '/' }) })).toThrow(/domain\.something/);
    expect(() => defineNotificationKinds({ 'booking.x': kind({ label: { zh: ' ', en: 'A' }, payload: z.looseObject({}), href: () => '/' }) })).toThrow(/zh and an en label/);
  });

  it('refuses a kind registered by two domains', () => {
    expect(() => mergeNotificationKinds([demo, { 'booking.confirmed': demo['booking.confirmed'] }])).toThrow(/registered twice/);
    expect(Object.keys(mergeNotificationKinds([demo, undefined]))).toEqual(['booking.confirmed', 'booking.external']);
  });

  it('renders a stored notification through its kind, in the reader’s language', () => {
    expect(presentNotification(demo, stored('booking.confirmed', { bookingId: 'b1', room: 'A2' }), 'en')).toMatchObject({ label: 'Booking confirmed', href: '/bookings#b1', detail: 'Room A2', alert: null, read: false });
    expect(presentNotification(demo, stored('booking.confirmed', { bookingId: 'b1' }), 'zh-CN')).toMatchObject({ label: '预约已确认', detail: null });
  });

  it('still shows unknown kinds and payloads its kind no longer accepts, linking to the list', () => {
    expect(presentNotification(demo, stored('gone.kind', { x: 1 }), 'zh-CN')).toMatchObject({ label: '系统消息', href: '/notifications', detail: null });
    expect(presentNotification(demo, stored('booking.confirmed', { room: 'A2' }), 'en')).toMatchObject({ label: 'Booking confirmed', href: '/notifications', detail: null });
    // inherited names are not kinds
    expect(presentNotification(demo, stored('constructor', {}), 'en').label).toBe('Notification');
  });

  it('only ever links inside the app', () => {
    expect(presentNotification(demo, stored('booking.external', {}), 'en').href).toBe('/notifications');
  });
});

describe('the kinds the domains register', () => {
  it('collects every manifest’s kinds, the policy domain’s four among them', () => {
    for (const k of ['policy.eligible', 'policy.grant_pending', 'application.approved', 'application.rejected']) expect(isNotificationKind(k), k).toBe(true);
    expect(isNotificationKind('policy.unknown')).toBe(false);
    const declared = DOMAINS.flatMap((d) => ('notifications' in d ? Object.keys(d.notifications) : []));
    expect(Object.keys(NOTIFICATION_KINDS).sort()).toEqual(declared.sort());
  });

  it('renders the policy kinds as the list did before (labels, links, title and amount, rejection reason)', () => {
    const eligible = stored('policy.eligible', { policyCode: 'JP-021', version: '1.0.0', title: { zh: '青年人才生活补贴', en: 'Young talent living allowance' }, amountEstimate: 5000, automatic: false });
    expect(presentStored(eligible, 'zh-CN')).toMatchObject({ label: '你有一项新政策可以申请', href: '/my-policies#JP-021', detail: '青年人才生活补贴 · 5,000 元' });
    expect(presentStored(eligible, 'en')).toMatchObject({ label: 'A new policy is open to you', detail: 'Young talent living allowance · CNY 5,000' });
    expect(presentStored(stored('policy.grant_pending', { policyCode: 'JP-001' }), 'zh-CN')).toMatchObject({ href: '/applications', detail: 'JP-001' });
    const rejected = stored('application.rejected', { applicationId: 'a-1', policyCode: 'JP-003', reason: '社保不足 6 个月' });
    expect(presentStored(rejected, 'zh-CN')).toMatchObject({ label: '你的申请未通过', href: '/applications#a-1', detail: 'JP-003', alert: '原因：社保不足 6 个月' });
    expect(presentStored(stored('application.approved', { applicationId: 'a-2', policyCode: 'JP-003' }), 'en')).toMatchObject({ label: 'Your application was approved', href: '/applications#a-2', alert: null });
  });

  it('every kind has both labels', () => {
    for (const [name, def] of Object.entries(NOTIFICATION_KINDS)) expect(def.label.zh.trim() && def.label.en.trim(), name).toBeTruthy();
  });
});
