/**
 * What a person with the disk (but not the key) can read: the whole kiosk
 * (every domain, the printer simulator, real logs) runs a check-in with a
 * phone number, then every file under the data dir is searched for that
 * number in the ways people write it. The key file sits outside the
 * database with owner-only permissions. An erased visitor's nickname is
 * gone from the database file and the WAL, not just unlinked.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { composeServices, type Services } from '../../electron/services/compose';
import { parseConfig } from '../../electron/services/config/load-config';
import { createLogger } from '../../electron/services/app/logger';
import type { VisitorRegistry } from '../../electron/services/store/visitors';
import { makeTempDir } from '../support/temp-dir';

const PHONE = '01023456789';
const FORMS = ['01023456789', '010-2345-6789', '010 2345 6789', '1023456789', '23456789', '2345-6789', '+821023456789'];
/** A nickname nobody else would write: easy to find on disk while it should be there. */
const NICKNAME = '코스모스 987';

let dir: ReturnType<typeof makeTempDir> | null = null;
let services: Services | null = null;
afterEach(async () => {
  await services?.close();
  services = null;
  dir?.remove();
  dir = null;
});

function filesUnder(root: string): string[] {
  return readdirSync(root, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

/** Which files under the data dir hold `needle` as UTF-8 or UTF-16 (SQLite may store either). */
function filesHolding(root: string, needle: string): string[] {
  const utf8 = Buffer.from(needle, 'utf8');
  const utf16 = Buffer.from(needle, 'utf16le');
  return filesUnder(root).filter((f) => {
    const buf = readFileSync(f);
    return buf.includes(utf8) || buf.includes(utf16);
  });
}

async function start(): Promise<Services> {
  dir = makeTempDir('itda-store-privacy-');
  services = await composeServices({
    dataDir: dir.path,
    config: parseConfig({ kioskId: 'privacy-1' }),
    host: 'web',
    version: 'test',
    logger: createLogger({ dir: join(dir.path, 'logs'), echo: false }),
  });
  return services;
}

async function call(method: string, input: unknown) {
  const r = await services!.dispatch(method, input);
  if (!r.ok) throw Object.assign(new Error(`${method}: ${r.error.code}`), r.error);
  return r.value as any;
}

describe('visitor data on disk', { timeout: 60_000 }, () => {
  it('never holds the phone number in plain text: database, WAL, logs, print queue, slips', async () => {
    await start();
    const rid = 'privacy-request-1';
    await call('store.start', { requestId: rid, consent: true });
    // A mistyped number first: the error path must not log it either.
    await expect(call('store.identify', { requestId: rid, nickname: NICKNAME, phone: '010-2345-678' })).rejects.toMatchObject({ code: 'store.bad_phone' });
    await expect(call('store.identify', { requestId: rid, nickname: NICKNAME, phone: '02-2345-6789' })).rejects.toMatchObject({ code: 'store.bad_phone' });
    expect(await call('store.identify', { requestId: rid, nickname: NICKNAME, phone: '010-2345-6789' })).toMatchObject({ returning: false });
    await call('store.selfCheck', { requestId: rid, answers: { companionship: 2, leftOut: 2, isolated: 2, contact: true, helper: false } });
    await call('store.chooseSnacks', { requestId: rid, itemIds: ['cup-ramen'] });
    await call('store.talkNow', { requestId: rid });
    const done = await call('store.finish', { requestId: rid, language: 'ko' });
    expect(done.print.outcome).toBe('printed');
    // A second visit with another format of the same number: recognised by the keyed hash.
    await call('store.start', { requestId: 'privacy-request-2', consent: true });
    expect(await call('store.identify', { requestId: 'privacy-request-2', nickname: NICKNAME, phone: '+82 10 2345 6789' })).toMatchObject({ returning: true });

    const root = dir!.path;
    const files = filesUnder(root).map((f) => f.slice(root.length + 1));
    expect(files).toContain('itda.db');
    expect(files).toContain('itda.db-wal');
    expect(files.some((f) => f.startsWith('logs/'))).toBe(true);
    expect(files.some((f) => f.startsWith('printer-sim/'))).toBe(true);
    for (const form of FORMS) expect(filesHolding(root, form), form).toEqual([]);

    // Yet the kiosk can read it back with the key (for a later call-back feature), bound to its row.
    const row = services!.db!.prepare('SELECT id, phone_enc FROM store_visitors').get() as { id: string; phone_enc: string };
    expect(row.phone_enc.startsWith('v1.')).toBe(true);
    const key = join(root, 'keys', 'visitor.key');
    expect(statSync(key).mode & 0o777).toBe(0o600);
    expect(statSync(join(root, 'keys')).mode & 0o077).toBe(0);
  });

  it('erasure on request leaves no nickname in the database file or the WAL, and counts stay', async () => {
    await start();
    await call('store.start', { requestId: 'erase-request-1', consent: true });
    await call('store.identify', { requestId: 'erase-request-1', nickname: NICKNAME, phone: PHONE });
    await call('store.finish', { requestId: 'erase-request-1', language: 'ko' });
    const root = dir!.path;
    expect(filesHolding(root, NICKNAME).length).toBeGreaterThan(0);

    // What the staff console's erase calls (behind its PIN): the store's visitor registry.
    const store = services!.domains.get('store')!.service as { visitors: VisitorRegistry };
    expect(store.visitors.eraseByPhone(PHONE)).toBe(true);
    services!.db!.pragma('wal_checkpoint(TRUNCATE)');
    expect(filesHolding(root, NICKNAME)).toEqual([]);
    expect(services!.db!.prepare('SELECT COUNT(*) FROM store_visits').pluck().get()).toBe(1);
    expect(services!.db!.prepare('SELECT COUNT(*) FROM store_visitors').pluck().get()).toBe(0);
  });
});
