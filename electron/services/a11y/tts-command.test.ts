import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ttsCommandSchema } from './a11y-config';
import { TtsCommand, ttsArgs } from './tts-command';
import { makeTempDir } from '../../../test/support/temp-dir';

const dirs: Array<{ remove(): void }> = [];
afterEach(() => {
  for (const d of dirs.splice(0)) d.remove();
});

/** A stand-in TTS program: writes the arguments it got to a file, then "speaks" for `ms`. */
function fakeTts(ms = 0) {
  const dir = makeTempDir('itda-tts-');
  dirs.push(dir);
  const script = join(dir.path, 'tts.cjs');
  const out = join(dir.path, 'args.json');
  writeFileSync(script, `require('fs').writeFileSync(${JSON.stringify(out)}, JSON.stringify(process.argv.slice(2))); setTimeout(() => {}, ${ms});`);
  return { script, out };
}

describe('TTS command', () => {
  it('fills each template argument on its own: the text stays one argument, even with quotes and options in it', async () => {
    const { script, out } = fakeTts();
    const config = ttsCommandSchema.parse({ command: process.execPath, args: [script, '-v', '{voice}', '-s', '{wpm}', '-a', '{volume}', '--', '{text}'] });
    const tts = new TtsCommand(config);
    const text = `오늘의 처방: "쉬어 가세요" $(rm -rf /) --help; echo hi`;
    await expect(tts.speak({ text, language: 'ko', rate: 1.5, volume: 0.8 })).resolves.toBe('spoken');
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(['-v', 'ko', '-s', '240', '-a', '80', '--', text]);
  });

  it('uses the English voice for English text', () => {
    const config = ttsCommandSchema.parse({ command: 'espeak-ng' });
    expect(ttsArgs(config, { text: 'Hello', language: 'en', rate: 1, volume: 1 })).toEqual(['-v', 'en', '-s', '160', '-a', '100', '--', 'Hello']);
  });

  it('stops the utterance still playing when the next one starts', async () => {
    const dir = makeTempDir('itda-tts-');
    dirs.push(dir);
    // "slow" speaks for 20 s, anything else at once.
    const script = join(dir.path, 'tts.cjs');
    writeFileSync(script, "setTimeout(() => {}, process.argv[2] === 'slow' ? 20000 : 0);");
    const tts = new TtsCommand(ttsCommandSchema.parse({ command: process.execPath, args: [script, '{text}'] }));
    const first = tts.speak({ text: 'slow', language: 'ko', rate: 1, volume: 1 });
    const second = tts.speak({ text: 'quick', language: 'ko', rate: 1, volume: 1 });
    await expect(first).resolves.toBe('interrupted');
    await expect(second).resolves.toBe('spoken');
  });

  it('kills a program that hangs past its timeout', async () => {
    const slow = fakeTts(60_000);
    const tts = new TtsCommand(ttsCommandSchema.parse({ command: process.execPath, args: [slow.script], timeoutMs: 1000 }));
    await expect(tts.speak({ text: 'x', language: 'en', rate: 1, volume: 1 })).resolves.toBe('timeout');
  });

  it('reports a missing program as failed instead of throwing', async () => {
    const tts = new TtsCommand(ttsCommandSchema.parse({ command: '/nonexistent/espeak-ng' }));
    await expect(tts.speak({ text: 'x', language: 'en', rate: 1, volume: 1 })).resolves.toBe('failed');
  });
});
