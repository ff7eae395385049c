/** Five questions, one per screen, big answer buttons; then a kind reading, never a diagnosis. */
import { useT } from '../../i18n/use-t';
import type { MessageKey } from '../../i18n/ko';
import { Pressable } from '../../components/pressable';
import { SELF_CHECK_QUESTIONS, useStoreFlow } from './store-store';
import { answerSelfCheck, openSnacks, selfCheckBack } from './store-actions';
import { Greeting, useGreetingText } from './identify-views';
import { useAnnounceScreen } from '../../a11y/use-announce-screen';
import { Notice } from './notice';

const FREQUENCY: { value: number; key: MessageKey }[] = [
  { value: 1, key: 'store.selfcheck.a.hardly' },
  { value: 2, key: 'store.selfcheck.a.sometimes' },
  { value: 3, key: 'store.selfcheck.a.often' },
];
const YES_NO: { value: boolean; key: MessageKey }[] = [
  { value: true, key: 'store.selfcheck.a.yes' },
  { value: false, key: 'store.selfcheck.a.no' },
];

export function SelfCheckView() {
  const t = useT();
  const index = useStoreFlow((s) => s.questionIndex);
  const busy = useStoreFlow((s) => s.busy);
  const q = SELF_CHECK_QUESTIONS[index]!;
  const options: { value: number | boolean; key: MessageKey }[] = index < 3 ? FREQUENCY : YES_NO;
  const greeting = useGreetingText();
  const question = t('store.a11y.selfcheck', {
    n: index + 1,
    question: t(`store.selfcheck.q.${q}` as MessageKey),
    options: options.map((o) => t(o.key)).join(', '),
  });
  // The first question also carries the welcome and "no right answers"; later ones only the question.
  useAnnounceScreen(
    `store.selfcheck.${index}`,
    index === 0 ? `${t('store.a11y.selfcheckFirst', { greeting: greeting ?? '', lead: t('store.selfcheck.lead') }).trim()} ${question}` : question,
  );
  return (
    <main className="screen store" data-testid="store-selfcheck" data-question={q}>
      {/* The welcome and "no right answers" once, on the first question: four fewer things to read again. */}
      {index === 0 && <Greeting />}
      <h1>{t('store.selfcheck.title', { n: index + 1 })}</h1>
      {index === 0 && <p className="lead">{t('store.selfcheck.lead')}</p>}
      <p className="store-question">{t(`store.selfcheck.q.${q}` as MessageKey)}</p>
      <div className="store-answers">
        {options.map((o) => (
          <Pressable
            key={String(o.value)}
            className="store-answer"
            data-testid="selfcheck-answer"
            data-value={String(o.value)}
            disabled={busy}
            onClick={() => void answerSelfCheck(o.value)}
          >
            {t(o.key)}
          </Pressable>
        ))}
      </div>
      <Notice />
      {index > 0 && (
        <Pressable className="secondary" data-testid="selfcheck-back" data-a11y-back onClick={selfCheckBack}>
          {t('store.back')}
        </Pressable>
      )}
    </main>
  );
}

export function SelfCheckResultView() {
  const t = useT();
  const result = useStoreFlow((s) => s.selfCheck);
  useAnnounceScreen(
    'store.selfcheckResult',
    result
      ? t('store.a11y.result', {
          title: t('store.result.title'),
          message: t(`store.result.${result.level}` as MessageKey),
          note: t('store.result.note'),
          next: t('store.next'),
        })
      : null,
  );
  if (!result) return null;
  return (
    <main className="screen store" data-testid="store-selfcheck-result" data-level={result.level}>
      <h1>{t('store.result.title')}</h1>
      <p className="store-result-message">{t(`store.result.${result.level}` as MessageKey)}</p>
      <p className="store-sub">{t('store.result.note')}</p>
      <Pressable className="primary big" data-testid="selfcheck-next" onClick={() => void openSnacks()}>
        {t('store.next')}
      </Pressable>
    </main>
  );
}
