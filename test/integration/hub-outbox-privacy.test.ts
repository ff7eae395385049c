/**
 * What leaves the kiosk for the venue hub is its event log (the outbox reads
 * it after the acknowledged mark). A whole visit with a nickname and a phone
 * number runs, then every event the outbox would send is searched for them
 * in every way people write them: events carry ids and categories only.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startTestServices, type TestServices } from '../support/test-services';
import { Outbox } from '../../electron/services/hub-sync/outbox';

const NICKNAME = '해바라기 451';
const PHONE_FORMS = ['01087654321', '010-8765-4321', '8765-4321', '87654321', '+821087654321', '1087654321'];

let kiosk: TestServices | null = null;
afterEach(async () => {
  await kiosk?.stop();
  kiosk = null;
});

describe('the hub outbox', { timeout: 60_000 }, () => {
  it('carries no nickname and no phone number in any event payload', async () => {
    kiosk = await startTestServices({ kioskId: 'outbox-privacy-1' }, { prefix: 'itda-outbox-privacy-' });
    const { services } = kiosk;
    const call = async (method: string, input: unknown) => {
      const r = await services.dispatch(method, input);
      if (!r.ok) throw new Error(`${method}: ${r.error.code}`);
      return r.value as any;
    };
    const rid = 'outbox-privacy-visit-1';
    await call('store.start', { requestId: rid, consent: true });
    await call('store.identify', { requestId: rid, nickname: NICKNAME, phone: '010-8765-4321' });
    await call('store.selfCheck', { requestId: rid, answers: { companionship: 3, leftOut: 3, isolated: 2, contact: false, helper: false } });
    await call('store.chooseSnacks', { requestId: rid, itemIds: ['cup-ramen'] });
    await call('store.talkNow', { requestId: rid });
    await call('store.finish', { requestId: rid, language: 'ko' });
    await call('store.start', { requestId: 'outbox-privacy-visit-2', consent: true });
    await call('store.identify', { requestId: 'outbox-privacy-visit-2', nickname: NICKNAME, phone: '+82 10 8765 4321' });
    await call('store.crisis', { requestId: 'outbox-privacy-visit-2' });

    const outbox = new Outbox(services.db!, services.events!);
    const sent = outbox.next(10_000);
    const types = new Set(sent.map((e) => e.type));
    expect(types).toContain('store.identified');
    expect(types).toContain('store.self_checked');
    expect(sent.map((e) => e.kioskSeq)).toEqual(sent.map((_, i) => i + 1));
    const wire = JSON.stringify(sent);
    for (const needle of [NICKNAME, ...PHONE_FORMS]) expect(wire.includes(needle), needle).toBe(false);
  });
});
