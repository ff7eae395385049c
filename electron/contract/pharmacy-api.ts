/** Contract of the Mind Pharmacy (마음약방): symptoms, prescriptions, the crisis path. */
import { z } from 'zod';
import { programCardSchema } from './connect-api';

const localized = z.object({ ko: z.string(), en: z.string() });
const language = z.enum(['ko', 'en']);
/** One id per visitor session, made by the screen: a tap storm or a resend maps to one prescription. */
const requestId = z.string().regex(/^[A-Za-z0-9-]{8,64}$/, 'a session request id');

export const pharmacyAvailabilitySchema = z.object({
  /** False only when neither a slip nor a gift can be given: Home shows "taking a short break". */
  available: z.boolean(),
  printer: z.boolean(),
  gifts: z.boolean(),
});

export const prescriptionResultSchema = z.object({
  rxId: z.string(),
  rxNumber: z.string(),
  symptom: z.object({ id: z.string(), name: localized }),
  prescription: z.object({ quote: localized, source: localized.nullable(), dosage: localized }),
  issuedAt: z.string(),
  print: z.object({
    jobId: z.string().nullable(),
    /** printed: take your slip; waiting: the printer has a fault and the job waits for staff; failed/unknown: no slip. */
    outcome: z.enum(['printed', 'waiting', 'failed', 'unknown']),
  }),
  gift: z.object({
    outcome: z.enum(['delivered', 'not_given']),
    item: localized.nullable(),
  }),
  /** The prescription as a QR code (SVG) so a visitor without a slip can take it with a phone. */
  qrSvg: z.string(),
  /** 서울연결처방: the programme printed on the slip (null when none matches today). */
  program: programCardSchema.nullable(),
});
export type PrescriptionResult = z.infer<typeof prescriptionResultSchema>;

export const pharmacyApi = {
  'pharmacy.catalog': {
    /** The visit's request id: its first look pins the content version the whole visit reads (an edit reaches the next visitor). */
    input: z.object({ requestId: requestId.optional() }).strict(),
    output: z.object({
      /** The content version shown (saved versions: the console's content editor). */
      contentVersion: z.number().int(),
      symptoms: z.array(
        z.object({ id: z.string(), name: localized, description: localized, iconSvg: z.string() }),
      ),
      crisis: z.object({
        title: localized,
        body: localized,
        lines: z.array(z.object({ name: localized, phone: z.string(), press: z.string().nullable(), note: localized })),
        iconSvg: z.string(),
      }),
      availability: pharmacyAvailabilitySchema,
    }),
  },
  'pharmacy.availability': {
    input: z.object({}).strict(),
    output: pharmacyAvailabilitySchema,
  },
  'pharmacy.chooseSymptom': {
    input: z.object({ symptomId: z.string().max(64), requestId }).strict(),
    output: z.object({ recorded: z.boolean() }),
  },
  'pharmacy.prescribe': {
    input: z.object({ symptomId: z.string().max(64), requestId, language }).strict(),
    output: prescriptionResultSchema,
  },
  'pharmacy.crisis': {
    input: z.object({ requestId, language }).strict(),
    output: z.object({
      alertId: z.string(),
      print: z.object({ jobId: z.string().nullable(), outcome: z.enum(['printed', 'waiting', 'failed', 'unknown']) }),
    }),
  },
} as const;
