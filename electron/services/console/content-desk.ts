/**
 * The console's Mind Pharmacy content editor (`console.content*`, admins):
 * versions, a draft's checks with a slip preview drawn by the printer's own
 * renderer (the same path as `console.jobPreview`: slip document → ESC/POS →
 * decoded → PNG), save and restore as new versions.
 *
 * The door (`access.ts`) admits admins only and records each save and
 * restore as a `staff.action`; the domain records what changed
 * (`console.content_saved` / `_restored`), which also tells every console
 * (`console.changed` 'content'). The kiosk's visitors pick the new version
 * up at their next visit (`content-versions.ts`).
 */
import type { ApiOutput, ApiParsedInput } from '../../contract/api';
import type { StaffCaller } from '../../contract/dispatch';
import type { ServiceContext } from '../context';
import type { PrintingService } from '../printing/printing-service';
import { parseSlipDocument } from '../printing/slip-document';
import { checkDraft, type ContentProblem } from '../pharmacy/content-checks';
import { ContentVersions } from '../pharmacy/content-versions';
import { findPrescription } from '../pharmacy/pharmacy-content';
import { prescriptionSlip } from '../pharmacy/pharmacy-slips';
import { ConsoleError } from './console-errors';

/** The slip's number in a preview: clearly not a real one (real numbers never use 0 or O). */
const PREVIEW_RX = 'RX-000000';

type In<M extends 'console.content' | 'console.contentPreview' | 'console.saveContent' | 'console.restoreContent'> = ApiParsedInput<M>;

export class ContentDesk {
  private readonly versions: ContentVersions;

  constructor(
    private readonly ctx: Pick<ServiceContext, 'db' | 'config' | 'record'>,
    private readonly printing: Pick<PrintingService, 'preview'> | null,
    private readonly now: () => Date,
    private readonly pinLabel: (pinId: string) => string | null,
  ) {
    this.versions = new ContentVersions(ctx.db, now);
  }

  private activeOrThrow() {
    if (this.versions.activeVersion() === null) throw new ConsoleError('console.version_not_found', 'this kiosk has no Mind Pharmacy content');
    return this.versions.active();
  }

  show(i: In<'console.content'>): ApiOutput<'console.content'> {
    const active = this.activeOrThrow();
    const version = i.version ?? active.version;
    const content = this.versions.get(version);
    if (!content) throw new ConsoleError('console.version_not_found', `no content version ${version}`);
    const versions = this.versions.list().map((v) => {
      const pinId = v.createdBy.split(':')[1];
      return { ...v, createdByLabel: pinId ? this.pinLabel(pinId) : null };
    });
    return { version, activeVersion: active.version, content, versions };
  }

  async preview(i: In<'console.contentPreview'>): Promise<ApiOutput<'console.contentPreview'>> {
    const { content, problems } = checkDraft(i.content, this.activeOrThrow().content);
    const found = content ? findPrescription(content, i.prescriptionId) : undefined;
    if (!content || !found || found.symptom.id !== i.symptomId || !this.printing) return { png: null, problems };
    // A field the slip cannot hold is still drawn: the admin sees what paper would do with it.
    const doc = parseSlipDocument(
      prescriptionSlip({
        venueName: this.ctx.config.venue.name,
        venueUrl: this.ctx.config.venue.url,
        rxNumber: PREVIEW_RX,
        issuedAt: this.now(),
        symptom: found.symptom,
        prescription: found.prescription,
        footer: content.footer,
        language: i.language,
      }),
    );
    try {
      const png = await this.printing.preview(doc);
      return { png: png.toString('base64'), problems };
    } catch {
      // An empty field can make a block the slip format refuses: the problems say which.
      return { png: null, problems };
    }
  }

  save(i: In<'console.saveContent'>, s: StaffCaller): ApiOutput<'console.saveContent'> {
    const active = this.activeOrThrow();
    // Saves never overwrite (each is a new version), but the admin should know a colleague's version is the one they replace.
    if (i.baseVersion !== undefined && i.baseVersion !== active.version) {
      throw new ConsoleError('console.content_outdated', `draft from version ${i.baseVersion}, active is ${active.version}`);
    }
    const { content, problems } = checkDraft(i.content, active.content);
    const blocking = problems.filter((p) => p.blocking);
    if (!content || blocking.length > 0) {
      throw new ConsoleError('console.content_invalid', `${blocking.length} problems in the draft`, { details: blocking.slice(0, 20).map(describe) });
    }
    const version = this.versions.save(content, `${s.role}:${s.pinId}`, i.note.trim());
    this.ctx.record('console.content_saved', { version, previous: active.version, role: s.role, pinId: s.pinId });
    return { version, problems };
  }

  restore(i: In<'console.restoreContent'>, s: StaffCaller): ApiOutput<'console.restoreContent'> {
    const previous = this.activeOrThrow().version;
    const version = this.versions.restore(i.version, `${s.role}:${s.pinId}`, '');
    if (version === null) throw new ConsoleError('console.version_not_found', `no content version ${i.version}`);
    this.ctx.record('console.content_restored', { version, from: i.version, previous, role: s.role, pinId: s.pinId });
    return { version };
  }
}

/** For the error's details (the log): where and which rule; the console shows the structured problems. */
function describe(p: ContentProblem): string {
  return [p.symptomId, p.prescriptionId, p.field, p.lang, p.rule].filter(Boolean).join(' ');
}
