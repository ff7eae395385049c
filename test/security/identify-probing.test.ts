/**
 * `store.identify` as a probe. Before: a phone number alone answered
 * "returning" (~300 probes/s), overwrote the real visitor's nickname and
 * retention date, and stored numbers whose owners never agreed.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startWebKiosk, type WebKiosk } from '../support/web-kiosk';
import { callOver, openScreenSocket } from '../support/screen-socket';

let kiosk: WebKiosk | null = null;
afterEach(async () => {
  await kiosk?.stop();
  kiosk = null;
});

const rid = (n: number) => `probe-request-${String(n).padStart(4, '0')}`;

describe('identify probing', () => {
  it('a number alone never says "returning", and a wrong nickname changes nothing stored', async () => {
    kiosk = await startWebKiosk();
    // The real visitor, earlier.
    await kiosk.call('store.start', { requestId: rid(1), consent: true });
    expect(await kiosk.call('store.identify', { requestId: rid(1), nickname: '해바라기', phone: '010-2468-1357' })).toMatchObject({ returning: false });
    const stored = kiosk.services.db!.prepare('SELECT nickname, last_visit_at, phone_enc FROM store_visitors').all();

    // The prober, on the kiosk screen, knows the number only.
    const ws = await openScreenSocket(kiosk.url);
    expect((await callOver(ws, 1, 'store.start', { requestId: rid(2), consent: true })).ok).toBe(true);
    const probe = await callOver(ws, 2, 'store.identify', { requestId: rid(2), nickname: '아무개', phone: '01024681357' });
    expect(probe).toEqual({ ok: true, value: { returning: false, needsSelfCheck: true } });
    // Exactly what an unknown number answers: nothing tells the two apart.
    expect((await callOver(ws, 3, 'store.start', { requestId: rid(3), consent: true })).ok).toBe(true);
    expect(await callOver(ws, 4, 'store.identify', { requestId: rid(3), nickname: '아무개', phone: '01000000001' })).toEqual(probe);
    expect(kiosk.services.db!.prepare("SELECT nickname, last_visit_at, phone_enc FROM store_visitors WHERE nickname = '해바라기'").all()).toEqual(stored);
    expect(kiosk.count('SELECT COUNT(*) FROM store_visits WHERE request_id = ? AND visitor_id IS NOT NULL', rid(2))).toBe(0);
    ws.close();
  });

  it('nothing is written for a number before the visitor consented in that visit', async () => {
    kiosk = await startWebKiosk();
    const ws = await openScreenSocket(kiosk.url);
    const noVisit = await callOver(ws, 1, 'store.identify', { requestId: rid(1), nickname: '별', phone: '010-1111-2222' });
    expect(noVisit.ok).toBe(false);
    await callOver(ws, 2, 'store.start', { requestId: rid(2), consent: false });
    expect((await callOver(ws, 3, 'store.identify', { requestId: rid(2), nickname: '별', phone: '010-1111-2222' })).error).toMatchObject({ code: 'store.no_consent' });
    expect(kiosk.count('SELECT COUNT(*) FROM store_visitors')).toBe(0);
    ws.close();
  });

  it('probing is throttled per screen: a burst, then a kind typed refusal', async () => {
    kiosk = await startWebKiosk();
    const ws = await openScreenSocket(kiosk.url);
    await callOver(ws, 1, 'store.start', { requestId: rid(1), consent: true });
    const answers = [];
    for (let i = 0; i < 8; i++) answers.push(await callOver(ws, 10 + i, 'store.identify', { requestId: rid(1), nickname: '별', phone: `010-3000-${String(1000 + i)}` }));
    expect(answers.slice(0, 5).every((a) => a.ok)).toBe(true);
    expect(answers.slice(5).map((a) => a.error?.code)).toEqual(['app.rate_limited', 'app.rate_limited', 'app.rate_limited']);
    ws.close();
  });

  it('probing is throttled per number: past a few tries the right nickname gets a first visit, nothing is looked up', async () => {
    kiosk = await startWebKiosk();
    await kiosk.call('store.start', { requestId: rid(1), consent: true });
    await kiosk.call('store.identify', { requestId: rid(1), nickname: '해바라기', phone: '010-2468-1357' });
    for (let n = 2; n <= 6; n++) {
      await kiosk.call('store.start', { requestId: rid(n), consent: true });
      await kiosk.call('store.identify', { requestId: rid(n), nickname: `guess ${n}`, phone: '010-2468-1357' });
    }
    await kiosk.call('store.start', { requestId: rid(7), consent: true });
    expect(await kiosk.call('store.identify', { requestId: rid(7), nickname: '해바라기', phone: '010-2468-1357' })).toMatchObject({ returning: false });
  });
});
