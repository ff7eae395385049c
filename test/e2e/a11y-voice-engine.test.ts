/**
 * The real speech path, without the recording speaker: a kiosk whose voice
 * is a local program (here a stand-in that writes what it is told to say)
 * hears each screen as the renderer prepares it for the ear: help-line
 * numbers digit by digit, never as amounts, at the visitor's rate and volume.
 */
import { readFileSync, existsSync } from 'node:fs';
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
    const log = join(dir.path, 'said.tsv');
    // Each utterance as one line, voice, wpm, volume and text split by tabs. The stand-in is a
    // shell one-liner rather than a Node script: it writes within a millisecond of its start, so
    // a busy machine does not let the next utterance stop it before it said anything (a real
    // engine starts as fast). The text stays one argument: the shell never parses it.
    const script = `printf '%s\\t%s\\t%s\\t%s\\n' "$1" "$2" "$3" "$4" >> ${JSON.stringify(log)}`;
    const kiosk = await e2e.start({
      kioskId: 'e2e-voice-engine',
      idleSeconds: 600,
      a11y: { ttsCommand: { command: '/bin/sh', args: ['-c', script, 'tts', '{voice}', '{wpm}', '{volume}', '{text}'] } },
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

    const said = () => (existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n').map((l) => l.split('\t')) : []);
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
