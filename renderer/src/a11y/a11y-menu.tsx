/** The accessibility menu: four big toggles, volume and speed, replay, close. A modal dialog with its own focus. */
import { useEffect, useRef } from 'react';
import { useT } from '../i18n/use-t';
import type { MessageKey } from '../i18n/ko';
import { Pressable } from '../components/pressable';
import { useA11ySettings, useA11yStore, A11Y_OPTIONS, type A11yOption } from './a11y-store';
import { useLanguage } from '../i18n/use-t';
import { pickVoice } from './voice-choice';
import { changeRate, changeVolume, closeA11yMenu, rateLevel, toggleOption, volumeLevel } from './a11y-actions';
import { announce, replay } from './announcer';

const LABELS: Record<A11yOption, { name: MessageKey; desc: MessageKey }> = {
  voice: { name: 'a11y.voice.name', desc: 'a11y.voice.desc' },
  contrast: { name: 'a11y.contrast.name', desc: 'a11y.contrast.desc' },
  large: { name: 'a11y.large.name', desc: 'a11y.large.desc' },
  low: { name: 'a11y.low.name', desc: 'a11y.low.desc' },
};

export function A11yMenu() {
  const t = useT();
  const state = useA11yStore();
  const dialog = useRef<HTMLDivElement>(null);
  const opener = useRef<Element | null>(null);
  const announcement = t('a11y.screen.menu');
  useEffect(() => {
    opener.current = document.activeElement;
    dialog.current?.querySelector<HTMLElement>('[data-testid="a11y-voice"]')?.focus();
    return () => {
      // Back to where the visitor was, if that control is still there.
      const back = opener.current as HTMLElement | null;
      if (back && back.isConnected) back.focus();
    };
  }, []);
  useEffect(() => {
    announce(announcement, 'screen');
  }, [announcement]);

  return (
    <div className="overlay a11y-overlay" data-testid="a11y-dialog" data-a11y-announced>
      <div className="dialog a11y-dialog" role="dialog" aria-modal="true" aria-labelledby="a11y-title" aria-describedby="a11y-lead" ref={dialog}>
        <h2 id="a11y-title">{t('a11y.menu.title')}</h2>
        <p id="a11y-lead" className="lead">
          {t('a11y.menu.lead')} {t('a11y.menu.moreTime')}
        </p>
        <div className="a11y-toggles">
          {A11Y_OPTIONS.map((option) => (
            <Pressable
              key={option}
              className="a11y-toggle"
              data-testid={`a11y-${option}`}
              aria-pressed={state[option]}
              // WCAG 2.5.3: the name is the visible label itself (no aria-label that could drift from it);
              // the state is aria-pressed, the explanation a description (hidden from the name, not from view).
              aria-describedby={`a11y-${option}-desc`}
              onClick={() => toggleOption(option)}
            >
              <span className="a11y-toggle-name">{t(LABELS[option].name)}</span>
              <span className="a11y-toggle-state" aria-hidden="true">
                {state[option] ? `✓ ${t('a11y.state.on')}` : t('a11y.state.off')}
              </span>
              <span className="a11y-toggle-desc" id={`a11y-${option}-desc`} aria-hidden="true">
                {t(LABELS[option].desc)}
              </span>
            </Pressable>
          ))}
        </div>
        <VoiceInUse />
        <div className="a11y-steppers">
          <div className="a11y-stepper" role="group" aria-labelledby="a11y-volume-label">
            <span id="a11y-volume-label">{t('a11y.volume.label', { value: volumeLevel(state.volume) })}</span>
            <Pressable className="secondary" data-testid="a11y-volume-down" disabled={state.volume <= 0.2} onClick={() => changeVolume(-1)}>
              {t('a11y.volume.down')}
            </Pressable>
            <Pressable className="secondary" data-testid="a11y-volume-up" disabled={state.volume >= 1} onClick={() => changeVolume(1)}>
              {t('a11y.volume.up')}
            </Pressable>
          </div>
          <div className="a11y-stepper" role="group" aria-labelledby="a11y-rate-label">
            <span id="a11y-rate-label">{t('a11y.rate.label', { value: rateLevel(state.rate) })}</span>
            <Pressable className="secondary" data-testid="a11y-rate-down" disabled={state.rate <= 0.6} onClick={() => changeRate(-1)}>
              {t('a11y.rate.down')}
            </Pressable>
            <Pressable className="secondary" data-testid="a11y-rate-up" disabled={state.rate >= 1.6} onClick={() => changeRate(1)}>
              {t('a11y.rate.up')}
            </Pressable>
          </div>
        </div>
        <div className="a11y-actions">
          <Pressable className="secondary" data-testid="a11y-replay-menu" onClick={replay}>
            {t('a11y.replay')}
          </Pressable>
          <Pressable className="primary" data-testid="a11y-close" onClick={closeA11yMenu}>
            {t('a11y.menu.close')}
          </Pressable>
        </div>
      </div>
    </div>
  );
}

/** Which voice speaks in the visitor's language: the OS voice, the kiosk's own engine, or none (text only). */
function VoiceInUse() {
  const t = useT();
  const lang = useLanguage();
  const settings = useA11ySettings((s) => s.settings);
  const device = useA11ySettings((s) => s.deviceVoices[lang]);
  const local = settings.localVoice;
  const voice = settings.speaker === 'command' ? (local ? { kind: 'local' as const, name: local.name } : null) : pickVoice(lang, device, local);
  const text = voice
    ? t('a11y.voice.using', { name: voice.kind === 'device' ? t('a11y.voice.device', { name: voice.name }) : t('a11y.voice.local', { name: voice.name }) })
    : t('a11y.voice.none');
  return (
    <p className="a11y-voice-in-use" data-testid="a11y-voice-in-use" data-kind={voice?.kind ?? 'none'}>
      {text}
    </p>
  );
}
