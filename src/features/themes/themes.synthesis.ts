// What goes into a draft of themes (issue 5, closing two points of issue 6). Pure: the voices,
// the campaign groups and people's decisions on them in; the voices the machine may theme out.
import type { CampaignGroup } from '../../analysis/triage/campaigns.ts';
import type { Voice } from '../voices/index.ts';

/** Changes whenever the same voices and decisions could put different voices in. */
export const SYNTHESIS_VERSION = 'synthesis-1';

export type CampaignWeight = 'one' | 'many' | 'undecided';

/** A voice that goes into the draft, with what the page may later say about it. */
export interface SynthesisVoice {
  id: string;
  text: string;
  /** The person agreed to be quoted and nothing marks the voice as their own case. */
  quotable: boolean;
  /** A suggested or confirmed individual concern: counted, never quoted or shown. */
  concern: boolean;
  perspective: string;
  channel: string;
  /** When the voice stands for a campaign group counted as one. */
  campaign?: { groupId: string; size: number; weighAs: CampaignWeight };
  /** When the voice is one member of a campaign group counted as many. */
  campaignMember?: { groupId: string; size: number };
}

export interface SynthesisInputs {
  /** Current (not withdrawn) voices of the engagement. */
  considered: number;
  entered: number;
  /** Kept out: the person did not agree their words may be used. */
  noConsent: number;
  /** Kept out: an open safeguarding flag, or a raised or already-known safeguarding record. */
  safeguarding: number;
  /** In, de-identified: counted in themes, never quoted. */
  concerns: number;
  /** Kept out: other members of campaign groups counted as one. */
  campaignCopies: number;
}

const SAFEGUARDING = new Set(['safeguarding_flagged', 'safeguarding_raised', 'safeguarding_known']);
const CONCERN = new Set(['individual_concern', 'concern_suggested']);

/** A current voice whose person agreed its use and that is no safeguarding matter. */
export const mayGoIn = (
  voice: Pick<Voice, 'withdrawnAt' | 'consentUse' | 'triageState'>,
): boolean =>
  voice.withdrawnAt === null && voice.consentUse && !SAFEGUARDING.has(voice.triageState);

/** A suggested or confirmed individual concern: counted in themes, its words never shown. */
export const isConcern = (voice: Pick<Voice, 'triageState'>): boolean =>
  CONCERN.has(voice.triageState);

/**
 * The voices a draft of themes may use. `groups` are the campaign groups of all the current
 * voices (as the sorting page finds them, so their ids match people's decisions); `decisions`
 * each group's newest decision. A group counted as one, or not yet decided, goes in as one voice:
 * its representative, or its first member that may go in when the representative may not.
 */
export function synthesise(
  voices: readonly Voice[],
  groups: readonly CampaignGroup[],
  decisions: ReadonlyMap<string, 'one' | 'many'>,
): { voices: SynthesisVoice[]; inputs: SynthesisInputs } {
  const current = voices.filter((voice) => voice.withdrawnAt === null);
  const eligible = current.filter(mayGoIn);
  const eligibleIds = new Set(eligible.map((voice) => voice.id));

  const standsFor = new Map<string, SynthesisVoice['campaign']>();
  const memberOf = new Map<string, SynthesisVoice['campaignMember']>();
  const dropped = new Set<string>();
  for (const group of groups) {
    const members = group.members.filter((id) => eligibleIds.has(id));
    if (members.length === 0) continue;
    const weighAs: CampaignWeight = decisions.get(group.id) ?? 'undecided';
    if (weighAs === 'many') {
      for (const id of members) memberOf.set(id, { groupId: group.id, size: members.length });
      continue;
    }
    const representative = members.includes(group.representative.id)
      ? group.representative.id
      : (members[0] ?? '');
    standsFor.set(representative, { groupId: group.id, size: members.length, weighAs });
    for (const id of members) if (id !== representative) dropped.add(id);
  }

  const entering = eligible
    .filter((voice) => !dropped.has(voice.id))
    .map((voice): SynthesisVoice => {
      const concern = CONCERN.has(voice.triageState);
      const campaign = standsFor.get(voice.id);
      const campaignMember = memberOf.get(voice.id);
      return {
        id: voice.id,
        text: voice.text,
        quotable: voice.consentQuote && !concern,
        concern,
        perspective: voice.perspective,
        channel: voice.channel,
        ...(campaign && { campaign }),
        ...(campaignMember && { campaignMember }),
      };
    });
  return {
    voices: entering,
    inputs: {
      considered: current.length,
      entered: entering.length,
      noConsent: current.filter((voice) => !voice.consentUse).length,
      safeguarding: current.filter(
        (voice) => voice.consentUse && SAFEGUARDING.has(voice.triageState),
      ).length,
      concerns: entering.filter((voice) => voice.concern).length,
      campaignCopies: dropped.size,
    },
  };
}
