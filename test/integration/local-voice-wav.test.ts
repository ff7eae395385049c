/**
 * The kiosk's own voice, heard for real: the local engine the a11y service
 * selects on this machine with no configuration (espeak-ng here and on CI)
 * renders Korean and English screen text, prepared as the renderer prepares
 * it, to WAV files; sox checks each is sound, not silence, lasts about as
 * long as the text takes to say, and follows the visitor's rate and volume.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findLocalVoice } from '../../electron/services/a11y/local-voice';
import { TtsCommand } from '../../electron/services/a11y/tts-command';
import { spokenText } from '../../renderer/src/a11y/spoken-text';
import { countSyllables } from '../../renderer/src/i18n/reading-measure';
import { makeTempDir } from '../support/temp-dir';

const dir = makeTempDir('itda-voice-');
afterAll(() => dir.remove());

interface WavStat {
  seconds: number;
  rms: number;
  max: number;
}

/** `sox FILE -n stat` (its figures go to stderr). */
function stat(file: string): WavStat {
  const r = spawnSync('sox', [file, '-n', 'stat'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`sox could not read ${file}: ${r.stderr || r.error?.message}`);
  const text = r.stderr;
  const num = (label: string) => Number(new RegExp(`${label}:\\s+(-?[\\d.]+)`).exec(text)?.[1]);
  return { seconds: num('Length \\(seconds\\)'), rms: num('RMS\\s+amplitude'), max: num('Maximum amplitude') };
}

let voice: Awaited<ReturnType<typeof findLocalVoice>>;
beforeAll(async () => {
  voice = await findLocalVoice(null, { search: true });
});

describe('the local voice selected on this machine', { timeout: 60_000 }, () => {
  it('is found without configuration and has a Korean voice', () => {
    expect(voice, 'no local speech engine: install espeak-ng (Debian package espeak-ng)').not.toBeNull();
    expect(voice!.languages).toContain('ko');
  });

  const render = async (text: string, language: 'ko' | 'en', rate = 1, volume = 1, name = `${language}-${rate}-${volume}.wav`) => {
    const file = join(dir.path, name);
    const outcome = await new TtsCommand(voice!.config).render({ text: spokenText(text, language), language, rate, volume }, file);
    expect(outcome).toBe('spoken');
    return stat(file);
  };

  it.each([
    ['ko', '3번째 순서예요. 10분쯤 기다리시면 돼요. 자살예방상담전화 ☎ 109'],
    ['en', 'You are number 3 in line. Please wait about 10 minutes. Suicide prevention line: call 109'],
  ] as const)('speaks %s screen text as sound that lasts as long as the words take', async (language, text) => {
    const s = await render(text, language);
    // Not silence: real speech peaks well above the noise floor.
    expect(s.max).toBeGreaterThan(0.2);
    expect(s.rms).toBeGreaterThan(0.02);
    // Plausible length: the spoken words at 2–15 syllables a second.
    const syllables = countSyllables(spokenText(text, language));
    expect(s.seconds).toBeGreaterThan(syllables / 15);
    expect(s.seconds).toBeLessThan(syllables / 2);
  });

  it('follows the visitor’s speed and volume, as the Web Speech voice does', async () => {
    const text = '상담 번호는 12번이에요. 오후 3시에 만나요.';
    const slow = await render(text, 'ko', 0.6, 1, 'slow.wav');
    const fast = await render(text, 'ko', 1.4, 1, 'fast.wav');
    expect(slow.seconds).toBeGreaterThan(fast.seconds * 1.5);
    const quiet = await render(text, 'ko', 1, 0.3, 'quiet.wav');
    const loud = await render(text, 'ko', 1, 1, 'loud.wav');
    expect(quiet.rms).toBeLessThan(loud.rms * 0.6);
    expect(quiet.rms).toBeGreaterThan(0.005);
  });
});
