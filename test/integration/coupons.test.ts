/**
 * 동행 가게 coupons through the whole services: a Mind Pharmacy visit takes
 * its one coupon and the slip prints; the code is on paper only (not in the
 * database file, its WAL, or any event); a shop's phone (an enrolled device
 * with a shop session) redeems its own coupons once and sees nothing of
 * another shop's; two processes redeeming the same codes at the same moment
 * leave exactly one winner each.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../electron/services/app/project-paths';
import type { CallMeta } from '../../electron/contract/dispatch';
import { startTestServices, type TestServices } from '../support/test-services';
import { setUpStaff, type StaffTokens } from '../support/staff-pins';

const REDEEM_URL = 'https://kiosk.venue.lan:8443/redeem';
let t: TestServices;
let staff: StaffTokens;
let symptomId: string;
let shopA: string;
let shopB: string;
const PIN_A = '246802';
const PIN_B = '135792';

const phoneA: CallMeta = { transport: 'ws', connectionId: 'ws-a', principal: { kind: 'device', deviceId: 'dev-a', name: 'shop A phone' } };
const phoneB: CallMeta = { transport: 'ws', connectionId: 'ws-b', principal: { kind: 'device', deviceId: 'dev-b', name: 'shop B phone' } };
const screen: CallMeta = { transport: 'ws', connectionId: 'ws-s', principal: { kind: 'screen' } };

async function call<T = any>(method: string, input: unknown, meta?: CallMeta): Promise<T> {
  const r = await t.services.dispatch(method, input, meta);
  if (!r.ok) throw Object.assign(new Error(`${method}: ${JSON.stringify(r.error)}`), { code: r.error.code });
  return r.value as T;
}
async function refusal(method: string, input: unknown, meta?: CallMeta): Promise<string> {
  const r = await t.services.dispatch(method, input, meta);
  if (r.ok) throw new Error(`${method} was not refused`);
  return r.error.code;
}

const shop = (nameKo: string, over: Record<string, unknown> = {}) => ({
  nameKo,
  nameEn: `${nameKo} (en)`,
  address: '서울 중구 예시로 1',
  district: 'jung',
  givesKo: '반찬 나눔',
  givesEn: 'a shared side dish',
  dailyBudget: 5,
  validityDays: 7,
  ...over,
});

/** A Mind Pharmacy visit: the prescription a coupon comes with. */
async function visit(n: number): Promise<string> {
  const requestId = `coupon-visit-${String(n).padStart(4, '0')}`;
  await call('pharmacy.prescribe', { symptomId, requestId, language: 'ko' });
  return requestId;
}

/** The code as the paper shows it (the simulator's text of the newest coupon slip). */
function codeOnPaper(): string {
  const dir = join(t.dataDir, 'printer-sim');
  const texts = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(dir, f), 'utf8'));
  const slip = texts.reverse().find((x) => x.includes('나눔 쿠폰'));
  const m = slip && /\n([2-9A-HJ-NP-Z]{5}-[2-9A-HJ-NP-Z]{5}-[2-9A-HJ-NP-Z]{5})\n/.exec(slip);
  if (!m) throw new Error('no coupon code on paper');
  return m[1]!;
}

beforeAll(async () => {
  t = await startTestServices({ printer: { mode: 'text' }, coupons: { redeemUrl: REDEEM_URL } } as never, { prefix: 'itda-coupons-' });
  staff = await setUpStaff(t.services);
  symptomId = (await call<{ symptoms: { id: string }[] }>('pharmacy.catalog', {})).symptoms[0]!.id;
  shopA = (await call('coupons.staffSaveShop', { token: staff.admin, shop: shop('가나 반찬') })).shop.shopId;
  shopB = (await call('coupons.staffSaveShop', { token: staff.admin, shop: shop('다라 식당', { givesKo: '점심 한 끼', givesEn: 'one lunch' }) })).shop.shopId;
  await call('coupons.staffSetShopPin', { token: staff.admin, shopId: shopA, pin: PIN_A });
  await call('coupons.staffSetShopPin', { token: staff.admin, shopId: shopB, pin: PIN_B });
}, 60_000);

afterAll(async () => {
  await t?.stop();
});

