// Campaigns: voices that are near-copies of each other (a form letter sent with small edits) are
// grouped so a person can decide how much the group weighs in themes. MinHash over word shingles
// with locality-sensitive hashing finds candidate pairs without comparing every pair; each
// candidate is then checked by the exact Jaccard similarity of the two shingle sets, so a chance
// hash collision never joins two voices. Pure and deterministic: seeded 32-bit hashes, no clock,
// no randomness. See README.md in this folder.

export const CAMPAIGN_VERSION = 'minhash-1';

export interface CampaignVoice {
  /** Expected to be unique: a group's id is made from its first member's id. */
  id: string;
  text: string;
}

export interface CampaignGroup {
  /** `campaign-` and the id of the group's first member in input order. */
  id: string;
  /** Ids of the members in input order; always two or more. */
  members: string[];
  /** How many different texts the members sent, once case, punctuation and spacing are set aside. */
  variants: number;
  /** The member closest to what most members wrote: the letter as it went round. */
  representative: { id: string; text: string };
}

export interface CampaignOptions {
  /** Words per shingle. */
  shingleSize?: number;
  /**
   * Voices with fewer words are never grouped: short answers ("Nothing.", "Very good service")
   * repeat across unconnected people and are not a campaign.
   */
  minWords?: number;
  /** Jaccard similarity of the shingle sets at or above which two voices are near-copies. */
  threshold?: number;
  /** LSH bands and rows per band; bands × rows MinHash values per voice. */
  bands?: number;
  rows?: number;
  seed?: number;
}

// Measured with bench/campaign-grouping.ts; changing any of these changes what CAMPAIGN_VERSION
// means. At 8 words, pairs of short FFT answers ("I give this answer it is very good") were
// grouped. With 20 bands of 3 rows, two voices at Jaccard 0.5 become candidates with chance
// 1 - (1 - 0.5³)²⁰ = 0.93, at 0.6 0.992, at 0.7 0.9998; at 0.2 only 0.15, so few wasted checks.
const DEFAULTS: Required<CampaignOptions> = {
  shingleSize: 3,
  minWords: 10,
  threshold: 0.5,
  bands: 20,
  rows: 3,
  seed: 0x6361_6d70,
};

