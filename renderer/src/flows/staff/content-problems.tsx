/** A content draft's problems in words (never a rule code): where, what, and whether it still lets the admin save. */
import { Pressable } from '../../components/pressable';
import { useLanguage, useT, useTDynamic } from '../../i18n/use-t';
import type { ContentProblemWire, ContentWire } from '../../../../electron/contract/content-api';

/** The problem's sentence, in the console's language. */
export function useProblemWords(): (p: ContentProblemWire) => string {
  const t = useT();
  const td = useTDynamic();
  return (p) =>
    td(`console.content.rule.${p.rule}`, {
      lang: p.lang ? t(`console.content.lang.${p.lang}`) : '',
      value: p.value ?? '',
      limit: p.limit ?? '',
      char: p.char ?? '',
      becomes: p.becomes ?? '',
    });
}

/** Where a problem is: the symptom (in the console's language), the prescription's number, the field. */
export function useProblemPlace(content: ContentWire): (p: ContentProblemWire) => string {
  const t = useT();
  const lang = useLanguage();
  return (p) => {
    const field = t(`console.content.field.${p.field}`);
    const s = content.symptoms.find((x) => x.id === p.symptomId);
    if (!s) return field;
    if (p.prescriptionId) {
      const n = s.prescriptions.findIndex((x) => x.id === p.prescriptionId) + 1;
      return t('console.content.whereRx', { symptom: s.name[lang], n, field });
    }
    return t('console.content.where', { symptom: s.name[lang], field });
  };
}

/** Problems under one field: blocking ones as errors, notes and old problems as plain notes. */
export function FieldProblems({ id, problems }: { id: string; problems: ContentProblemWire[] }) {
  const t = useT();
  const words = useProblemWords();
  if (problems.length === 0) return null;
  return (
    <ul id={id} className="content-field-problems">
      {problems.map((p, i) => (
        <li key={i} className={p.blocking ? 'problem blocking' : 'problem note'} data-testid="content-field-problem" data-rule={p.rule} data-blocking={p.blocking}>
          {words(p)}
          {!p.blocking && p.rule !== 'maps' && ` ${t('console.content.wasSo')}`}
        </li>
      ))}
    </ul>
  );
}

/** The draft's blocking problems, all symptoms: the admin sees at once what stops the save, and where. */
export function ProblemSummary({ content, problems, onGo }: { content: ContentWire; problems: ContentProblemWire[]; onGo: (p: ContentProblemWire) => void }) {
  const t = useT();
  const words = useProblemWords();
  const place = useProblemPlace(content);
  const blocking = problems.filter((p) => p.blocking);
  return (
    <section aria-labelledby="content-problems-title" className="content-problems" data-testid="content-problems" data-blocking={blocking.length}>
      <h3 id="content-problems-title">{t('console.content.problems')}</h3>
      <p role="status" className={blocking.length ? 'problem blocking' : 'console-note'}>
        {blocking.length ? t('console.content.problemsCount', { count: blocking.length }) : t('console.content.problemsNone')}
      </p>
      {blocking.length > 0 && (
        <ul>
          {blocking.slice(0, 12).map((p, i) => (
            <li key={i}>
              <Pressable className="staff-button content-go" data-testid="content-problem-go" onClick={() => onGo(p)}>
                {place(p)}
              </Pressable>
              : {words(p)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