describe('a visit takes one coupon, printed', () => {
  it('offers a shop after the prescription, prints the slip, and gives no second coupon to the same visit', async () => {
    // A shop's district is one of the 25 자치구, by id.
    expect(await refusal('coupons.staffSaveShop', { token: staff.admin, shop: shop('마바 카페', { district: '중구' }) })).toBe('contract.invalid_input');
    const requestId = `coupon-visit-none`;
    expect(await call('coupons.offer', { requestId })).toEqual({ offer: null, taken: false });
    expect(await refusal('coupons.take', { requestId, shopId: shopA, language: 'ko' })).toBe('coupons.no_visit');

    const r = await visit(1);
    const { offer } = await call('coupons.offer', { requestId: r });
    expect(offer).toMatchObject({ gives: { ko: expect.any(String) }, expiresOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    const taken = await call('coupons.take', { requestId: r, shopId: offer.shopId, language: 'ko' });
    expect(taken.print.outcome).toBe('printed');
    expect(JSON.stringify(taken)).not.toMatch(/[2-9A-HJ-NP-Z]{5}-[2-9A-HJ-NP-Z]{5}/);
    const code = codeOnPaper();
    const paper = readdirSync(join(t.dataDir, 'printer-sim')).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(t.dataDir, 'printer-sim', f), 'utf8')).join('\n');
    expect(paper).toContain(`[QR ${REDEEM_URL}#${code}]`);
    expect(paper).toContain(`${taken.expiresOn}까지`);

    // The same visit again: the same coupon, no second slip; the offer says it is taken.
    const again = await call('coupons.take', { requestId: r, shopId: shopB, language: 'ko' });
    expect(again).toMatchObject({ shopId: offer.shopId, expiresOn: taken.expiresOn });
    expect(t.services.db!.prepare("SELECT COUNT(*) FROM print_jobs WHERE kind = 'coupon'").pluck().get()).toBe(1);
    expect(await call('coupons.offer', { requestId: r })).toEqual({ offer: null, taken: true });
  });

  it('keeps the clear code out of the database file, its WAL and every event', async () => {
    const r = await visit(2);
    const { offer } = await call('coupons.offer', { requestId: r });
    await call('coupons.take', { requestId: r, shopId: offer.shopId, language: 'en' });
    const code = codeOnPaper();
    const bare = code.replace(/-/g, '');
    for (const f of ['itda.db', 'itda.db-wal', 'itda.db-shm']) {
      const file = join(t.dataDir, f);
      if (!existsSync(file)) continue;
      const bytes = readFileSync(file);
      expect({ f, bare: bytes.includes(bare), grouped: bytes.includes(code) }).toEqual({ f, bare: false, grouped: false });
    }
    const events = t.services.db!.prepare("SELECT type, payload FROM events WHERE type LIKE 'coupon.%'").all() as { type: string; payload: string }[];
    expect(events.length).toBeGreaterThan(0);
    for (const e of events) {
      expect(e.payload).not.toContain(bare);
      // Ids and outcomes only: no code, no request, no person.
      expect(Object.keys(JSON.parse(e.payload)).every((k) => ['couponId', 'shopId', 'reason', 'ok'].includes(k))).toBe(true);
    }
    const cols = (t.services.db!.prepare('PRAGMA table_info(coupons)').all() as { name: string }[]).map((c) => c.name);
    expect(cols).not.toContain('code');
    expect(cols.filter((c) => /phone|nickname|visitor|request/.test(c))).toEqual([]);
  });
});

