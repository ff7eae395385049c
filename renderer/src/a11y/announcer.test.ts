import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { announce, replay, setSpeaker } from './announcer';
import { useA11yStore } from './a11y-store';
import { createRecordingSpeaker } from './recording-speaker';
import { createWebSpeechSpeaker } from './web-speech-speaker';
import { resetVisitorStores } from '../stores/visitor-reset';
import { useSessionStore } from '../stores/session-store';

const rec = createRecordingSpeaker();
beforeEach(() => {
  rec.clear();
  setSpeaker(rec);
  resetVisitorStores();
});
afterEach(() => resetVisitorStores());

describe('announcer', () => {
  it('says nothing while voice guidance is off', () => {
    announce('처음 화면이에요', 'screen');
    expect(rec.spoken).toEqual([]);
  });

  it('speaks in the visitor language at the chosen volume and rate; a screen interrupts, a result waits its turn', () => {
    useA11yStore.setState({ voice: true, volume: 0.6, rate: 1.4 });
    useSessionStore.setState({ language: 'en' });
    announce('Start screen.', 'screen');
    announce('High contrast is on.', 'result');
    expect(rec.spoken).toEqual([
      { text: 'Start screen.', language: 'en', rate: 1.4, volume: 0.6, interrupt: true },
      { text: 'High contrast is on.', language: 'en', rate: 1.4, volume: 0.6, interrupt: false },
    ]);
  });

  it('replays the last screen or result, not the control that had focus', () => {
    useA11yStore.setState({ voice: true });
    announce('마음약방이에요.', 'screen');
    announce('처방받기, 버튼', 'focus');
    rec.clear();
    replay();
    expect(rec.spoken.map((u) => u.text)).toEqual(['마음약방이에요.']);
  });

  it('forgets what was said when the visit ends: the next visitor cannot replay it', () => {
    useA11yStore.setState({ voice: true });
    announce('오늘의 마음 처방전. 처방: ...', 'screen');
    resetVisitorStores();
    useA11yStore.setState({ voice: true });
    rec.clear();
    replay();
    expect(rec.spoken.map((u) => u.text)).toEqual(['다시 들려 드릴 안내가 없어요.']);
  });
});

describe('Web Speech speaker', () => {
  it('picks a Korean voice for Korean and an English one for English, and cancels before interrupting', () => {
    const spoken: Array<{ text: string; lang: string; voice: string | null; rate: number; volume: number }> = [];
    let cancels = 0;
    class FakeUtterance {
      lang = '';
      voice: { name: string } | null = null;
      rate = 1;
      volume = 1;
      constructor(public text: string) {}
    }
    (globalThis as unknown as { SpeechSynthesisUtterance: unknown }).SpeechSynthesisUtterance = FakeUtterance;
    const synth = {
      getVoices: () => [
        { name: 'Google US English', lang: 'en-US' },
        { name: 'Yuna', lang: 'ko-KR' },
      ],
      cancel: () => void cancels++,
      speak: (u: FakeUtterance) => spoken.push({ text: u.text, lang: u.lang, voice: u.voice?.name ?? null, rate: u.rate, volume: u.volume }),
    } as unknown as SpeechSynthesis;
    const speaker = createWebSpeechSpeaker(synth);
    speaker.speak({ text: '안녕하세요', language: 'ko', rate: 0.8, volume: 0.4 });
    speaker.speak({ text: 'Hello', language: 'en', rate: 1, volume: 1 }, { interrupt: false });
    expect(spoken).toEqual([
      { text: '안녕하세요', lang: 'ko-KR', voice: 'Yuna', rate: 0.8, volume: 0.4 },
      { text: 'Hello', lang: 'en-US', voice: 'Google US English', rate: 1, volume: 1 },
    ]);
    expect(cancels).toBe(1);
    delete (globalThis as unknown as { SpeechSynthesisUtterance?: unknown }).SpeechSynthesisUtterance;
  });
});
