/**
 * A compact on-screen keyboard for the console (the kiosk has no physical
 * keyboard): 두벌식 Korean, composing syllables as it goes
 * (`hangul-compose.ts`), and English letters; shift for the double
 * consonants (ㄲ ㄸ ㅃ ㅆ ㅉ), ㅒ ㅖ and capitals. Every key is a 56 px
 * target or larger and says what it types to a screen reader.
 */
import { useEffect, useRef, useState } from 'react';
import { Pressable } from '../../components/pressable';
import { useT } from '../../i18n/use-t';
import { backspace, commit, composerOf, press, shown, type Composer } from './hangul-compose';

const KO_ROWS = ['ㅂㅈㄷㄱㅅㅛㅕㅑㅐㅔ', 'ㅁㄴㅇㄹㅎㅗㅓㅏㅣ', 'ㅋㅌㅊㅍㅠㅜㅡ'];
const KO_SHIFT: Record<string, string> = { ㅂ: 'ㅃ', ㅈ: 'ㅉ', ㄷ: 'ㄸ', ㄱ: 'ㄲ', ㅅ: 'ㅆ', ㅐ: 'ㅒ', ㅔ: 'ㅖ' };
const EN_ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];

export function HangulKeyboard({ value, onChange, maxLength, onDone }: { value: string; onChange: (v: string) => void; maxLength: number; onDone?: () => void }) {
  const t = useT();
  const [mode, setMode] = useState<'ko' | 'en'>('ko');
  const [shift, setShift] = useState(false);
  const composer = useRef<Composer>(composerOf(value));
  // A label chosen from the list (or typed on a tablet's own keyboard) replaces what this keyboard composed.
  useEffect(() => {
    if (shown(composer.current) !== value) composer.current = composerOf(value);
  }, [value]);

  const apply = (next: Composer) => {
    if ([...shown(next)].length > maxLength) return;
    composer.current = next;
    onChange(shown(next));
  };
  const key = (k: string) => {
    apply(press(composer.current, k));
    setShift(false);
  };
  const rows = mode === 'ko' ? KO_ROWS : EN_ROWS;
  const label = (k: string) => (mode === 'ko' ? (shift ? (KO_SHIFT[k] ?? k) : k) : shift ? k.toUpperCase() : k);

  return (
    <div className="hangul-keyboard" role="group" aria-label={t('staff.keyboard.label')} data-testid="hangul-keyboard" data-mode={mode}>
      {rows.map((row) => (
        <div className="kb-row" key={row}>
          {[...row].map((k) => {
            const out = label(k);
            return (
              <Pressable key={k} className="kb-key" lang={mode} data-testid={`kb-${out}`} onClick={() => key(out)}>
                {out}
              </Pressable>
            );
          })}
        </div>
      ))}
      <div className="kb-row">
        <Pressable className="kb-key wide" aria-pressed={shift} data-testid="kb-shift" onClick={() => setShift((s) => !s)}>
          {t('staff.keyboard.shift')}
        </Pressable>
        <Pressable
          className="kb-key wide"
          data-testid="kb-mode"
          lang={mode === 'ko' ? 'en' : 'ko'}
          aria-label={t(mode === 'ko' ? 'staff.keyboard.toEnglish' : 'staff.keyboard.toKorean')}
          onClick={() => {
            composer.current = commit(composer.current);
            setMode((m) => (m === 'ko' ? 'en' : 'ko'));
            setShift(false);
          }}
        >
          {mode === 'ko' ? 'ABC' : '한글'}
        </Pressable>
        <Pressable className="kb-key space" data-testid="kb-space" onClick={() => key(' ')}>
          {t('staff.keyboard.space')}
        </Pressable>
        <Pressable className="kb-key wide" data-testid="kb-backspace" aria-label={t('staff.keyboard.backspace')} onClick={() => apply(backspace(composer.current))}>
          ⌫
        </Pressable>
        {onDone && (
          <Pressable
            className="kb-key wide done"
            data-testid="kb-done"
            onClick={() => {
              composer.current = commit(composer.current);
              onDone();
            }}
          >
            {t('staff.keyboard.done')}
          </Pressable>
        )}
      </div>
    </div>
  );
}
