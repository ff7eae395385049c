/**
 * The real speech path, without the recording speaker: a kiosk whose voice
 * is a local program (here a stand-in that writes what it is told to say)
 * hears each screen as the renderer prepares it for the ear: help-line
 * numbers digit by digit, never as amounts, at the visitor's rate and volume.
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { useE2eKiosk } from '../support/e2e-kiosk';
import { KIOSK_VIEWPORT } from '../support/browser';
import { makeTempDir } from '../support/temp-dir';

const e2e = useE2eKiosk();
const dir = makeTempDir('itda-voice-e2e-');
afterAll(() => dir.remove());

describe('speech through the local engine', { timeout: 120_000 }, () => {
  it('says the crisis lines digit by digit, at the rate and volume the visitor chose', async () => {
    const script = join(dir.path, 'tts.cjs');
    const log = join(dir.path, 'said.jsonl');
    // Each utterance as one JSON line: [voice, wpm, volume, text].
    writeFileSync(script, `require('fs').appendFileSync(${JSON.stringify(log)}, JSON.stringify(process.argv.slice(2)) + '\\n');`);
    const kiosk = await e2e.start({
      kioskId: 'e2e-voice-engine',
      idleSeconds: 600,
      a11y: { ttsCommand: { command: process.execPath, args: [script, '{voice}', '{wpm}', '{volume}', '{text}'] } },
    });
    const context = await e2e.browser.newContext({ viewport: KIOSK_VIEWPORT, hasTouch: true });
    const page = await context.newPage();
    await page.goto(kiosk.url);
    await page.getByTestId('attract').waitFor();
    await page.getByTestId('a11y-menu').click();
    await page.getByTestId('a11y-voice').click();
    expect(await page.getByTestId('a11y-voice-in-use').getAttribute('data-kind')).toBe('local');
    await page.getByTestId('a11y-volume-down').click();
    await page.getByTestId('a11y-close').click();
    await page.getByTestId('attract-start').click();
    await page.getByTestId('service-pharmacy').click();
    await page.getByTestId('symptom-crisis').click();
    await page.getByTestId('pharmacy-crisis').waitFor();

    const said = () => (existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as string[]) : []);
    await expect.poll(() => said().some(([, , , text]) => text!.includes('자살예방상담전화')), { timeout: 30_000 }).toBe(true);
    const crisis = said().find(([, , , text]) => text!.includes('자살예방상담전화'))!;
    const [voice, wpm, volume, text] = crisis;
    expect(voice).toBe('ko');
    expect(volume).toBe('80');
    expect(Number(wpm)).toBeGreaterThan(0);
    // The help lines, as they are said: 109 일공구, 02-120 공이 일이공; no number read as an amount.
    expect(text).toContain('일공구');
    expect(text).toContain('공이, 일이공');
    expect(text).not.toMatch(/\d/);
    expect(text).not.toContain('백구');
    await context.close();
  });
});