/** Lower case, apostrophes dropped ("don't" = "dont"), anything but letters and digits a break. */
function campaignWords(text: string): string[] {
  return (
    text
      .normalize('NFKC')
      .toLowerCase()
      .replace(/['\u2018\u2019`]/g, '')
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

const NO_SHINGLES = new Uint32Array();

// Murmur3's finaliser: spreads every input bit over the 32 output bits.
function mix32(value: number): number {
  let h = value ^ (value >>> 16);
  h = Math.imul(h, 0x85eb_ca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2_ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

// FNV-1a over UTF-16 code units.
function hashWord(word: string): number {
  let h = 0x811c_9dc5;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x0100_0193);
  return h >>> 0;
}

/** The distinct shingles of a voice as sorted 32-bit hashes; all the words as one when fewer. */
function shingleSet(words: readonly string[], size: number, seed: number): Uint32Array {
  const hashes = words.map(hashWord);
  const count = Math.max(1, hashes.length - size + 1);
  const shingles = new Uint32Array(count);
  for (let start = 0; start < count; start++) {
    let h = seed;
    const end = Math.min(hashes.length, start + size);
    for (let i = start; i < end; i++) h = Math.imul(h ^ (hashes[i] ?? 0), 0x0100_0193);
    shingles[start] = mix32(h);
  }
  shingles.sort();
  let distinct = 0;
  for (let i = 0; i < shingles.length; i++) {
    if (i === 0 || shingles[i] !== shingles[i - 1]) shingles[distinct++] = shingles[i] ?? 0;
  }
  return shingles.slice(0, distinct);
}

/**
 * Writes the voice's MinHash values (one per salt) into `signatures` from `offset`. Shingles are
 * already well mixed, so xor with the salt, one multiply and a shift make each permutation; a
 * simulation gave estimates as spread as independent draws would be (binomial), at a third of
 * the cost of a full mix per value.
 */
function writeMinHashes(
  shingles: Uint32Array,
  salts: Uint32Array,
  signatures: Uint32Array,
  offset: number,
): void {
  signatures.fill(0xffff_ffff, offset, offset + salts.length);
  for (const shingle of shingles) {
    for (let i = 0; i < salts.length; i++) {
      const product = Math.imul(shingle ^ (salts[i] ?? 0), 0x9e37_79b1);
      const value = (product ^ (product >>> 16)) >>> 0;
      if (value < (signatures[offset + i] ?? 0)) signatures[offset + i] = value;
    }
  }
}

/** Whether the exact Jaccard similarity of two sorted sets of distinct hashes reaches `threshold`. */
function isNearCopy(a: Uint32Array, b: Uint32Array, threshold: number): boolean {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] ?? 0;
    const y = b[j] ?? 0;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return shared >= threshold * (a.length + b.length - shared);
}

/** Union-find whose root is always the earliest voice, so groups come out in input order. */
class EarliestRoot {
  private readonly parent: Int32Array;
  constructor(size: number) {
    this.parent = Int32Array.from({ length: size }, (_, i) => i);
  }
  find(i: number): number {
    let root = i;
    while (this.parent[root] !== root) root = this.parent[root] ?? root;
    for (let node = i; node !== root;) {
      const next = this.parent[node] ?? root;
      this.parent[node] = root;
      node = next;
    }
    return root;
  }
  join(a: number, b: number): void {
    const rootA = this.find(a);
    const rootB = this.find(b);
    if (rootA < rootB) this.parent[rootB] = rootA;
    else if (rootB < rootA) this.parent[rootA] = rootB;
  }
}

/**
 * The member closest (by Jaccard) to the shingles most members share: the letter as it was sent
 * round, not one with a line of its own or a sentence cut. The earliest wins a tie.
 */
function representativeOf(members: readonly number[], sets: readonly Uint32Array[]): number {
  const counts = new Map<number, number>();
  for (const member of members) {
    for (const shingle of sets[member] ?? NO_SHINGLES) {
      counts.set(shingle, (counts.get(shingle) ?? 0) + 1);
    }
  }
  let common = 0;
  for (const count of counts.values()) if (2 * count > members.length) common++;
  let best = members[0] ?? 0;
  let bestSimilarity = -1;
  for (const member of members) {
    const set = sets[member] ?? NO_SHINGLES;
    let shared = 0;
    for (const shingle of set) if (2 * (counts.get(shingle) ?? 0) > members.length) shared++;
    const similarity = shared / Math.max(1, set.length + common - shared);
    if (similarity > bestSimilarity) {
      best = member;
      bestSimilarity = similarity;
    }
  }
  return best;
}

/**
 * Groups of near-copies among the voices, in the order of their first member. A voice in no
 * group (most voices) is not listed.
 */
export function groupCampaigns(
  voices: readonly CampaignVoice[],
  options: CampaignOptions = {},
): CampaignGroup[] {
  const { shingleSize, minWords, threshold, bands, rows, seed } = { ...DEFAULTS, ...options };
  const hashes = bands * rows;
  const salts = new Uint32Array(hashes);
  for (let i = 0; i < hashes; i++) salts[i] = mix32(seed + Math.imul(i + 1, 0x9e37_79b9));
  const groups = new EarliestRoot(voices.length);

  // Voices with the same words are joined at once; only the first of each text is hashed.
  const sets: Uint32Array[] = new Array<Uint32Array>(voices.length).fill(NO_SHINGLES);
  const wording: string[] = new Array<string>(voices.length).fill('');
  const longEnough: number[] = [];
  const distinct: number[] = [];
  const firstWithWording = new Map<string, number>();
  for (const [index, voice] of voices.entries()) {
    const words = campaignWords(voice.text);
    if (words.length < Math.max(1, minWords)) continue;
    const joined = words.join(' ');
    wording[index] = joined;
    longEnough.push(index);
    const first = firstWithWording.get(joined);
    if (first !== undefined) {
      groups.join(first, index);
      sets[index] = sets[first] ?? NO_SHINGLES;
      continue;
    }
    firstWithWording.set(joined, index);
    sets[index] = shingleSet(words, shingleSize, seed);
    distinct.push(index);
  }

  const signatures = new Uint32Array(distinct.length * hashes);
  for (const [position, index] of distinct.entries()) {
    writeMinHashes(sets[index] ?? NO_SHINGLES, salts, signatures, position * hashes);
  }

  // Voices that share a band's MinHash values are candidates. Each bucket is a chain, newest
  // first; `oneGroup` marks a voice whose chain back from it was all one group when it arrived,
  // which stays true as groups only merge, so a walk stops on reaching one in its own group. Each
  // distinct candidate pair is checked at most once.
  const rejected = new Set<number>();
  const newestInBucket = new Map<number, number>();
  const previousInBucket = new Int32Array(distinct.length);
  const oneGroup = new Uint8Array(distinct.length);
  for (let band = 0; band < bands; band++) {
    newestInBucket.clear();
    for (let position = 0; position < distinct.length; position++) {
      const index = distinct[position] ?? 0;
      let key = band;
      const from = position * hashes + band * rows;
      for (let row = from; row < from + rows; row++) key = mix32(key ^ (signatures[row] ?? 0));
      const newest = newestInBucket.get(key) ?? -1;
      previousInBucket[position] = newest;
      newestInBucket.set(key, position);
      let allJoined = true;
      for (let other = newest; other !== -1; other = previousInBucket[other] ?? -1) {
        const otherIndex = distinct[other] ?? 0;
        if (groups.find(otherIndex) !== groups.find(index)) {
          const pair = otherIndex * voices.length + index;
          if (
            rejected.has(pair) ||
            !isNearCopy(sets[otherIndex] ?? NO_SHINGLES, sets[index] ?? NO_SHINGLES, threshold)
          ) {
            rejected.add(pair);
            allJoined = false;
            continue;
          }
          groups.join(otherIndex, index);
        }
        if (oneGroup[other] === 1) break;
      }
      oneGroup[position] = allJoined ? 1 : 0;
    }
  }

  const byRoot = new Map<number, number[]>();
  for (const index of longEnough) {
    const root = groups.find(index);
    const members = byRoot.get(root);
    if (members === undefined) byRoot.set(root, [index]);
    else members.push(index);
  }
  const found: CampaignGroup[] = [];
  for (const [root, members] of byRoot) {
    if (members.length < 2) continue;
    const representative = representativeOf(members, sets);
    found.push({
      id: `campaign-${voices[root]?.id ?? ''}`,
      members: members.map((member) => voices[member]?.id ?? ''),
      variants: new Set(members.map((member) => wording[member])).size,
      representative: {
        id: voices[representative]?.id ?? '',
        text: voices[representative]?.text ?? '',
      },
    });
  }
  return found;
}
