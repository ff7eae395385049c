/** The kiosk shell's services: identity, health, staff calls, visitor navigation events. */
import type { ServiceContext, ServiceDomain, DomainModule } from '../context';
import { raiseVisitorAlert } from './staff-alerts';
import { appEventSchemas } from './app-events';

export interface AppInfoSource {
  version: string;
  host: 'electron' | 'web';
}

export function appDomainModule(info: AppInfoSource): DomainModule {
  return {
    eventSchemas: appEventSchemas,
    create: (ctx) => createAppDomain(ctx, info),
  };
}

export function createAppDomain(ctx: ServiceContext, info: AppInfoSource): ServiceDomain {
  return {
    name: 'app',
    handlers: {
      'app.info': () => appInfo(ctx, info),
      'app.health': () => ctx.health.current,
      'app.staffCall': ({ screen, language }) => {
        // The alert row and both events commit together: staff never see one without the other.
        // On a full disk staff still hear it at once; the rows wait for space.
        const { alertId } = raiseVisitorAlert(ctx, 'staff_call', { screen, language }, {
          also: (id) => ctx.record('staff.called', { alertId: id, screen, language }),
        });
        ctx.logger.info('staff called', { alertId, screen });
        return { alertId };
      },
      'app.visitorEvent': (input) => {
        switch (input.kind) {
          case 'session.start':
            ctx.record('visitor.session_started', { language: input.language });
            break;
          case 'session.reset':
            ctx.record('visitor.session_reset', { reason: input.reason });
            break;
          case 'screen.view':
            ctx.record('visitor.screen_viewed', { screen: input.screen });
            break;
          case 'language.change':
            ctx.record('visitor.language_changed', { language: input.language });
            break;
          case 'idle.prompt':
            ctx.record('visitor.idle_prompted', {});
            break;
          case 'idle.continue':
            ctx.record('visitor.idle_continued', {});
            break;
        }
        return { recorded: true };
      },
    },
  };
}

export function appInfo(ctx: { config: ServiceContext['config']; kioskId: string }, info: AppInfoSource) {
  return {
    kioskId: ctx.kioskId,
    venueName: ctx.config.venue.name,
    idleSeconds: ctx.config.idleSeconds,
    idleCountdownSeconds: ctx.config.idleCountdownSeconds,
    languages: ctx.config.languages,
    defaultLanguage: ctx.config.defaultLanguage,
    version: info.version,
    host: info.host,
  };
}
