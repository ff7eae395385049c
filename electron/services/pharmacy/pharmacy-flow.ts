/**
 * The Mind Pharmacy flow: symptom → prescription → slip and gift together.
 *
 * One prescription per visitor session: the screen sends one request id per
 * session, and a tap storm, a resend or a reconnect with the same id gets
 * the same prescription, one print job and one vend. The slip never waits
 * for the gift, and a failed gift never withholds the slip; every failure
 * still leaves the visitor their prescription on screen (and as a QR code).
 */
import { PharmacyError } from './pharmacy-errors';
import { qrcodeModule } from '../app/lazy-module';
import { KioskError } from '../../contract/errors';
import type { PrescriptionResult } from '../../contract/pharmacy-api';
import type { ServiceContext } from '../context';
import { CRISIS_JOIN_KEY, raiseStaffAlert, raiseVisitorAlert } from '../app/staff-alerts';
import { parseSlipDocument } from '../printing/slip-document';
import { GIFT_CATEGORIES, findPrescription, findSymptom, type PharmacyContent } from './pharmacy-content';
import type { PrescriptionPicker } from './prescription-picker';
import { crisisSlip, prescriptionPlainText, prescriptionSlip, type SlipLanguage } from './pharmacy-slips';
import { printOutcome, type PharmacyPrinter, type PharmacyVending } from './pharmacy-devices';
import { bookedOutcome } from '../printing/print-books';
import type { Program, ProgramCard } from '../../contract/connect-api';

/** What the flow asks of 서울연결처방 (`connect/`): the visit's programme and how the screen shows it. */
export interface PharmacyConnect {
  programForVisit(requestId: string, symptomId: string): Program | null;
  card(p: Program): Promise<ProgramCard>;
}

/** How long the screen waits for the slip before saying it is delayed (the job itself keeps its place). */
export const PRINT_WAIT_MS = 20_000;

/**
 * Where a visit's content comes from: the version it was pinned to at its
 * first look (`content-versions.ts`), so an admin's edit reaches the next
 * visitor, never one mid-visit.
 */
export interface VisitContent {
  forVisit(requestId: string): { version: number; content: PharmacyContent };
}

/** One content for every visit (tests, and a kiosk without saved versions). */
export function fixedContent(content: PharmacyContent): VisitContent {
  return { forVisit: () => ({ version: 0, content }) };
}

export interface PharmacyFlowDeps {
  ctx: Pick<ServiceContext, 'db' | 'kioskId' | 'config' | 'logger' | 'record' | 'push'>;
  /** Content as data: a fixed one, or the saved versions with visits pinned. */
  content: PharmacyContent | VisitContent;
  picker: PrescriptionPicker;
  printer: PharmacyPrinter;
  vending: PharmacyVending;
  /** Absent (tests, a kiosk without the domain): slips carry no programme. */
  connect?: PharmacyConnect | null;
}

interface IssuedRow {
  id: string;
  rx_number: string;
  symptom_id: string;
  prescription_id: string;
  at: string;
  print_job_id: string | null;
  print_state: string | null;
  vend_state: string | null;
  language: string | null;
  request_id?: string | null;
}

export class PharmacyFlow {
  private readonly inflight = new Map<string, Promise<PrescriptionResult>>();
  private readonly crisisInflight = new Map<string, Promise<{ alertId: string; print: { jobId: string | null; outcome: ReturnType<typeof printOutcome> } }>>();
  private readonly source: VisitContent;

  constructor(private readonly deps: PharmacyFlowDeps) {
    this.source = 'forVisit' in deps.content ? deps.content : fixedContent(deps.content);
  }

  /** The content this visit reads (pinned at its first call). */
  private contentOf(requestId: string): PharmacyContent {
    return this.source.forVisit(requestId).content;
  }

  availability() {
    const printer = this.deps.printer.ready();
    const gifts = GIFT_CATEGORIES.some((c) => this.deps.vending.giftAvailable(c));
    return { available: printer || gifts, printer, gifts };
  }

  chooseSymptom(symptomId: string, requestId: string): void {
    if (!findSymptom(this.contentOf(requestId), symptomId)) throw unknownSymptom(symptomId);
    this.deps.ctx.record('pharmacy.symptom_chosen', { symptomId, requestId });
  }

  /** Idempotent by request id: see the file comment. */
  prescribe(symptomId: string, requestId: string, language: SlipLanguage): Promise<PrescriptionResult> {
    const running = this.inflight.get(requestId);
    if (running) return running;
    const p = this.run(symptomId, requestId, language).finally(() => this.inflight.delete(requestId));
    this.inflight.set(requestId, p);
    return p;
  }