describe("a shop's phone", () => {
  let tokenA: string;
  let tokenB: string;

  it('logs in with its shop PIN only from an enrolled device, never from the kiosk screen', async () => {
    expect(await refusal('coupons.shopLogin', { shopId: shopA, pin: PIN_B }, phoneA)).toBe('coupons.pin_wrong');
    tokenA = (await call('coupons.shopLogin', { shopId: shopA, pin: PIN_A }, phoneA)).shopToken;
    tokenB = (await call('coupons.shopLogin', { shopId: shopB, pin: PIN_B }, phoneB)).shopToken;
    expect(await refusal('coupons.shopCheck', { shopToken: tokenA, code: 'x' }, screen)).toBe('contract.forbidden');
    expect(await refusal('coupons.shopCheck', { shopToken: tokenA, code: 'x' }, { transport: 'ws', principal: { kind: 'anonymous' } })).toBe('contract.forbidden');
    // The token is bound to the phone's connection; a staff token opens no shop method.
    expect(await refusal('coupons.shopCheck', { shopToken: tokenA, code: 'x' }, phoneB)).toBe('coupons.session_expired');
    expect(await refusal('coupons.shopCheck', { shopToken: staff.admin, code: 'x' }, phoneA)).toBe('coupons.session_expired');
  });

  it('redeems its own coupon once; another shop neither sees nor redeems it', async () => {
    const r = await visit(3);
    await call('coupons.take', { requestId: r, shopId: shopA, language: 'ko' });
    const code = codeOnPaper();
    expect(await call('coupons.shopCheck', { shopToken: tokenB, code }, phoneB)).toEqual({ status: 'other_shop', gives: null, expiresOn: null, usedAt: null });
    expect((await call('coupons.shopRedeem', { shopToken: tokenB, code }, phoneB)).status).toBe('other_shop');
    expect(await call('coupons.shopCheck', { shopToken: tokenA, code: code.toLowerCase() }, phoneA)).toMatchObject({ status: 'valid', gives: { ko: '반찬 나눔' } });
    expect((await call('coupons.shopRedeem', { shopToken: tokenA, code }, phoneA)).status).toBe('redeemed');
    const second = await call('coupons.shopRedeem', { shopToken: tokenA, code }, phoneA);
    expect(second).toMatchObject({ status: 'used', usedAt: expect.any(String) });
    expect((await call('coupons.shopCheck', { shopToken: tokenA, code: 'ABCDE-FGHJK-LMNPQ' }, phoneA)).status).toBe('check');
    const recentB = await call('coupons.shopRecent', { shopToken: tokenB }, phoneB);
    expect(recentB.recent).toEqual([]);
    expect((await call('coupons.shopRecent', { shopToken: tokenA }, phoneA)).today).toBe(1);
    const weekly = await call('coupons.staffWeekly', { token: staff.staff });
    expect(weekly.rows.find((w: { shopId: string }) => w.shopId === shopA)).toMatchObject({ issued: expect.any(Number), redeemed: 1 });
    // The dashboard counts per shop from the events, as the city roll-up does.
    const dash = await call('staff.dashboard', { token: staff.staff, days: 7 });
    expect(dash.couponsByShop.find((c: { shopId: string }) => c.shopId === shopA)).toMatchObject({ redeemed: 1 });
    expect((await call('staff.dashboardCsv', { token: staff.staff, days: 7 })).csv).toContain(`coupons_redeemed,${shopA},1`);
  });

  it('pausing a shop stops its offers and its redemptions until staff resume it', async () => {
    const r = await visit(4);
    await call('coupons.take', { requestId: r, shopId: shopA, language: 'ko' });
    const code = codeOnPaper();
    await call('coupons.staffPauseShop', { token: staff.staff, shopId: shopA, paused: true });
    expect((await call('coupons.shopRedeem', { shopToken: tokenA, code }, phoneA)).status).toBe('paused');
    const r5 = await visit(5);
    expect(await refusal('coupons.take', { requestId: r5, shopId: shopA, language: 'ko' })).toBe('coupons.shop_paused');
    const offer = (await call('coupons.offer', { requestId: r5 })).offer;
    expect(offer?.shopId).not.toBe(shopA);
    await call('coupons.staffPauseShop', { token: staff.staff, shopId: shopA, paused: false });
    expect((await call('coupons.shopRedeem', { shopToken: tokenA, code }, phoneA)).status).toBe('redeemed');
  });

  it('locks the phone after five wrong PINs', async () => {
    const phoneC: CallMeta = { transport: 'ws', connectionId: 'ws-c', principal: { kind: 'device', deviceId: 'dev-c', name: 'stranger' } };
    const codes: string[] = [];
    for (let i = 0; i < 6; i++) codes.push(await refusal('coupons.shopLogin', { shopId: shopA, pin: '000111' }, phoneC));
    expect(codes.slice(0, 4)).toEqual(Array(4).fill('coupons.pin_wrong'));
    expect(codes.slice(4)).toEqual(['coupons.locked', 'coupons.locked']);
    expect(await refusal('coupons.shopLogin', { shopId: shopA, pin: PIN_A }, phoneC)).toBe('coupons.locked');
  });
});

describe('two processes redeem the same codes at the same moment', { timeout: 60_000 }, () => {
  it('each code has exactly one winner', async () => {
    const codes: string[] = [];
    await call('coupons.staffSaveShop', { token: staff.admin, shopId: shopB, shop: shop('다라 식당', { dailyBudget: 100 }) });
    for (let i = 0; i < 8; i++) {
      await call('coupons.take', { requestId: await visit(100 + i), shopId: shopB, language: 'ko' });
      codes.push(codeOnPaper());
    }
    const now = new Date().toISOString();
    const workers = ['proc-1', 'proc-2'].map((device) => {
      const child = spawn(process.execPath, ['--import', 'tsx', join('test', 'integration', 'coupon-race-worker.ts'), t.dataDir, device, shopB, codes.join(','), now], {
        cwd: projectRoot(),
        stdio: ['pipe', 'pipe', 'inherit'],
      });
      let out = '';
      let onReady!: () => void;
      const ready = new Promise<void>((r) => (onReady = r));
      const done = new Promise<string[]>((resolve, reject) => {
        child.stdout!.on('data', (c: Buffer) => {
          out += c.toString();
          if (out.startsWith('ready\n')) onReady();
        });
        child.on('error', reject);
        child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.slice('ready\n'.length))) : reject(new Error(`worker exited ${code}`))));
      });
      return { child, ready, done };
    });
    await Promise.all(workers.map((w) => w.ready));
    for (const w of workers) w.child.stdin!.write('go\n');
    const [a, b] = await Promise.all(workers.map((w) => w.done));
    for (let i = 0; i < codes.length; i++) expect([a![i], b![i]].sort()).toEqual(['redeemed', 'used']);
    const byDevice = t.services.db!.prepare("SELECT redeemed_device, COUNT(*) AS n FROM coupons WHERE shop_id = ? AND redeemed_device LIKE 'proc-%' GROUP BY redeemed_device").all(shopB) as { n: number }[];
    expect(byDevice.reduce((s, r) => s + r.n, 0)).toBe(codes.length);
  });
});
