/**
 * Nickname and phone on big on-screen keys: no physical keyboard needed.
 * The nickname is a friendly preset plus optional digits rather than free
 * hangul typing: a jamo keypad is slow and error-prone for older visitors,
 * and presets mean nobody is nudged into typing their real name.
 */
import { useT, useLanguage } from '../../i18n/use-t';
import { Pressable } from '../../components/pressable';
import { useStoreFlow } from './store-store';
import { storeNicknames } from './store-i18n';
import { useA11yStore } from '../../a11y/a11y-store';
import { maskPhone } from '../../a11y/mask-phone';
import { chooseNickname, formatPhone, goStep, nicknameKey, phoneKey, phoneLooksValid, skipIdentity, submitIdentity } from './store-actions';
import { Notice } from './notice';
import { useAnnounceScreen } from '../../a11y/use-announce-screen';

function Keypad({ prefix, onKey }: { prefix: string; onKey: (key: string) => void }) {
  const t = useT();
  const keys = ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'clear', '0', 'back'];
  return (
    <div className="store-keypad" role="group">
      {keys.map((k) => (
        <Pressable
          key={k}
          className={`store-key${k.length > 1 ? ' store-key-edit' : ''}`}
          data-testid={`${prefix}-key-${k}`}
          onClick={() => onKey(k)}
        >
          {k === 'back' ? t('store.keypad.back') : k === 'clear' ? t('store.keypad.clear') : k}
        </Pressable>
      ))}
    </div>
  );
}

export function NicknameView() {
  const t = useT();
  const lang = useLanguage();
  const preset = useStoreFlow((s) => s.nicknamePreset);
  const digits = useStoreFlow((s) => s.nicknameDigits);
  const shown = preset === null ? t('store.nickname.placeholder') : `${storeNicknames[preset]![lang]}${digits ? ` ${digits}` : ''}`;
  useAnnounceScreen(
    'store.nickname',
    t('store.a11y.nickname', { title: t('store.nickname.title'), count: storeNicknames.length, next: t('store.next'), skip: t('store.identify.skip') }),
  );
  return (
    <main className="screen store" data-testid="store-nickname">
      <h1>{t('store.nickname.title')}</h1>
      <p className="lead">{t('store.nickname.body')}</p>
      <div className="store-display" data-testid="nickname-display" aria-live="polite">
        {shown}
      </div>
      <div className="store-presets">
        {storeNicknames.map((n, i) => (
          <Pressable
            key={n.ko}
            className="store-preset"
            data-testid="nickname-preset"
            data-nickname={n.ko}
            aria-pressed={preset === i}
            onClick={() => chooseNickname(i)}
          >
            {n[lang]}
          </Pressable>
        ))}
      </div>
      <p className="store-sub">{t('store.nickname.digits')}</p>
      <Keypad prefix="nickname" onKey={nicknameKey} />
      <div className="store-actions">
        <Pressable className="secondary" data-testid="identify-skip" onClick={skipIdentity}>
          {t('store.identify.skip')}
        </Pressable>
        <Pressable className="primary" data-testid="nickname-next" disabled={preset === null} onClick={() => goStep('phone')}>
          {t('store.next')}
        </Pressable>
      </div>
    </main>
  );
}

export function PhoneView() {
  const t = useT();
  const phone = useStoreFlow((s) => s.phone);
  const busy = useStoreFlow((s) => s.busy);
  // No personal data in large type: with large text on, the middle digits stay hidden even while typing.
  const large = useA11yStore((s) => s.large);
  useAnnounceScreen('store.phone', t('store.a11y.phone', { title: t('store.phone.title'), next: t('store.next') }));
  return (
    <main className="screen store" data-testid="store-phone">
      <h1>{t('store.phone.title')}</h1>
      <p className="lead">{t('store.phone.body')}</p>
      <div className="store-display store-phone" data-testid="phone-display">
        {(large ? maskPhone(phone) : formatPhone(phone)) || '010-'}
      </div>
      <Notice />
      <Keypad prefix="phone" onKey={phoneKey} />
      <div className="store-actions">
        <Pressable className="secondary" data-testid="phone-back" data-a11y-back onClick={() => goStep('nickname')}>
          {t('store.back')}
        </Pressable>
        <Pressable className="primary" data-testid="phone-submit" disabled={busy || !phoneLooksValid(phone)} onClick={() => void submitIdentity()}>
          {t('store.next')}
        </Pressable>
      </div>
    </main>
  );
}

/** The greeting's words (for the screen and for the announcement), or null before identification. */
export function useGreetingText(): string | null {
  const t = useT();
  const lang = useLanguage();
  const g = useStoreFlow((s) => s.greeting);
  if (!g) return null;
  const name = `${storeNicknames[g.preset]![lang]}${g.digits ? ` ${g.digits}` : ''}`;
  return g.returning ? t('store.greet.returning', { name }) : t('store.greet.new', { name });
}

/** "다시 오셨네요": with the nickname just typed, in the visitor's language. */
export function Greeting() {
  const g = useStoreFlow((s) => s.greeting);
  const text = useGreetingText();
  if (!g || !text) return null;
  return (
    <p className="store-greeting" data-testid="store-greeting" data-returning={g.returning ? 'true' : 'false'}>
      {text}
    </p>
  );
}
