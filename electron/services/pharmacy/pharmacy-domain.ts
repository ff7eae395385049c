/** The Mind Pharmacy as a service domain: content checked at start, the flow on the real printer and cabinet. */
import { z } from 'zod';
import type { DomainModule, ServiceContext, ServiceDomain } from '../context';
import { loadPharmacyContent, readPharmacyIcon, type PharmacyContent } from './pharmacy-content';
import { createPrescriptionPicker } from './prescription-picker';
import { ContentVersions } from './content-versions';
import { PharmacyFlow } from './pharmacy-flow';
import { followSlipOutcomes } from '../printing/print-books';
import type { PharmacyPrinter, PharmacyVending } from './pharmacy-devices';
import type { PharmacyConnect } from './pharmacy-flow';

const id = z.string();

export const pharmacyEventSchemas = {
  'pharmacy.symptom_chosen': z.object({ symptomId: id, requestId: id }),
  'pharmacy.prescribed': z.object({ rxId: id, rxNumber: id, symptomId: id, prescriptionId: id, requestId: id }),
  'pharmacy.completed': z.object({
    rxId: id,
    printJobId: id.nullable(),
    printOutcome: z.enum(['printed', 'waiting', 'failed', 'unknown']),
    vendTxn: z.number().int().nullable(),
    vendState: z.string(),
    /** Settled at start after a crash had interrupted the flow (see `PharmacyFlow.recoverInterrupted`). */
    recovered: z.boolean().optional(),
  }),
  'pharmacy.crisis': z.object({ requestId: id, alertId: id }),
};

export interface PharmacyDomainOptions {
  /** Content file (tests); the shipped `resources/pharmacy/content.json` otherwise. */
  contentPath?: string;
}

export function pharmacyDomainModule(opts: PharmacyDomainOptions = {}): DomainModule {
  return {
    eventSchemas: pharmacyEventSchemas,
    create: (ctx) => createPharmacyDomain(ctx, opts),
  };
}

export function createPharmacyDomain(ctx: ServiceContext, opts: PharmacyDomainOptions): ServiceDomain {
  // Broken content stops the start with the list of problems: better than a visitor meeting a half-written slip.
  const shipped = loadPharmacyContent(opts.contentPath);
  // Admins' edits are saved versions (the console's content editor); the shipped file is the first one.
  const versions = new ContentVersions(ctx.db);
  versions.seed(shipped);
  versions.prunePins();
  const flow = new PharmacyFlow({
    ctx,
    content: versions,
    picker: createPrescriptionPicker({ db: ctx.db, kioskId: ctx.kioskId, content: shipped }),
    printer: ctx.getService<PharmacyPrinter>('printing'),
    vending: ctx.getService<PharmacyVending>('vending'),
    connect: optionalService<PharmacyConnect>(ctx, 'connect'),
  });
  // Icons are files beside the shipped content, read once; an edit changes words, never icons.
  const catalogs = new Map<number, ReturnType<typeof buildCatalog>>();
  const catalogOf = (v: { version: number; content: PharmacyContent }) => {
    let c = catalogs.get(v.version);
    if (!c) catalogs.set(v.version, (c = buildCatalog(v.content, opts.contentPath)));
    return { ...c, contentVersion: v.version };
  };
  const vending = ctx.getService<PharmacyVending & { whenReady?(): Promise<boolean> }>('vending');
  let recovering: Promise<unknown> = Promise.resolve();
  // Finished prescriptions keep the slip's true outcome (a marked reprint resolves an unknown); rows still in the flow are the flow's.
  const offBooks = followSlipOutcomes(ctx, (firstJobId, outcome) => {
    ctx.db
      .prepare('UPDATE prescriptions_issued SET print_state = ? WHERE print_job_id = ? AND print_state IS NOT NULL AND print_state <> ?')
      .run(outcome, firstJobId, outcome);
  });
  return {
    name: 'pharmacy',
    service: flow,
    start() {
      // In the background: a silent cabinet must not hold up the kiosk's start.
      recovering = flow.recoverInterrupted(vending.whenReady?.() ?? Promise.resolve()).catch((err) => ctx.logger.error('cannot settle interrupted prescriptions', { err }));
    },
    async stop() {
      offBooks();
      await recovering;
    },
    handlers: {
      // With the visit's request id, its first look pins the version the whole visit reads.
      'pharmacy.catalog': ({ requestId }) => ({ ...catalogOf(requestId ? versions.forVisit(requestId) : versions.active()), availability: flow.availability() }),
      'pharmacy.availability': () => flow.availability(),
      'pharmacy.chooseSymptom': ({ symptomId, requestId }) => {
        flow.chooseSymptom(symptomId, requestId);
        return { recorded: true };
      },
      'pharmacy.prescribe': ({ symptomId, requestId, language }) => flow.prescribe(symptomId, requestId, language),
      'pharmacy.crisis': ({ requestId, language }) => flow.crisis(requestId, language),
    },
  };
}

/** A domain that may be absent (a test that composes the pharmacy alone). */
function optionalService<T>(ctx: ServiceContext, name: string): T | null {
  try {
    return ctx.getService<T>(name);
  } catch {
    return null;
  }
}

/** The screen's view of the content, icons inlined (they are our own checked SVG files). */
function buildCatalog(content: PharmacyContent, contentPath?: string) {
  return {
    symptoms: content.symptoms.map((s) => ({
      id: s.id,
      name: s.name,
      description: s.description,
      iconSvg: readPharmacyIcon(s.icon, contentPath),
    })),
    crisis: {
      title: content.crisis.title,
      body: content.crisis.body,
      lines: content.crisis.lines.map((l) => ({ name: l.name, phone: l.phone, press: l.press ?? null, note: l.note })),
      iconSvg: readPharmacyIcon('crisis.svg', contentPath),
    },
  };
}
