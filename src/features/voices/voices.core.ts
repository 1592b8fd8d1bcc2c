import { councilMayRead } from '../sorting/sorting.core.ts';
import type { Perspective } from '../engagements/index.ts';

/** How a voice reached Heard. */
export const CHANNELS = ['online', 'session', 'paper', 'import'] as const;
export type Channel = (typeof CHANNELS)[number];

/** How an advocate helped a person say what they wanted to say. */
export const HELP_GIVEN = ['scribe', 'interpreter', 'reading_aloud', 'summarising'] as const;
export type HelpGiven = (typeof HELP_GIVEN)[number];

/** Whose view it is: the person's own, or someone speaking for them (e.g. a family member). */
export const WHOSE_VIEW = ['own', 'spoken_for'] as const;
export type WhoseView = (typeof WHOSE_VIEW)[number];

/** How the person gave their consent. */
export const CONSENT_GIVEN_BY = [
  'online',
  'spoken',
  'writing',
  'sign_language',
  'signature',
] as const;
export type ConsentGivenBy = (typeof CONSENT_GIVEN_BY)[number];
/** The ways a person gives consent to an advocate in person. */
export const ADVOCATE_CONSENT_WAYS = ['spoken', 'writing', 'sign_language', 'signature'] as const;

/** How a person asked to be told what happened. */
export const CONTACT_ROUTES = ['email', 'text', 'post', 'advocate'] as const;
export type ContactRoute = (typeof CONTACT_ROUTES)[number];

export const VOICE_MAX_LENGTH = 5000;

export interface Contact {
  route: ContactRoute;
  detail: string;
  /** How their letter is written: plain unless they asked for Easy Read (0019). */
  format?: 'plain' | 'easy-read';
}

/** A voice as the advocacy organisation holds it. */
export interface Voice {
  id: string;
  engagementId: string;
  promptId: string;
  participantId: string;
  perspective: Perspective;
  channel: Channel;
  sessionId: string | null;
  capturedById: string | null;
  helpGiven: HelpGiven[];
  whoseView: WhoseView;
  language: string;
  consentUse: boolean;
  consentQuote: boolean;
  consentGivenBy: ConsentGivenBy;
  triageState: string;
  createdAt: string;
  withdrawnAt: string | null;
  /** The current version's words. */
  text: string;
  isSummary: boolean;
  version: number;
}

/**
 * A voice as a council role sees it: the words and their context, never who said them, how to
 * reach them, their reference code or who captured the words.
 */
export interface DeidentifiedVoice {
  id: string;
  promptId: string;
  perspective: Perspective;
  channel: Channel;
  text: string;
  isSummary: boolean;
  consentQuote: boolean;
  createdAt: string;
}

export const deidentify = (voice: Voice): DeidentifiedVoice => ({
  id: voice.id,
  promptId: voice.promptId,
  perspective: voice.perspective,
  channel: voice.channel,
  text: voice.text,
  isSummary: voice.isSummary,
  consentQuote: voice.consentQuote,
  createdAt: voice.createdAt,
});

/** An open safeguarding flag: waiting for the named person's decision. */
export const isSafeguardingFlagged = (voice: Pick<Voice, 'triageState'>): boolean =>
  voice.triageState === 'safeguarding_flagged';

/**
 * Council roles see only voices the person agreed may be used, nothing withdrawn, and never a
 * voice flagged for safeguarding or for casework (DESIGN.md: they see counts only).
 */
export const councilMaySee = (voice: Voice): boolean =>
  voice.consentUse && voice.withdrawnAt === null && councilMayRead(voice.triageState);

// Reference codes: Crockford's base 32 (no I, L, O or U), easy to read aloud and copy by hand.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const REFERENCE_LENGTH = 10;

/** A code like "7KQ4-M2XP-9D" from 10 random bytes (50 bits of chance: with rate limits, unguessable). */
export function referenceCodeFrom(random: Uint8Array): string {
  if (random.length < REFERENCE_LENGTH) throw new Error(`need ${REFERENCE_LENGTH} random bytes`);
  const characters = Array.from(
    random.subarray(0, REFERENCE_LENGTH),
    (byte) => ALPHABET[byte % 32] ?? '0',
  );
  const code = characters.join('');
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`;
}

/**
 * What a person typed, as the code it stands for: case, spaces and dashes do not matter, and
 * letters easily mistaken for digits are read as the digits. Undefined if it cannot be a code.
 */
export function normaliseReferenceCode(typed: string): string | undefined {
  const cleaned = typed
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1')
    .replace(/U/g, 'V');
  if (!new RegExp(`^[${ALPHABET}]{${REFERENCE_LENGTH}}$`).test(cleaned)) return undefined;
  return cleaned;
}
