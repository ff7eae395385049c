/** The a11y domain through dispatch, as the renderer calls it: settings, and speech through a configured TTS program. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeServices, type Services } from '../compose';
import { parseConfig } from '../config/load-config';
import { createLogger } from '../app/logger';
import { a11yDomainModule, createA11yDomain } from './a11y-domain';
import { systemDeps, type FindDeps } from './local-voice';
import { makeTempDir } from '../../../test/support/temp-dir';

let cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

/** A machine without any local engine, and one with espeak-ng and its Korean and English voices. */
const noEngine: FindDeps = { which: () => null, voiceList: () => null };
const withEspeak: FindDeps = {
  which: (p) => (p === 'espeak-ng' ? '/usr/bin/espeak-ng' : null),
  voiceList: () =>
    'Pty Language       Age/Gender VoiceName          File                 Other Languages\n 2  en-gb           --/M      English_(Great_Britain) gmw/en               (en 2)\n 2  en-us           --/M      English_(America)  gmw/en-US            (en 3)\n 5  ko              --/M      Korean             ko\n',
};

async function start(config: object, deps: FindDeps = noEngine): Promise<{ services: Services; dir: string }> {
  const dir = makeTempDir('itda-a11y-');
  const services = await composeServices({
    dataDir: dir.path,
    config: parseConfig(config),
    host: 'web',
    version: 'test',
    logger: createLogger({ dir: join(dir.path, 'logs'), echo: false }),
    modules: [{ ...a11yDomainModule, create: (ctx) => createA11yDomain(ctx, deps) }],
  });
  cleanup.push(async () => {
    await services.close();
    dir.remove();
  });
  return { services, dir: dir.path };
}

describe('a11y domain', () => {
  it('tells the renderer the keypad keys, the reach band and to speak with the Web Speech API on a machine without a local engine', async () => {
    const { services } = await start({});
    const r = await services.dispatch('a11y.config', {});
    expect(r).toEqual({
      ok: true,
      value: { keys: { replay: 'F2', menu: 'F1', volumeUp: 'F3', volumeDown: 'F4' }, reach: { top: 0.45, bottom: 1 }, speaker: 'web', localVoice: null },
    });
    await expect(services.dispatch('a11y.speak', { text: '안녕하세요', language: 'ko' })).resolves.toEqual({ ok: true, value: { outcome: 'no_command' } });
    // The voice check is a technician's (access.ts): with no staff sessions here the door refuses it; the handler itself answers.
    expect(await services.dispatch('a11y.testVoice', { token: 't'.repeat(32), language: 'ko' })).toMatchObject({ ok: false, error: { code: 'contract.forbidden' } });
    const testVoice = services.domains.get('a11y')!.handlers['a11y.testVoice']!;
    expect(await testVoice({ token: 't'.repeat(32), language: 'ko' }, { transport: 'test' })).toEqual({ voice: null, outcome: 'no_command' });
  });

  it('finds espeak-ng with its Korean voice by itself, with no configuration, and offers it as the local voice', async () => {
    const { services } = await start({}, withEspeak);
    expect(await services.dispatch('a11y.config', {})).toMatchObject({ ok: true, value: { speaker: 'web', localVoice: { name: 'espeak-ng', languages: ['ko', 'en'] } } });
    const domain = services.domains.get('a11y') as unknown as { service: { local: { config: { command: string; voices: object } } } };
    expect(domain.service.local.config).toMatchObject({ command: '/usr/bin/espeak-ng', voices: { ko: 'ko', en: 'en-us' } });
  });

  it('does not run espeak while the host starts, and a stopping host kills a look still running', async () => {
    const dir = makeTempDir('itda-espeak-');
    cleanup.push(() => dir.remove());
    // A stand-in espeak that never answers: it notes its pid and sleeps.
    const slow = join(dir.path, 'espeak-ng');
    const pidFile = join(dir.path, 'pid');
    writeFileSync(slow, `#!/bin/sh\necho $$ > ${pidFile}\nexec sleep 30\n`, { mode: 0o755 });
    let runs = 0;
    let given: AbortSignal | undefined;
    const deps: FindDeps = {
      which: (p) => (p === 'espeak-ng' ? slow : null),
      voiceList: (p, signal) => {
        runs++;
        given = signal;
        return systemDeps.voiceList(p, signal);
      },
    };
    const { services } = await start({}, deps);
    expect(runs).toBe(0);
    const domain = services.domains.get('a11y') as unknown as { service: { found: Promise<void> } };
    const looked = domain.service.found;
    expect(runs).toBe(1);
    await vi.waitFor(() => expect(existsSync(pidFile) && readFileSync(pidFile, 'utf8').trim()).toBeTruthy(), { timeout: 10_000 });
    const pid = Number(readFileSync(pidFile, 'utf8'));
    expect(given?.aborted).toBe(false);
    await services.close();
    expect(given?.aborted).toBe(true);
    await looked;
    // Killed, not left to sleep its 30 s (the abort answers before the child is reaped: wait for that).
    await vi.waitFor(() => expect(() => process.kill(pid, 0)).toThrow(/ESRCH/), { timeout: 10_000 });
  });

  it('stays silent without an OS voice when the kiosk is told not to look for a local engine', async () => {
    const { services } = await start({ a11y: { findLocalVoice: false } }, withEspeak);
    expect(await services.dispatch('a11y.config', {})).toMatchObject({ ok: true, value: { speaker: 'web', localVoice: null } });
  });

  it('uses the configured keys and geometry', async () => {
    const { services } = await start({ a11y: { keys: { replay: 'PageUp' }, lowReach: { screenBottomMm: 700, screenHeightMm: 1200 } } });
    const r = await services.dispatch('a11y.config', {});
    expect(r).toMatchObject({ ok: true, value: { keys: { replay: 'PageUp', menu: 'F1' }, reach: { top: 0.567, bottom: 1 } } });
  });

  it('speaks through the configured TTS program with the voice of the language, rate and volume', async () => {
    const dir = makeTempDir('itda-tts-');
    cleanup.push(() => dir.remove());
    const script = join(dir.path, 'tts.cjs');
    const out = join(dir.path, 'args.json');
    writeFileSync(script, `require('fs').writeFileSync(${JSON.stringify(out)}, JSON.stringify(process.argv.slice(2)));`);
    const { services } = await start({
      a11y: { ttsCommand: { command: process.execPath, args: [script, '-v', '{voice}', '-s', '{wpm}', '-a', '{volume}', '{text}'], voices: { ko: 'ko+f3' } } },
    });
    expect(await services.dispatch('a11y.config', {})).toMatchObject({ ok: true, value: { speaker: 'command' } });
    const r = await services.dispatch('a11y.speak', { text: '오늘의 마음 처방전', language: 'ko', rate: 0.8, volume: 0.6 });
    expect(r).toEqual({ ok: true, value: { outcome: 'spoken' } });
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(['-v', 'ko+f3', '-s', '128', '-a', '60', '오늘의 마음 처방전']);
  });

  it('refuses a config with an unknown a11y field: a typo must not pass silently', () => {
    expect(() => parseConfig({ a11y: { ttsComand: { command: 'espeak-ng' } } })).toThrow(/ttsComand/);
  });
});
