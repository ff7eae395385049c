/**
 * The Mind Pharmacy's words, edited by admins: a symptom's name and
 * description, and each prescription's text, source and dosage, in Korean
 * and English side by side. Every edit is checked by the services (both
 * languages, 58 mm paper, printable characters, the visitors' reading
 * limits) and drawn as the slip the printer would print, by the printer's
 * own renderer. Saving makes a new version for the next visitor; an old
 * version can be restored the same way.
 */
import { useEffect, useState } from 'react';
import { Pressable } from '../../components/pressable';
import { useLanguage, useT } from '../../i18n/use-t';
import type { ApiOutput } from '../../../../electron/contract/api';
import type { ContentProblemWire, ContentWire } from '../../../../electron/contract/content-api';
import { staffCall } from './staff-actions';
import { useLiveStore } from './console-live';
import { FieldProblems, ProblemSummary } from './content-problems';
import { ContentVersionsPanel } from './content-versions-panel';
import { HangulKeyboard } from './hangul-keyboard';

type Shown = ApiOutput<'console.content'>;
type Lang = 'ko' | 'en';
type SymptomField = 'name' | 'description';
type RxField = 'quote' | 'source' | 'dosage';
/** A slip preview waits this long after the last key, so typing does not ask for a drawing per letter. */
const PREVIEW_DELAY_MS = 300;

