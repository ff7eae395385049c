/**
 * The staff session token every staff-level method carries in its input.
 * The door (`dispatch.ts`, with the table in `access.ts`) reads it before
 * the handler runs; handlers never check it themselves. One schema here so
 * each domain's contract file names the same shape.
 */
import { z } from 'zod';

export const staffToken = z.string().min(16).max(64);
export const staffRoleSchema = z.enum(['staff', 'technician', 'admin']);
export type StaffRole = z.infer<typeof staffRoleSchema>;