  private async run(symptomId: string, requestId: string, language: SlipLanguage): Promise<PrescriptionResult> {
    const { ctx } = this.deps;
    const content = this.contentOf(requestId);
    const symptom = findSymptom(content, symptomId);
    if (!symptom) throw unknownSymptom(symptomId);

    const existing = ctx.db.prepare('SELECT * FROM prescriptions_issued WHERE request_id = ?').get(requestId) as (IssuedRow & { request_id: string }) | undefined;
    if (existing) return this.describe(existing);

    // Issue and claim the request id in one transaction: a second process with the same id fails the unique index.
    const issued = ctx.db.transaction(() => {
      const i = this.deps.picker.issue(symptomId, content);
      ctx.db.prepare('UPDATE prescriptions_issued SET request_id = ?, language = ? WHERE id = ?').run(requestId, language, i.id);
      ctx.record('pharmacy.prescribed', { rxId: i.id, rxNumber: i.rxNumber, symptomId, prescriptionId: i.prescriptionId, requestId });
      return i;
    })();

    const found = findPrescription(content, issued.prescriptionId)!;
    const program = this.programFor(requestId, symptomId);
    const doc = this.slip(content, issued.rxNumber, issued.at, symptomId, issued.prescriptionId, language, program);

    // Print and vend run side by side; neither waits for the other.
    const printing = this.print(issued.id, doc);
    const vending = this.vend(issued.id, symptom.giftCategory);
    const [print, gift] = await Promise.all([printing, vending]);

    ctx.db
      .prepare('UPDATE prescriptions_issued SET print_state = ?, vend_txn = ?, vend_state = ? WHERE id = ?')
      .run(bookedOutcome(this.deps.ctx.db, print), gift.txn === null ? null : String(gift.txn), gift.state, issued.id);
    const giftOutcome = gift.state === 'delivered' ? 'delivered' : 'not_given';
    ctx.record('pharmacy.completed', {
      rxId: issued.id,
      printJobId: print.jobId,
      printOutcome: print.outcome,
      vendTxn: gift.txn,
      vendState: gift.state,
    });
    if (giftOutcome === 'not_given') {
      // A staff member brings the gift by hand; the alert says which prescription is owed one.
      safely(ctx, () => raiseStaffAlert(ctx, 'gift_owed', { rxNumber: issued.rxNumber, vendState: gift.state, category: symptom.giftCategory }));
    }
    return {
      rxId: issued.id,
      rxNumber: issued.rxNumber,
      symptom: { id: symptom.id, name: symptom.name },
      prescription: { quote: found.prescription.quote, source: found.prescription.source, dosage: found.prescription.dosage },
      issuedAt: issued.at,
      print,
      gift: { outcome: giftOutcome, item: giftOutcome === 'delivered' ? (gift.item ?? null) : null },
      qrSvg: await this.qr(content, issued.rxNumber, symptom.id, found.prescription.id, issued.at, language),
      program: await this.cardOf(program),
    };
  }

  /** The visit's 연결처방; a failure there must never cost the visitor their prescription. */
  private programFor(requestId: string | null | undefined, symptomId: string): Program | null {
    const connect = this.deps.connect;
    if (!connect || !requestId) return null;
    try {
      return connect.programForVisit(requestId, symptomId);
    } catch (err) {
      this.deps.ctx.logger.error('cannot choose a 서울연결처방 programme', { err });
      return null;
    }
  }

  private async cardOf(program: Program | null): Promise<ProgramCard | null> {
    if (!program || !this.deps.connect) return null;
    try {
      return await this.deps.connect.card(program);
    } catch (err) {
      this.deps.ctx.logger.error('cannot show the 서울연결처방 programme', { err });
      return null;
    }
  }

  private slip(content: PharmacyContent, rxNumber: string, at: string, symptomId: string, prescriptionId: string, language: SlipLanguage, program: Program | null) {
    const { ctx } = this.deps;
    return parseSlipDocument(
      prescriptionSlip({
        venueName: ctx.config.venue.name,
        venueUrl: ctx.config.venue.url,
        rxNumber,
        issuedAt: new Date(at),
        symptom: findSymptom(content, symptomId)!,
        prescription: findPrescription(content, prescriptionId)!.prescription,
        footer: content.footer,
        language,
        connect: { program, chatbot: { url: ctx.config.connect.chatbotUrl, name: ctx.config.connect.chatbotName } },
      }),
    );
  }

