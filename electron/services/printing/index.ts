/**
 * What other domains import from printing: the service interface, the slip
 * document model and the status and job types. Flows get the service with
 * `ctx.getService<PrintingService>('printing')`.
 */
export type { PrintingService } from './printing-service';
export {
  slipDocumentSchema,
  slipBlockSchema,
  parseSlipDocument,
  type SlipDocument,
  type SlipDocumentInput,
  type SlipBlock,
  type SlipBlockInput,
} from './slip-document';
export type { PrinterStatus, PrintJobSummary, PrintJobState, PrinterFaultCode } from '../../contract/printing-api';
export { describeStatus, statusMessages } from './printer-status';
export { printerProfiles, profileFor, type PrinterProfile } from './printer-profiles';
export { printingDomainModule } from './printing-domain';