export function ContentEditor() {
  const t = useT();
  const lang = useLanguage();
  const [shown, setShown] = useState<Shown | null>(null);
  const [draft, setDraft] = useState<ContentWire | null>(null);
  const [at, setAt] = useState({ s: 0, p: 0 });
  const [slipLang, setSlipLang] = useState<Lang>('ko');
  /** The last preview and what it was drawn from (the draft object, the prescription, the language). */
  const [preview, setPreview] = useState<{ png: string | null; problems: ContentProblemWire[]; of: { draft: ContentWire; key: string } } | null>(null);
  const [note, setNote] = useState('');
  const [status, setStatus] = useState<string | null>(null);
  // The field the on-screen keyboard types into (the last one touched): at the kiosk there is no other keyboard.
  const [focused, setFocused] = useState<{ kind: SymptomField | RxField; lang: Lang }>({ kind: 'name', lang: 'ko' });
  const [keyboard, setKeyboard] = useState(false);
  /** The active version this draft started from (another admin's save since is pointed out once). */
  const [base, setBase] = useState<number | null>(null);
  const contentTick = useLiveStore((s) => s.ticks.content);

  const load = async (keepDraft: boolean) => {
    const r = await staffCall('console.content', {});
    if (!r) return;
    setShown(r);
    if (!keepDraft) {
      setDraft(r.content);
      setBase(r.activeVersion);
    }
  };
  useEffect(() => {
    void load(false);
  }, []);
  // Another admin saved or restored: the list of versions follows; this admin's draft stays theirs.
  useEffect(() => {
    if (contentTick > 0) void load(true);
  }, [contentTick]);

  const symptom = draft?.symptoms[at.s];
  const rx = symptom?.prescriptions[at.p];
  useEffect(() => {
    if (!draft || !symptom || !rx) return;
    let live = true;
    const timer = setTimeout(() => {
      const of = { draft, key: `${at.s}/${at.p}/${slipLang}` };
      void staffCall('console.contentPreview', { content: draft, symptomId: symptom.id, prescriptionId: rx.id, language: slipLang }).then((r) => live && r && setPreview({ ...r, of }));
    }, PREVIEW_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [draft, at.s, at.p, slipLang]);

  if (!shown || !draft || !symptom || !rx) return <p className="console-loading" role="status" aria-busy="true" />;

  const dirty = JSON.stringify(draft) !== JSON.stringify(shown.content);
  const problems = preview?.problems ?? [];
  const blocking = problems.filter((p) => p.blocking).length;
  const problemsOf = (field: string, l: Lang, prescriptionId: string | null) =>
    problems.filter((p) => p.symptomId === symptom.id && p.prescriptionId === prescriptionId && p.field === field && p.lang === l);

  const editSymptom = (field: SymptomField, l: Lang, value: string) =>
    setDraft((d) => d && { ...d, symptoms: d.symptoms.map((s, i) => (i === at.s ? { ...s, [field]: { ...s[field], [l]: value } } : s)) });
  const editRx = (field: RxField, l: Lang, value: string) =>
    setDraft(
      (d) =>
        d && {
          ...d,
          symptoms: d.symptoms.map((s, i) =>
            i !== at.s ? s : { ...s, prescriptions: s.prescriptions.map((p, j) => (j === at.p ? { ...p, [field]: { ...p[field]!, [l]: value } } : p)) },
          ),
        },
    );

  const focusedValue =
    focused.kind === 'name' || focused.kind === 'description' ? symptom[focused.kind][focused.lang] : (rx[focused.kind]?.[focused.lang] ?? null);
  const typeInto = (v: string) =>
    focused.kind === 'name' || focused.kind === 'description' ? editSymptom(focused.kind, focused.lang, v) : editRx(focused.kind, focused.lang, v);

  const save = async () => {
    const r = await staffCall('console.saveContent', { content: draft, note: note.trim(), baseVersion: base ?? undefined });
    // Told about a colleague's newer version (the console shows why): a second save is a choice made knowingly.
    if (!r) return setBase(shown.activeVersion);
    setNote('');
    setStatus(t('console.content.saved', { version: r.version }));
    await load(false);
  };
  const restore = async (version: number) => {
    const r = await staffCall('console.restoreContent', { version });
    if (!r) return;
    setStatus(t('console.content.restored', { from: version, version: r.version }));
    await load(false);
  };
  const go = (p: ContentProblemWire) => {
    const s = draft.symptoms.findIndex((x) => x.id === p.symptomId);
    if (s < 0) return;
    const rxAt = p.prescriptionId ? draft.symptoms[s]!.prescriptions.findIndex((x) => x.id === p.prescriptionId) : 0;
    setAt({ s, p: Math.max(0, rxAt) });
    requestAnimationFrame(() => document.getElementById(`content-${p.field}-${p.lang ?? 'ko'}`)?.focus());
  };

  const field = (kind: SymptomField | RxField, l: Lang, value: string, onChange: (v: string) => void, prescriptionId: string | null, rows: number) => {
    const id = `content-${kind}-${l}`;
    const own = problemsOf(kind, l, prescriptionId);
    const label = t('console.content.fieldLabel', { field: t(`console.content.field.${kind}`), lang: t(`console.content.lang.${l}`) });
    return (
      <div className="content-field" key={id}>
        <label htmlFor={id}>{label}</label>
        <textarea
          id={id}
          lang={l}
          rows={rows}
          data-testid={id}
          value={value}
          aria-invalid={own.some((p) => p.blocking)}
          aria-describedby={own.length ? `${id}-problems` : undefined}
          inputMode={keyboard ? 'none' : undefined}
          onFocus={() => setFocused({ kind, lang: l })}
          onChange={(e) => onChange(e.target.value)}
        />
        <FieldProblems id={`${id}-problems`} problems={own} />
      </div>
    );
  };

  return (
    <div className="content-editor" data-testid="content-editor" data-dirty={dirty} data-active-version={shown.activeVersion}>
      <h2>{t('console.content.title')}</h2>
      <p className="console-note">{t('console.content.when')}</p>
      {status && (
        <p className="console-note ok" role="status" data-testid="content-status">
          {status}
        </p>
      )}
      <div className="content-layout">
        <div className="content-edit">
          <fieldset className="staff-choices content-symptoms">
            <legend>{t('console.content.symptoms')}</legend>
            {draft.symptoms.map((s, i) => (
              <Pressable key={s.id} className="staff-button" data-testid={`content-symptom-${s.id}`} aria-pressed={i === at.s} onClick={() => setAt({ s: i, p: 0 })}>
                {s.name[lang] || s.id}
              </Pressable>
            ))}
          </fieldset>
          <div className="content-pair">
            {field('name', 'ko', symptom.name.ko, (v) => editSymptom('name', 'ko', v), null, 1)}
            {field('name', 'en', symptom.name.en, (v) => editSymptom('name', 'en', v), null, 1)}
            {field('description', 'ko', symptom.description.ko, (v) => editSymptom('description', 'ko', v), null, 2)}
            {field('description', 'en', symptom.description.en, (v) => editSymptom('description', 'en', v), null, 2)}
          </div>
          <fieldset className="staff-choices content-rxs">
            <legend>{t('console.content.prescriptions')}</legend>
            {symptom.prescriptions.map((p, j) => (
              <Pressable key={p.id} className="staff-button" data-testid={`content-rx-${j + 1}`} aria-pressed={j === at.p} onClick={() => setAt({ s: at.s, p: j })}>
                {t('console.content.rxN', { n: j + 1 })}
              </Pressable>
            ))}
          </fieldset>
          <div className="content-pair">
            {field('quote', 'ko', rx.quote.ko, (v) => editRx('quote', 'ko', v), rx.id, 4)}
            {field('quote', 'en', rx.quote.en, (v) => editRx('quote', 'en', v), rx.id, 4)}
            {rx.source && field('source', 'ko', rx.source.ko, (v) => editRx('source', 'ko', v), rx.id, 1)}
            {rx.source && field('source', 'en', rx.source.en, (v) => editRx('source', 'en', v), rx.id, 1)}
            {field('dosage', 'ko', rx.dosage.ko, (v) => editRx('dosage', 'ko', v), rx.id, 2)}
            {field('dosage', 'en', rx.dosage.en, (v) => editRx('dosage', 'en', v), rx.id, 2)}
          </div>
          <Pressable className="staff-button" data-testid="content-keyboard" aria-pressed={keyboard} onClick={() => setKeyboard((k) => !k)}>
            {t('console.content.keyboard')}
          </Pressable>
          {keyboard && focusedValue !== null && (
            <>
              <p className="muted" role="status">
                {t('console.content.keyboardFor', { field: t('console.content.fieldLabel', { field: t(`console.content.field.${focused.kind}`), lang: t(`console.content.lang.${focused.lang}`) }) })}
              </p>
              <HangulKeyboard value={focusedValue} maxLength={600} onChange={typeInto} onDone={() => setKeyboard(false)} />
            </>
          )}
        </div>
        <aside className="content-side" aria-labelledby="content-preview-title">
          <h3 id="content-preview-title">{t('console.content.preview')}</h3>
          <fieldset className="staff-choices">
            <legend>{t('console.content.previewLang')}</legend>
            {(['ko', 'en'] as const).map((l) => (
              <Pressable key={l} className="staff-button" data-testid={`content-slip-${l}`} aria-pressed={slipLang === l} onClick={() => setSlipLang(l)}>
                {t(`console.content.lang.${l}`)}
              </Pressable>
            ))}
          </fieldset>
          {preview?.png ? (
            <img
              className="slip-preview"
              data-testid="content-preview"
              data-current={preview.of.draft === draft && preview.of.key === `${at.s}/${at.p}/${slipLang}`}
              alt={t('console.content.previewAlt', { symptom: symptom.name[lang], n: at.p + 1, lang: t(`console.content.lang.${slipLang}`) })}
              src={`data:image/png;base64,${preview.png}`}
            />
          ) : (
            <p className="muted">{t('console.content.previewNone')}</p>
          )}
          <ProblemSummary content={draft} problems={problems} onGo={go} />
          <label className="staff-field">
            {t('console.content.note')}
            <input data-testid="content-note" maxLength={200} value={note} onChange={(e) => setNote(e.target.value)} />
          </label>
          {!dirty && <p className="muted">{t('console.content.unchanged')}</p>}
          <div className="content-actions">
            <Pressable className="staff-button primary" data-testid="content-save" disabled={!dirty || blocking > 0 || !preview} onClick={() => void save()}>
              {t('console.content.save')}
            </Pressable>
            <Pressable
              className="staff-button"
              data-testid="content-undo"
              disabled={!dirty}
              onClick={() => {
                setDraft(shown.content);
                setBase(shown.activeVersion);
              }}
            >
              {t('console.content.undo')}
            </Pressable>
          </div>
        </aside>
      </div>
      <ContentVersionsPanel versions={shown.versions} dirty={dirty} onRestore={(v) => void restore(v)} />
    </div>
  );
}