  /**
   * Prescriptions a killed host left half-done: issued (the visitor saw a
   * number, or was about to), but the flow never recorded its outcome. Run
   * once at start, before any visitor of this run; `giftsSettled` resolves
   * when the vending service has reconciled what was in flight.
   *  - Slip: a job queued before the crash (found by its ref, also when the
   *    crash came before the job id was written back) is left to the print
   *    queue, which never sends it twice; when no job was queued, nothing can
   *    have printed, so the slip is queued now, once.
   *  - Gift: what the vend log says once reconciled; anything but delivered
   *    is owed, and staff are told, as after a failed vend.
   */
  async recoverInterrupted(giftsSettled: Promise<unknown>): Promise<number> {
    const { ctx } = this.deps;
    const rows = ctx.db
      .prepare('SELECT * FROM prescriptions_issued WHERE request_id IS NOT NULL AND print_state IS NULL ORDER BY at')
      .all() as (IssuedRow & { request_id: string })[];
    if (rows.length === 0) return 0;
    const printed = rows.map((row) => ({ row, print: this.recoverSlip(row) }));
    await giftsSettled.catch(() => undefined);
    for (const { row, print } of printed) {
      if (this.inflight.has(row.request_id)) continue;
      const req = ctx.db.prepare('SELECT state, txn FROM vend_requests WHERE request_id = ?').get(row.id) as { state: string; txn: number | null } | undefined;
      const vendState = req && req.state !== 'pending' ? req.state : 'vending.interrupted';
      ctx.db
        .prepare('UPDATE prescriptions_issued SET print_job_id = ?, print_state = ?, vend_txn = ?, vend_state = ? WHERE id = ?')
        .run(print.jobId, bookedOutcome(this.deps.ctx.db, print), req?.txn == null ? null : String(req.txn), vendState, row.id);
      ctx.record('pharmacy.completed', {
        rxId: row.id,
        printJobId: print.jobId,
        printOutcome: print.outcome,
        vendTxn: req?.txn ?? null,
        vendState,
        recovered: true,
      });
      if (vendState !== 'delivered') {
        const symptom = findSymptom(this.contentOf(row.request_id), row.symptom_id);
        safely(ctx, () => raiseStaffAlert(ctx, 'gift_owed', { rxNumber: row.rx_number, vendState, category: symptom?.giftCategory ?? null }));
      }
    }
    ctx.logger.warn('prescriptions left half-done by a previous run were settled', { count: rows.length });
    return rows.length;
  }

  private recoverSlip(row: IssuedRow & { request_id: string }): { jobId: string | null; outcome: ReturnType<typeof printOutcome> } {
    const { ctx, printer } = this.deps;
    if (row.print_job_id) {
      const state = ctx.db.prepare('SELECT state FROM print_jobs WHERE id = ?').pluck().get(row.print_job_id) as string | undefined;
      return { jobId: row.print_job_id, outcome: printOutcome(state ?? 'queued') };
    }
    const job = ctx.db.prepare("SELECT id, state FROM print_jobs WHERE kind = 'prescription' AND ref = ? ORDER BY created_at LIMIT 1").get(row.id) as
      | { id: string; state: string }
      | undefined;
    if (job) {
      ctx.db.prepare('UPDATE prescriptions_issued SET print_job_id = ? WHERE id = ?').run(job.id, row.id);
      return { jobId: job.id, outcome: printOutcome(job.state) };
    }
    try {
      const language = (row.language === 'en' ? 'en' : 'ko') as SlipLanguage;
      const program = this.programFor(row.request_id, row.symptom_id);
      const doc = this.slip(this.contentOf(row.request_id), row.rx_number, row.at, row.symptom_id, row.prescription_id, language, program);
      const queued = printer.submit(doc, { kind: 'prescription', ref: row.id });
      ctx.db.prepare('UPDATE prescriptions_issued SET print_job_id = ? WHERE id = ?').run(queued.jobId, row.id);
      return { jobId: queued.jobId, outcome: printOutcome(queued.state) };
    } catch (err) {
      ctx.logger.error('cannot queue the slip of an interrupted prescription', { rxId: row.id, err });
      safely(ctx, () => raiseStaffAlert(ctx, 'print_job_failed', { rxNumber: row.rx_number, code: 'app.restarted' }));
      return { jobId: null, outcome: 'failed' };
    }
  }

  private async print(rxId: string, doc: ReturnType<typeof parseSlipDocument>) {
    const { ctx, printer } = this.deps;
    try {
      const job = printer.submit(doc, { kind: 'prescription', ref: rxId });
      ctx.db.prepare('UPDATE prescriptions_issued SET print_job_id = ? WHERE id = ?').run(job.jobId, rxId);
      const done = await printer.waitForJob(job.jobId, PRINT_WAIT_MS);
      return { jobId: job.jobId, outcome: printOutcome(done.state) };
    } catch (err) {
      ctx.logger.error('prescription print failed', { rxId, err });
      return { jobId: null, outcome: 'failed' as const };
    }
  }

  private async vend(rxId: string, category: string) {
    try {
      return await this.deps.vending.vendGift({ category, reason: `rx:${rxId}`, requestId: rxId });
    } catch (err) {
      this.deps.ctx.logger.error('gift vend failed', { rxId, err });
      return { txn: null, slot: null, state: err instanceof KioskError ? err.code : 'error', item: null };
    }
  }

