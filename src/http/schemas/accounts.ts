import { z } from 'zod';

/** The seller account of a path; which ones the caller may use is the access check's (auth/access.ts). */
export const accountParams = z.object({ accountId: z.string().regex(/^\d{1,9}$/, 'a seller account id') });
