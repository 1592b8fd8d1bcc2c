import { z } from 'zod';
import { asList } from '../../platform/forms.ts';

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

export const themeAddSchema = z.object({
  label: themeEditSchema.shape.label,
});

/** A page of a theme's voices lists 50; no form moves more at once. */
const MOST_VOICES_MOVED = 50;

const themeKey = (message: string) => z.string({ error: message }).trim().min(1, message);

export const themeMergeSchema = z
  .object({
    from: themeKey('themes.errors.mergeFromMissing'),
    into: themeKey('themes.errors.mergeIntoMissing'),
  })
  .refine((merge) => merge.from !== merge.into, {
    message: 'themes.errors.mergeSame',
    path: ['into'],
  });

/** Coding a voice by hand: the themes ticked, the first as the page lists them its main one. */
export const voiceCodingSchema = z.object({
  themes: z.preprocess(asList, z.array(z.string().trim().min(1))),
});

export const voiceMoveSchema = z
  .object({
    from: themeKey('themes.errors.moveFromMissing'),
    to: themeKey('themes.errors.moveToMissing'),
  })
  .refine((move) => move.from !== move.to, { message: 'themes.errors.moveSame', path: ['to'] });

/** Moving the voices ticked on a page of a theme's voices into another theme. */
export const voicesMoveSchema = z.object({
  voices: z.preprocess(
    asList,
    z
      .array(z.string().trim().min(1).max(64), { error: 'themes.errors.moveNoneTicked' })
      .min(1, 'themes.errors.moveNoneTicked')
      .max(MOST_VOICES_MOVED, 'themes.errors.moveNoneTicked'),
  ),
  to: themeKey('themes.errors.moveVoicesToMissing'),
});

// Hidden on the review and publish forms: the snapshot the person was looking at.
export const themeSnapshotSchema = z.object({
  snapshotId: z
    .string({ error: 'themes.errors.snapshotMissing' })
    .min(1, 'themes.errors.snapshotMissing'),
});

export const themeTakeBackSchema = z.object({
  // Hidden: the publication the lead was looking at.
  publicationId: z.string().min(1),
  reason: z
    .string({ error: 'themes.errors.reasonMissing' })
    .trim()
    .min(1, 'themes.errors.reasonMissing')
    .max(1000, 'themes.errors.reasonTooLong'),
});

const partName = z.string().trim().max(120, 'themes.errors.labelTooLong').default('');

/** The names of the new themes of a split; which voice goes where is checked against the theme. */
export const themeSplitSchema = z.object({ name1: partName, name2: partName, name3: partName });
export type ThemeSplitNames = z.output<typeof themeSplitSchema>;
