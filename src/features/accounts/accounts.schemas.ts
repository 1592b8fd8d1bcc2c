import { z } from 'zod';

export const signInSchema = z.object({
  email: z
    .string({ error: 'validation.signIn.emailMissing' })
    .trim()
    .toLowerCase()
    .min(1, 'validation.signIn.emailMissing')
    .max(254, 'validation.signIn.wrongDetails'),
  password: z
    .string({ error: 'validation.signIn.passwordMissing' })
    .min(1, 'validation.signIn.passwordMissing')
    .max(1024, 'validation.signIn.wrongDetails'),
  next: z.string().optional(),
});
