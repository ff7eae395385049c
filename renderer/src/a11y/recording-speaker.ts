/**
 * A speaker that only writes down what it was asked to say: browser tests
 * read `window.__itdaSpeech.spoken` to check the announcements, in order.
 * Installed only when the page was opened with the test flag
 * (`window.__ITDA_TEST__ = true` before the app loads).
 */
import type { Speaker, Utterance } from './speaker';

export interface RecordedUtterance extends Utterance {
  interrupt: boolean;
}

export interface RecordingSpeaker extends Speaker {
  spoken: RecordedUtterance[];
  stops: number;
  clear(): void;
}

export function createRecordingSpeaker(): RecordingSpeaker {
  const rec: RecordingSpeaker = {
    spoken: [],
    stops: 0,
    speak(u, opts) {
      rec.spoken.push({ ...u, interrupt: opts?.interrupt ?? true });
    },
    stop() {
      rec.stops += 1;
    },
    clear() {
      rec.spoken.length = 0;
      rec.stops = 0;
    },
  };
  return rec;
}

declare global {
  interface Window {
    __ITDA_TEST__?: boolean;
    __itdaSpeech?: RecordingSpeaker;
  }
}

export function testFlagSet(): boolean {
  return typeof window !== 'undefined' && window.__ITDA_TEST__ === true;
}
