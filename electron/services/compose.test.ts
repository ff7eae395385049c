import { afterEach, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeServices, type Services } from './compose';
import { parseConfig } from './config/load-config';
import { createLogger } from './app/logger';
import type { PushEvent } from '../contract/events';
import { makeTempDir } from '../../test/support/temp-dir';

let cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

async function start(config = {}, prepare?: (dir: string) => void): Promise<Services> {
  const dir = makeTempDir();
  prepare?.(dir.path);
  const services = await composeServices({
    dataDir: dir.path,
    config: parseConfig(config),
    host: 'web',
    version: '9.9.9',
    logger: createLogger({ dir: join(dir.path, 'logs'), echo: false }),
    modules: [],
  });
  cleanup.push(async () => {
    await services.close();
    dir.remove();
  });
  return services;
}

describe('composeServices', () => {
  it('gives the kiosk a stable generated id and answers app.info from config', async () => {
    const s = await start({ idleSeconds: 45 });
    const info = await s.dispatch('app.info', {});
    expect(info).toMatchObject({ ok: true, value: { idleSeconds: 45, version: '9.9.9', host: 'web', kioskId: s.kioskId } });
    expect(s.kioskId).toMatch(/^kiosk-[0-9a-z]{8}$/);
  });

  it('records app start and every visitor action as events with the kiosk id', async () => {
    const s = await start({ kioskId: 'mapo-1' });
    await s.dispatch('app.visitorEvent', { kind: 'session.start', language: 'ko' });
    await s.dispatch('app.visitorEvent', { kind: 'screen.view', screen: 'home' });
    await s.dispatch('app.visitorEvent', { kind: 'language.change', language: 'en' });
    await s.dispatch('app.visitorEvent', { kind: 'session.reset', reason: 'idle' });
    const types = s.events!.recent().map((e) => e.type).reverse();
    expect(types).toEqual([
      'app.started',
      'visitor.session_started',
      'visitor.screen_viewed',
      'visitor.language_changed',
      'visitor.session_reset',
    ]);
    expect(s.events!.recent().every((e) => e.kioskId === 'mapo-1')).toBe(true);
  });

  it('raises a staff alert for a staff call, stored, logged and pushed to every screen', async () => {
    const s = await start();
    const pushed: PushEvent[] = [];
    s.onPush((e) => pushed.push(e));
    const r = await s.dispatch('app.staffCall', { screen: 'home', language: 'ko' });
    expect(r.ok).toBe(true);
    const alertId = r.ok ? (r.value as { alertId: string }).alertId : '';
    const row = s.db!.prepare('SELECT kind, acknowledged_at FROM staff_alerts WHERE id = ?').get(alertId);
    expect(row).toEqual({ kind: 'staff_call', acknowledged_at: null });
    expect(s.events!.recent({ types: ['staff.called'] })[0].payload).toMatchObject({ alertId, screen: 'home' });
    expect(pushed).toContainEqual({ name: 'staff.alert', payload: expect.objectContaining({ id: alertId, kind: 'staff_call' }) });
  });

  it('starts out of service on a corrupt database, leaves the file untouched, and still answers health', async () => {
    const s = await start({}, (dir) => writeFileSync(join(dir, 'itda.db'), 'garbage'.repeat(1000)));
    expect(s.health.current).toMatchObject({ status: 'out_of_service', reason: 'storage.corrupt' });
    expect(await s.dispatch('app.health', {})).toMatchObject({ ok: true, value: { status: 'out_of_service' } });
    expect(await s.dispatch('app.visitorEvent', { kind: 'idle.prompt' })).toMatchObject({
      ok: false,
      error: { code: 'app.out_of_service' },
    });
  });

  it('goes out of service on a full disk, tells the screens, and keeps every event written before', async () => {
    const s = await start();
    await s.dispatch('app.visitorEvent', { kind: 'session.start', language: 'ko' });
    const before = s.events!.count();
    const health: unknown[] = [];
    s.onPush((e) => e.name === 'app.health' && health.push(e.payload));
    // SQLite reports SQLITE_FULL once the file may not grow: the same error a full disk gives.
    const pages = s.db!.pragma('page_count', { simple: true }) as number;
    s.db!.pragma(`max_page_count = ${pages}`);
    let result;
    for (let i = 0; i < 500; i++) {
      result = await s.dispatch('app.visitorEvent', { kind: 'screen.view', screen: 'home' });
      if (!result.ok) break;
    }
    expect(result).toMatchObject({ ok: false, error: { code: 'storage.disk_full', messageKey: 'errors.storage.disk_full' } });
    expect(s.health.current).toMatchObject({ status: 'out_of_service', reason: 'storage.disk_full' });
    expect(health).toContainEqual(expect.objectContaining({ status: 'out_of_service' }));
    expect(s.events!.count()).toBeGreaterThanOrEqual(before);
    expect(s.events!.recent({ types: ['visitor.session_started'] })).toHaveLength(1);
  });
});