  /** A prescription issued earlier for this request (a resend after reconnect): its stored outcome. */
  private async describe(row: IssuedRow & { request_id: string }): Promise<PrescriptionResult> {
    const content = this.contentOf(row.request_id);
    const found = findPrescription(content, row.prescription_id);
    if (!found) throw new PharmacyError('pharmacy.content_changed', `prescription ${row.prescription_id} is no longer in the content`);
    const language = (row.language === 'en' ? 'en' : 'ko') as SlipLanguage;
    return {
      rxId: row.id,
      rxNumber: row.rx_number,
      symptom: { id: found.symptom.id, name: found.symptom.name },
      prescription: { quote: found.prescription.quote, source: found.prescription.source, dosage: found.prescription.dosage },
      issuedAt: row.at,
      print: { jobId: row.print_job_id, outcome: row.print_state ? printOutcome(row.print_state) : 'waiting' },
      gift: { outcome: row.vend_state === 'delivered' ? 'delivered' : 'not_given', item: null },
      qrSvg: await this.qr(content, row.rx_number, found.symptom.id, found.prescription.id, row.at, language),
      program: await this.cardOf(this.programFor(row.request_id, found.symptom.id)),
    };
  }

  private qr(content: PharmacyContent, rxNumber: string, symptomId: string, prescriptionId: string, at: string, language: SlipLanguage): Promise<string> {
    const found = findPrescription(content, prescriptionId)!;
    const text = prescriptionPlainText({
      venueName: this.deps.ctx.config.venue.name,
      rxNumber,
      issuedAt: new Date(at),
      symptom: findSymptom(content, symptomId)!,
      prescription: found.prescription,
      footer: content.footer,
      language,
    });
    return qrcodeModule().toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
  }

  /** "Really struggling": staff are alerted at once, the crisis card prints; no joke, no gift. Idempotent by request id. */
  crisis(requestId: string, language: SlipLanguage) {
    const running = this.crisisInflight.get(requestId);
    if (running) return running;
    const p = this.runCrisis(requestId, language).finally(() => this.crisisInflight.delete(requestId));
    this.crisisInflight.set(requestId, p);
    return p;
  }

  private async runCrisis(requestId: string, language: SlipLanguage) {
    const { ctx, printer } = this.deps;
    const content = this.contentOf(requestId);
    const prior = ctx.db.prepare('SELECT alert_id, print_job_id FROM pharmacy_crisis_requests WHERE request_id = ?').get(requestId) as
      | { alert_id: string; print_job_id: string | null }
      | undefined;
    if (prior) return { alertId: prior.alert_id, print: { jobId: prior.print_job_id, outcome: 'waiting' as const } };

    // The alert goes first and alone: nothing about the printer may delay it. A repeat within the
    // visit joins the open crisis alert (its count grows) rather than burying it under new ones.
    const { alertId, count, deferred } = raiseVisitorAlert(ctx, 'crisis', { source: 'pharmacy' }, {
      joinKey: CRISIS_JOIN_KEY,
      also: (id) => {
        ctx.db
          .prepare('INSERT OR IGNORE INTO pharmacy_crisis_requests (request_id, kiosk_id, at, alert_id) VALUES (?, ?, ?, ?)')
          .run(requestId, ctx.kioskId, new Date().toISOString(), id);
        ctx.record('pharmacy.crisis', { requestId, alertId: id });
      },
    });
    let print: { jobId: string | null; outcome: ReturnType<typeof printOutcome> } = { jobId: null, outcome: 'failed' };
    // The card prints for the first tap and one repeat (a lost card); a flood must not empty the paper roll.
    if (deferred || count > 2) return { alertId, print };
    try {
      const doc = parseSlipDocument(crisisSlip({ venueName: ctx.config.venue.name, crisis: content.crisis, footer: content.footer, language }));
      const job = printer.submit(doc, { kind: 'crisis', ref: alertId });
      ctx.db.prepare('UPDATE pharmacy_crisis_requests SET print_job_id = ? WHERE request_id = ?').run(job.jobId, requestId);
      const done = await printer.waitForJob(job.jobId, PRINT_WAIT_MS);
      print = { jobId: job.jobId, outcome: printOutcome(done.state) };
    } catch (err) {
      ctx.logger.error('crisis card print failed', { err });
    }
    return { alertId, print };
  }
}

function unknownSymptom(symptomId: string) {
  return new PharmacyError('pharmacy.unknown_symptom', `no symptom ${symptomId}`);
}

/** Bookkeeping after the visitor's result must not turn a given prescription into an error screen. */
function safely(ctx: PharmacyFlowDeps['ctx'], fn: () => void) {
  try {
    fn();
  } catch (err) {
    ctx.logger.error('pharmacy bookkeeping failed', { err });
  }
}

