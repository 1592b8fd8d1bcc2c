/** Agree, disagree and all votes (passes included) on one statement, from each person's latest vote. */
export type Tally = readonly [agree: number, disagree: number, seen: number];

export type Direction = 'agree' | 'disagree';

/**
 * What a snapshot holds, as stored in opinion_snapshots.result (JSON). Everything a page shows
 * about the opinion map comes from here, so pages never run the maths.
 */
export interface OpinionResult {
  /** Statement ids with votes, in the order they were first voted on. */
  readonly statements: readonly string[];
  /** Each participant's place on the map, by participant id. */
  readonly points: Readonly<Record<string, readonly [number, number]>>;
  /** Opinion groups; ids are 0, 1, … and members are participant ids. */
  readonly groups: readonly { readonly id: number; readonly members: readonly string[] }[];
  /** Representative statements per group id, strongest first. */
  readonly repness: Readonly<
    Record<string, readonly { readonly statement: string; readonly direction: Direction }[]>
  >;
  readonly consensus: {
    /** The majority lists: statements most people agreed (disagreed) with, strongest first. */
    readonly agree: readonly string[];
    readonly disagree: readonly string[];
    /** Group-aware consensus per statement: the product over groups of each group's rate. */
    readonly groupAware: Readonly<Record<string, { agree: number; disagree: number }>>;
  };
  /** How strongly to favour each approved statement when choosing what someone sees next. */
  readonly priority: Readonly<Record<string, number>>;
  readonly tallies: {
    /** Everyone who voted. */
    readonly everyone: Readonly<Record<string, Tally>>;
    /** By group id. */
    readonly groups: Readonly<Record<string, Readonly<Record<string, Tally>>>>;
    /** By the perspective people answered as. */
    readonly perspectives: Readonly<Record<string, Readonly<Record<string, Tally>>>>;
  };
}

/** A saved snapshot: the newest one is what pages show. */
export interface OpinionSnapshot {
  readonly engagementId: string;
  readonly version: number;
  /** Votes cast (every row, changed votes included) when it was computed. */
  readonly votes: number;
  /** People with at least one vote. */
  readonly participants: number;
  /** The newest vote it includes; a newer vote makes it out of date. */
  readonly lastVoteAt: string | null;
  readonly computedAt: string;
  readonly result: OpinionResult;
}
