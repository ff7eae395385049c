/** The barrier-free kiosk's services: its settings for the renderer, and the local TTS program. */
import type { DomainModule, ServiceContext, ServiceDomain } from '../context';
import { reachBand } from './reach-band';
import { TtsCommand } from './tts-command';

export const a11yDomainModule: DomainModule = {
  // Speech is not an event: what was read aloud is screen text, and the options a visitor chose stay on the screen.
  eventSchemas: {},
  create: (ctx) => createA11yDomain(ctx),
};

export function createA11yDomain(ctx: ServiceContext): ServiceDomain {
  const cfg = ctx.config.a11y;
  const tts = cfg.ttsCommand ? new TtsCommand(cfg.ttsCommand) : null;
  let failuresLogged = 0;
  return {
    name: 'a11y',
    service: tts,
    handlers: {
      'a11y.config': () => ({ keys: cfg.keys, reach: reachBand(cfg.lowReach), speaker: tts ? 'command' : 'web' }),
      'a11y.speak': async (req) => {
        if (!tts) return { outcome: 'no_command' as const };
        const outcome = await tts.speak(req);
        // A broken TTS program would fail on every focus change: log the first few, not thousands.
        if ((outcome === 'failed' || outcome === 'timeout') && failuresLogged++ < 5) {
          ctx.logger.warn('tts command did not speak', { outcome, command: cfg.ttsCommand!.command });
        }
        return { outcome };
      },
      'a11y.stopSpeaking': () => {
        tts?.stop();
        return { stopped: tts !== null };
      },
    },
    stop: () => tts?.stop(),
  };
}
