/**
 * Speaks through the kiosk's local TTS program (`a11y.speak`), for kiosks
 * with no OS voice. The service stops the previous utterance when a new one
 * comes, so "interrupt" needs nothing here; a queued utterance waits for the
 * one before it.
 */
import { api } from '../api/client';
import type { Speaker } from './speaker';

export function createCommandSpeaker(): Speaker {
  let chain: Promise<unknown> = Promise.resolve();
  return {
    speak(u, opts) {
      const send = () =>
        api()
          .call('a11y.speak', { text: u.text, language: u.language, rate: u.rate, volume: u.volume })
          .catch(() => undefined);
      chain = (opts?.interrupt ?? true) ? send() : chain.then(send);
    },
    stop() {
      chain = Promise.resolve();
      void api()
        .call('a11y.stopSpeaking', {})
        .catch(() => undefined);
    },
  };
}
