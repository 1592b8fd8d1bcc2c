import { z } from 'zod';

// Staff read these messages; each says what to fix. Messages are catalogue keys.

export const themeEditSchema = z.object({
  label: z
    .string({ error: 'themes.errors.labelMissing' })
    .trim()
    .min(1, 'themes.errors.labelMissing')
    .max(120, 'themes.errors.labelTooLong'),
  description: z.string().trim().max(1000, 'themes.errors.descriptionTooLong').default(''),
  // A checkbox: sent as "1" when ticked, absent otherwise.
  locked: z
    .string()
    .optional()
    .transform((value) => value === '1'),
});
export type ThemeEditInput = z.output<typeof themeEditSchema>;
