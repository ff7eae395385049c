import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../storage/database';
import { ContentVersions, SHIPPED_BY } from './content-versions';
import { loadPharmacyContent, type PharmacyContent } from './pharmacy-content';

const shipped = loadPharmacyContent();
const renamed = (c: PharmacyContent, ko: string): PharmacyContent => {
  const d = structuredClone(c);
  d.symptoms[0]!.name.ko = ko;
  return d;
};

describe('ContentVersions', () => {
  let db: Db;
  let versions: ContentVersions;
  let now = new Date('2026-12-06T01:00:00Z');
  beforeEach(() => {
    db = openDatabase({ dataDir: '', memory: true });
    now = new Date('2026-12-06T01:00:00Z');
    versions = new ContentVersions(db, () => now);
  });
  afterEach(() => db.close());

  it('makes the shipped file version 1 once, and a changed shipped file a new version only while shipped content is in use', () => {
    expect(versions.seed(shipped)).toBe(1);
    expect(versions.seed(shipped)).toBe(1);
    expect(versions.seed(renamed(shipped, '새 배포'))).toBe(2);
    expect(versions.list()[0]).toMatchObject({ version: 2, createdBy: SHIPPED_BY, active: true });
    versions.save(renamed(shipped, '관리자 수정'), 'admin:01PIN', '');
    // An admin's edit is never replaced by an update's file.
    expect(versions.seed(renamed(shipped, '또 다른 배포'))).toBe(3);
    expect(versions.active().content.symptoms[0]!.name.ko).toBe('관리자 수정');
  });

  it('saves and restores as new versions: nothing is overwritten, one version is active', () => {
    versions.seed(shipped);
    const v2 = versions.save(renamed(shipped, '둘째'), 'admin:01PIN', '이름을 바꿈');
    expect(versions.active()).toMatchObject({ version: v2 });
    const v3 = versions.restore(1, 'admin:01PIN', '')!;
    expect(v3).toBe(3);
    expect(versions.active().content).toEqual(shipped);
    expect(versions.list().map((v) => [v.version, v.restoredFrom, v.active])).toEqual([
      [3, 1, true],
      [2, null, false],
      [1, null, false],
    ]);
    expect(versions.get(2)!.symptoms[0]!.name.ko).toBe('둘째');
    expect(versions.restore(99, 'admin:01PIN', '')).toBeNull();
  });

  it('pins a visit to the version active at its first look: a save mid-visit reaches the next visitor only', () => {
    versions.seed(shipped);
    expect(versions.forVisit('visit-aaaa').version).toBe(1);
    versions.save(renamed(shipped, '새 이름'), 'admin:01PIN', '');
    const early = versions.forVisit('visit-aaaa');
    expect(early.version).toBe(1);
    expect(early.content.symptoms[0]!.name.ko).toBe(shipped.symptoms[0]!.name.ko);
    expect(versions.forVisit('visit-bbbb').content.symptoms[0]!.name.ko).toBe('새 이름');
    // Restoring the old text is a new version too; the pinned visit still reads its own.
    versions.restore(1, 'admin:01PIN', '');
    expect(versions.forVisit('visit-bbbb').version).toBe(2);
    expect(versions.forVisit('visit-cccc').version).toBe(3);
  });

  it('forgets pins of visits two days over', () => {
    versions.seed(shipped);
    versions.forVisit('visit-old');
    now = new Date('2026-12-08T02:00:00Z');
    versions.forVisit('visit-new');
    expect(versions.prunePins()).toBe(1);
    expect(versions.pinnedVersion('visit-old')).toBeNull();
    expect(versions.pinnedVersion('visit-new')).toBe(1);
  });
});
