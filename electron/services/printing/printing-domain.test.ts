import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeServices, type Services } from '../compose';
import { parseConfig } from '../config/load-config';
import { createLogger } from '../app/logger';
import type { PushEvent } from '../../contract/events';
import { printingDomainModule } from './printing-domain';
import type { PrintingService } from './index';

describe('printing domain on the kiosk services (default sim printer)', () => {
  let dir: string;
  let services: Services;
  let pushes: PushEvent[];

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'itda-print-domain-'));
    pushes = [];
    services = await composeServices({
      dataDir: dir,
      config: parseConfig({}),
      host: 'web',
      version: 'test',
      logger: createLogger({ dir: null, echo: false }),
      modules: [printingDomainModule],
    });
    services.onPush((e) => pushes.push(e));
  });
  afterEach(async () => {
    await services.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('injects faults into state.json, pushes the status and raises a staff alert; the screen cannot inject them', async () => {
    const svc = services.domains.get('printing')!.service as PrintingService;
    // A technician's method: without a staff session (here, not even a staff domain) the door refuses it.
    expect(await services.dispatch('printer.simFaults', { token: 't'.repeat(32), coverOpen: true }, { transport: 'ipc', principal: { kind: 'screen' } })).toMatchObject({
      ok: false,
      error: { code: 'contract.forbidden' },
    });
    const r = await svc.setSimFaults({ coverOpen: true });
    expect(r).toMatchObject({ faults: { coverOpen: true, paperOut: false }, status: { state: 'fault', faults: ['printer.cover_open'] } });
    expect(JSON.parse(readFileSync(join(dir, 'printer-sim', 'state.json'), 'utf8'))).toMatchObject({ coverOpen: true });
    expect(pushes).toContainEqual({ name: 'device.status', payload: { device: 'printer', status: expect.objectContaining({ coverOpen: true }) } });
    expect(pushes).toContainEqual({ name: 'staff.alert', payload: expect.objectContaining({ kind: 'printer_fault' }) });
    expect(svc.ready()).toBe(false);
    await svc.setSimFaults({ coverOpen: false });
    expect(await services.dispatch('printer.status', {})).toMatchObject({ ok: true, value: { state: 'ok' } });
  });

  it('prints a test page to <dataDir>/printer-sim as text and PNG, and lists it for staff', async () => {
    // Staff print test pages through printer.staffPrint (behind a PIN); here the service is driven directly.
    const svc = services.domains.get('printing')!.service as PrintingService;
    const { jobId } = svc.testPage('text');
    expect(await svc.waitForJob(jobId, 5000)).toMatchObject({ state: 'printed', kind: 'test', mode: 'text' });
    const files = readdirSync(join(dir, 'printer-sim'));
    const txt = files.find((f) => f.endsWith('.txt'))!;
    expect(readFileSync(join(dir, 'printer-sim', txt), 'utf8')).toContain('프린터 시험 인쇄');
    expect(existsSync(join(dir, 'printer-sim', txt.replace('.txt', '.png')))).toBe(true);
    const jobs = await services.dispatch('printer.jobs', { states: ['printed'] });
    expect(jobs).toMatchObject({ ok: true, value: { jobs: [expect.objectContaining({ jobId })] } });
    expect(svc.reprint(jobId)).toMatchObject({ reprintOf: jobId, state: 'queued' });
    // Not on the open contract: a visitor's screen cannot reprint or print test pages.
    expect(await services.dispatch('printer.reprint', { jobId })).toMatchObject({ ok: false, error: { code: 'contract.unknown_method' } });
    const types = services.events!.recent({ limit: 50 }).map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(['print.job_queued', 'print.job_printing', 'print.job_printed']));
  });

  it('previews both modes as PNG at either width', async () => {
    const svc = services.domains.get('printing')!.service as PrintingService;
    const doc = { blocks: [{ type: 'title' as const, text: '미리보기' }] };
    for (const mode of ['raster', 'text'] as const) {
      for (const widthDots of [576, 384] as const) {
        const png = await svc.preview(doc, { mode, widthDots });
        expect(png.subarray(1, 4).toString()).toBe('PNG');
        expect(png.readUInt32BE(16)).toBe(widthDots);
      }
    }
  });
});
