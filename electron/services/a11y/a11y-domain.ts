/**
 * The barrier-free kiosk's services: its settings for the renderer, and
 * speech through a local engine (a configured TTS program, or espeak-ng
 * found on the machine) for languages the OS has no voice for.
 */
import type { DomainModule, ServiceContext, ServiceDomain } from '../context';
import { reachBand } from './reach-band';
import { TtsCommand } from './tts-command';
import { findLocalVoice, type FindDeps, type LocalVoice } from './local-voice';

export const a11yDomainModule: DomainModule = {
  // Speech is not an event: what was read aloud is screen text, and the options a visitor chose stay on the screen.
  eventSchemas: {},
  create: (ctx) => createA11yDomain(ctx),
};

/** What the technician's test says: numbers already in words (the service does not rewrite text). */
const SAMPLE: Record<'ko' | 'en', string> = {
  ko: '안녕하세요. 키오스크 목소리 시험이에요. 상담 번호는 십이 번이에요. 오후 세 시에 만나요.',
  en: 'Hello. This is the kiosk voice test. Your number is twelve. See you at three p m.',
};

/** When the voice is looked for if nothing asked sooner: after the host's start and the first paint. */
const LOOK_AFTER_START_MS = 3_000;

export function createA11yDomain(ctx: ServiceContext, deps?: FindDeps): ServiceDomain {
  const cfg = ctx.config.a11y;
  // Looking for espeak runs it (about 0.1–0.7 s on a busy kiosk, and a spawn that holds the host's
  // thread): not while the host starts and the screen paints, but when something first needs the
  // voice (the screen asks for its a11y settings once painted), or a little after start.
  let local: LocalVoice | null = null;
  let tts: TtsCommand | null = null;
  let stopped = false;
  const abort = new AbortController();
  let search: Promise<void> | null = null;
  const found = (): Promise<void> =>
    (search ??= findLocalVoice(cfg.ttsCommand, { search: cfg.findLocalVoice, signal: abort.signal }, deps)
      .catch((err: unknown) => {
        ctx.logger.warn('could not look for a local voice', { err });
        return null;
      })
      .then((voice) => {
        if (stopped) return;
        local = voice;
        tts = voice ? new TtsCommand(voice.config) : null;
        if (voice?.source === 'espeak-ng') ctx.logger.info('local voice found', { engine: voice.name, languages: voice.languages });
      }));
  const soon = setTimeout(() => void found(), LOOK_AFTER_START_MS);
  soon.unref?.();
  let failuresLogged = 0;
  const speak = async (req: { text: string; language: 'ko' | 'en'; rate: number; volume: number }) => {
    await found();
    if (!tts || !local || !local.languages.includes(req.language)) return 'no_command' as const;
    const outcome = await tts.speak(req);
    // A broken TTS program would fail on every focus change: log the first few, not thousands.
    if ((outcome === 'failed' || outcome === 'timeout') && failuresLogged++ < 5) {
      ctx.logger.warn('tts command did not speak', { outcome, command: local!.config.command });
    }
    return outcome;
  };
  return {
    name: 'a11y',
    service: {
      get tts() {
        return tts;
      },
      get local() {
        return local;
      },
      /** Resolves once the local voice was looked for (looking now if it was not yet). */
      get found() {
        return found();
      },
    },
    handlers: {
      'a11y.config': async () => {
        await found();
        const voice = local as LocalVoice | null;
        return {
          keys: cfg.keys,
          reach: reachBand(cfg.lowReach),
          speaker: voice?.source === 'configured' ? ('command' as const) : ('web' as const),
          localVoice: voice ? { name: voice.name, languages: voice.languages } : null,
        };
      },
      'a11y.speak': async (req) => ({ outcome: await speak(req) }),
      'a11y.testVoice': async (req) => {
        const outcome = await speak({ text: SAMPLE[req.language], language: req.language, rate: 1, volume: 1 });
        return { voice: (local as LocalVoice | null)?.name ?? null, outcome };
      },
      'a11y.stopSpeaking': () => {
        const playing = tts as TtsCommand | null;
        playing?.stop();
        return { stopped: playing !== null };
      },
    },
    stop: () => {
      stopped = true;
      clearTimeout(soon);
      // A look still running is killed with its espeak: stop leaves no child process behind.
      abort.abort();
      (tts as TtsCommand | null)?.stop();
    },
  };
}
