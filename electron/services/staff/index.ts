/** The staff domain's public face: the module for `domains.ts`, the frame tap the vending domain writes to, and the auth types. */
export { staffDomainModule, createStaffDomain, type StaffDomainOptions } from './staff-domain';
export { frameTapFor } from './frame-tap';
export type { StaffRole, StaffSession } from './staff-auth';
