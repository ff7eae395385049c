/** The staff domain's public face: the module for `domains.ts` and the auth types. */
export { staffDomainModule, createStaffDomain, type StaffDomainOptions } from './staff-domain';
export type { StaffRole, StaffSession } from './staff-auth';
