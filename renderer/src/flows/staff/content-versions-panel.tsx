/**
 * The saved versions of the Mind Pharmacy content, newest first: when, who
 * (the PIN's label, never a name), why, which one visitors get. Restoring an
 * old version asks first and makes a new version from it (nothing is
 * overwritten); the services record who did it.
 */
import { useState } from 'react';
import { Pressable } from '../../components/pressable';
import { useLanguage, useT } from '../../i18n/use-t';
import type { ContentVersionWire } from '../../../../electron/contract/content-api';
import { whenOf } from './console-format';

export function ContentVersionsPanel({ versions, dirty, onRestore }: { versions: ContentVersionWire[]; dirty: boolean; onRestore: (version: number) => void }) {
  const t = useT();
  const lang = useLanguage();
  const [asking, setAsking] = useState<number | null>(null);
  const who = (v: ContentVersionWire) => {
    if (v.createdBy === 'shipped') return t('console.content.shipped');
    const role = v.createdBy.split(':')[0];
    const roleWord = role === 'admin' || role === 'technician' || role === 'staff' ? t(`staff.role.${role}`) : role;
    return v.createdByLabel ? `${v.createdByLabel} (${roleWord})` : roleWord;
  };
  return (
    <section aria-labelledby="content-versions-title" data-testid="content-versions">
      <h3 id="content-versions-title">{t('console.content.versions')}</h3>
      <table className="staff-table content-versions">
        <thead>
          <tr>
            <th scope="col">{t('console.content.colVersion')}</th>
            <th scope="col">{t('console.content.colWhen')}</th>
            <th scope="col">{t('console.content.colWho')}</th>
            <th scope="col">{t('console.content.colNote')}</th>
            <th scope="col">{t('console.content.colState')}</th>
          </tr>
        </thead>
        <tbody>
          {versions.map((v) => (
            <tr key={v.version} data-testid="content-version" data-version={v.version} data-active={v.active}>
              <th scope="row">{t('console.content.version', { version: v.version })}</th>
              <td>{whenOf(v.createdAt, lang)}</td>
              <td lang={v.createdByLabel && /[\uac00-\ud7a3]/.test(v.createdByLabel) ? 'ko' : undefined}>{who(v)}</td>
              <td lang={/[\uac00-\ud7a3]/.test(v.note) ? 'ko' : undefined}>
                {v.restoredFrom !== null ? t('console.content.restoredFrom', { from: v.restoredFrom }) : v.note}
              </td>
              <td>
                {v.active ? (
                  <span className="chip ok" data-testid="content-version-active">
                    {t('console.content.active')}
                  </span>
                ) : asking === v.version ? (
                  <span role="alertdialog" aria-labelledby={`restore-${v.version}`} className="staff-confirm">
                    <span id={`restore-${v.version}`}>{t(dirty ? 'console.content.confirmRestoreDirty' : 'console.content.confirmRestore', { version: v.version })}</span>
                    <Pressable
                      className="staff-button danger"
                      data-testid="content-restore-yes"
                      onClick={() => {
                        setAsking(null);
                        onRestore(v.version);
                      }}
                    >
                      {t('console.content.yesRestore')}
                    </Pressable>
                    <Pressable className="staff-button" data-testid="content-restore-no" onClick={() => setAsking(null)}>
                      {t('console.content.keep')}
                    </Pressable>
                  </span>
                ) : (
                  <Pressable className="staff-button" data-testid="content-restore" aria-label={t('console.content.restoreLabel', { version: v.version })} onClick={() => setAsking(v.version)}>
                    {t('console.content.restore')}
                  </Pressable>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
