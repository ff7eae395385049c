import { describe, expect, it } from 'vitest';
import { createAutoSpeaker, pickVoice } from './voice-choice';
import type { Speaker, Utterance } from './speaker';

function fake(): Speaker & { said: string[]; stops: number } {
  const f = {
    said: [] as string[],
    stops: 0,
    speak(u: Utterance) {
      f.said.push(`${u.language}:${u.text}:${u.rate}:${u.volume}`);
    },
    stop() {
      f.stops += 1;
    },
  };
  return f;
}

const espeak = { name: 'espeak-ng', languages: ['ko', 'en'] as ('ko' | 'en')[] };

describe('pickVoice', () => {
  it('prefers the OS voice, falls back to the local engine for a language it has, and else has none', () => {
    expect(pickVoice('ko', 'Yuna', espeak)).toEqual({ kind: 'device', name: 'Yuna' });
    expect(pickVoice('ko', null, espeak)).toEqual({ kind: 'local', name: 'espeak-ng' });
    expect(pickVoice('en', null, { name: 'espeak-ng', languages: ['ko'] })).toBeNull();
    expect(pickVoice('ko', null, null)).toBeNull();
  });
});

describe('createAutoSpeaker', () => {
  it('sends Korean to the local engine when the OS has only an English voice, with the text ready to say and the same rate and volume', () => {
    const device = fake();
    const local = fake();
    const s = createAutoSpeaker({ voiceName: (l) => (l === 'en' ? 'Samantha' : null), speaker: device }, { info: espeak, speaker: local });
    s.speak({ text: '3번째 순서예요. 10분쯤 기다리시면 돼요.', language: 'ko', rate: 0.8, volume: 0.6 });
    s.speak({ text: 'Call 02-120', language: 'en', rate: 0.8, volume: 0.6 });
    expect(local.said).toEqual(['ko:세 번째 순서예요. 십 분쯤 기다리시면 돼요.:0.8:0.6']);
    expect(device.said).toEqual(['en:Call zero two, one two zero:0.8:0.6']);
    // The English line interrupted: the local engine was stopped first, so two voices never overlap.
    expect(local.stops).toBe(1);
  });

  it('speaks nothing when no engine has the language, and stop reaches both engines', () => {
    const local = fake();
    const s = createAutoSpeaker(null, { info: { name: 'espeak-ng', languages: ['ko'] }, speaker: local });
    s.speak({ text: 'Hello', language: 'en', rate: 1, volume: 1 });
    expect(local.said).toEqual([]);
    s.stop();
    expect(local.stops).toBe(1);
  });
});
