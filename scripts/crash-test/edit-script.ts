/*
 * The crash test's deterministic edit script and the model of what it leaves behind.
 *
 * Edit i is a pure function of (seed, i): the script is generated from the start with a seeded PRNG, so the worker
 * (which applies the edits) and the runner (which checks them) see the same list. Every edit changes at least one
 * "key" of the review's state to a value it did not have just before (an answer, an item comment, an evidence
 * override, the overall comment, the call context, or a moment by id), so an acknowledged edit whose effect is
 * missing always shows up as a key that does not hold its expected value. Re-applying an edit is harmless: each one
 * sets values (or deletes a moment), nothing accumulates.
 */
import type { MethodInput } from '../../src/contract/methods';
import { negativeEmotions, customerEmotions, type NegativeEmotion } from '../../src/domain/moments/emotions';
import { momentPolarities, momentSpeakers, type Moment } from '../../src/domain/moments/model';
import { momentTypes } from '../../src/domain/moments/moment-types';
import { customerStates, type CallContext } from '../../src/domain/rubric/call-context';
import { defaultRubric } from '../../src/domain/rubric/default-rubric';
import { rubricItems, type RubricItem } from '../../src/domain/rubric/model';
import type { ItemAnswer } from '../../src/domain/scoring/answers';

/** The call the crash test reviews (created by the worker when missing). */
export const crashCall = {
  id: 'crash-test-call',
  title: 'Crash test: klacht over storing',
  agentName: 'Sanne',
  durationMs: 900_000,
} as const;
export const crashReviewerName = 'Crash Tester';

const items: readonly RubricItem[] = rubricItems(defaultRubric).map(({ item }) => item);
export const itemIds: readonly string[] = items.map((item) => item.id);

const cueIds = ['cue-1', 'cue-2', 'cue-3'] as const;
const noteIds = [
  'moment-1',
  'moment-2',
  'moment-3',
  'moment-4',
  'moment-5',
  'moment-6',
  'moment-7',
  'moment-8',
] as const;
export const momentIds: readonly string[] = [...cueIds, ...noteIds];

/** One scripted edit: a review method and its input without the review id (the worker adds it). */
export type Edit =
  | {
      readonly index: number;
      readonly method: 'reviews.setAnswer';
      readonly input: Omit<MethodInput<'reviews.setAnswer'>, 'reviewId'>;
    }
  | {
      readonly index: number;
      readonly method: 'reviews.setItemComment';
      readonly input: Omit<MethodInput<'reviews.setItemComment'>, 'reviewId'>;
    }
  | {
      readonly index: number;
      readonly method: 'reviews.setEvidenceOverride';
      readonly input: Omit<MethodInput<'reviews.setEvidenceOverride'>, 'reviewId'>;
    }
  | {
      readonly index: number;
      readonly method: 'reviews.setComment';
      readonly input: Omit<MethodInput<'reviews.setComment'>, 'reviewId'>;
    }
  | {
      readonly index: number;
      readonly method: 'reviews.setContext';
      readonly input: Omit<MethodInput<'reviews.setContext'>, 'reviewId'>;
    }
  | { readonly index: number; readonly method: 'moments.save'; readonly input: { readonly moment: Moment } }
  | { readonly index: number; readonly method: 'moments.delete'; readonly input: { readonly momentId: string } };

/** mulberry32: a small, fast, seedable PRNG whose whole state is one 32-bit number (so it can be handed over). */
export class Random {
  state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A number in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }
}

/** A seeded PRNG as a function returning numbers in [0, 1). */
export function createRandom(seed: number): () => number {
  const random = new Random(seed);
  return () => random.next();
}

/** Text that has hurt other apps: markup, SQL, quotes, escapes, control characters, every script and emoji. */
const hostileFragments = [
  '<script>alert("xss")</script>',
  '<img src=x onerror="alert(1)">',
  "Robert'); DROP TABLE reviews;--",
  `Hij zei "prima" en 'klaar' — toch niet`,
  'back\\slash \\n is geen newline, \\u0000 ook niet',
  'tab\there\nnewline\r\nCRLF\rCR',
  'Ünïcödé: café, naïve, Straße, ĳsje, Ærø',
  'Emoji: 😤➡️😊 👩🏽‍💻 🇳🇱 🧑‍🤝‍🧑',
  'RTL: مرحبا بك — שלום לך',
  'CJK: 顧客はとても怒っていた。한국어 텍스트',
  'zero\u200Bwidth\u200Djoiner\uFEFFbom',
  '\u202Eright-to-left override\u202C',
  'combining: e\u0301 a\u0308 n\u0303',
  '${process.exit(1)} {{constructor.constructor("return 1")()}}',
  '%s %d %n %x',
  'null',
  'undefined',
  '   leading and trailing spaces   ',
  '',
] as const;

const filler = 'De klant belde voor de derde keer over de storing en de medewerker vatte het probleem rustig samen. ';

const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const between = (random: () => number, low: number, high: number): number =>
  low + Math.floor(random() * (high - low + 1));

/** Free text tagged with the edit index, with hostile fragments and sometimes padded to near `maxLength`. */
function textFor(random: () => number, index: number, maxLength: number): string {
  let text = `[edit ${index}] `;
  const fragments = between(random, 0, 3);
  for (let n = 0; n < fragments; n += 1) text += pick(random, hostileFragments) + ' ';
  if (random() < 0.2) {
    // Long text: ASCII filler, so cutting it never splits a surrogate pair.
    const target = between(random, Math.floor(maxLength / 2), maxLength);
    if (target > text.length)
      text += filler.repeat(Math.ceil((target - text.length) / filler.length)).slice(0, target - text.length);
  }
  return text.length > maxLength ? `[edit ${index}]` : text;
}

export interface SerializedModel {
  readonly answers: [string, ItemAnswer | null][];
  readonly itemComments: [string, string][];
  readonly overrides: [string, string | null][];
  readonly comment: string;
  readonly context: CallContext | null;
  readonly moments: [string, Moment][];
  readonly writers: [string, number][];
}

/** Where a script stands: the next edit's index, the PRNG state before it, and the state after the edits so far. */
export interface ScriptSnapshot {
  readonly seed: number;
  readonly nextIndex: number;
  readonly randomState: number;
  readonly model: SerializedModel;
}

/** What the script has done to the review: the expected state, keyed, with the edit that last set each key. */
export class ReviewModel {
  readonly answers = new Map<string, ItemAnswer | null>();
  readonly itemComments = new Map<string, string>();
  readonly overrides = new Map<string, string | null>();
  comment = '';
  context: CallContext | null = null;
  readonly moments = new Map<string, Moment>();
  /** Key -> index of the edit that last set it (-1: the initial state of a new review). */
  readonly writers = new Map<string, number>();

  clone(): ReviewModel {
    const copy = new ReviewModel();
    for (const [key, value] of this.answers) copy.answers.set(key, value);
    for (const [key, value] of this.itemComments) copy.itemComments.set(key, value);
    for (const [key, value] of this.overrides) copy.overrides.set(key, value);
    copy.comment = this.comment;
    copy.context = this.context;
    for (const [key, value] of this.moments) copy.moments.set(key, value);
    for (const [key, value] of this.writers) copy.writers.set(key, value);
    return copy;
  }

  /** A JSON-safe copy, to hand the state to a worker. */
  serialize(): SerializedModel {
    return {
      answers: [...this.answers],
      itemComments: [...this.itemComments],
      overrides: [...this.overrides],
      comment: this.comment,
      context: this.context,
      moments: [...this.moments],
      writers: [...this.writers],
    };
  }

  static deserialize(data: SerializedModel): ReviewModel {
    const model = new ReviewModel();
    for (const [key, value] of data.answers) model.answers.set(key, value);
    for (const [key, value] of data.itemComments) model.itemComments.set(key, value);
    for (const [key, value] of data.overrides) model.overrides.set(key, value);
    model.comment = data.comment;
    model.context = data.context;
    for (const [key, value] of data.moments) model.moments.set(key, value);
    for (const [key, value] of data.writers) model.writers.set(key, value);
    return model;
  }

  /** Applies an edit the way the backend does; returns the keys it changed. */
  apply(edit: Edit): string[] {
    const touched: string[] = [];
    const touch = (key: string) => {
      touched.push(key);
      this.writers.set(key, edit.index);
    };
    switch (edit.method) {
      case 'reviews.setAnswer':
        this.answers.set(edit.input.itemId, edit.input.answer);
        touch(`answer:${edit.input.itemId}`);
        break;
      case 'reviews.setItemComment':
        this.itemComments.set(edit.input.itemId, edit.input.comment);
        touch(`itemComment:${edit.input.itemId}`);
        break;
      case 'reviews.setEvidenceOverride':
        // The contract trims the reason.
        this.overrides.set(edit.input.itemId, edit.input.reason === null ? null : edit.input.reason.trim());
        touch(`override:${edit.input.itemId}`);
        break;
      case 'reviews.setComment':
        this.comment = edit.input.comment;
        touch('comment');
        break;
      case 'reviews.setContext':
        this.context = edit.input.context;
        touch('context');
        break;
      case 'moments.save':
        this.moments.set(edit.input.moment.id, edit.input.moment);
        touch(`moment:${edit.input.moment.id}`);
        break;
      case 'moments.delete': {
        const { momentId } = edit.input;
        if (this.moments.delete(momentId)) touch(`moment:${momentId}`);
        // Responses paired with a deleted cue lose the pairing.
        for (const [id, moment] of this.moments) {
          if (moment.respondsTo === momentId) {
            const { respondsTo: _gone, ...rest } = moment;
            this.moments.set(id, rest);
            touch(`moment:${id}`);
          }
        }
        break;
      }
    }
    return touched;
  }

  /** Every key the model or `other` knows. */
  keys(other?: ReviewModel): string[] {
    const keys = new Set<string>(['comment', 'context']);
    for (const itemId of itemIds)
      for (const kind of ['answer', 'itemComment', 'override']) keys.add(`${kind}:${itemId}`);
    for (const id of momentIds) keys.add(`moment:${id}`);
    for (const model of [this, other]) {
      if (!model) continue;
      for (const id of model.moments.keys()) keys.add(`moment:${id}`);
      for (const id of [...model.answers.keys(), ...model.itemComments.keys(), ...model.overrides.keys()])
        for (const kind of ['answer', 'itemComment', 'override']) keys.add(`${kind}:${id}`);
    }
    return [...keys];
  }

  /** One key's value as canonical JSON (a missing answer row reads as null answer, empty comment, no override). */
  valueOf(key: string): string {
    const colon = key.indexOf(':');
    const kind = colon < 0 ? key : key.slice(0, colon);
    const id = colon < 0 ? '' : key.slice(colon + 1);
    switch (kind) {
      case 'comment':
        return JSON.stringify(this.comment);
      case 'context':
        return JSON.stringify(
          this.context === null ? null : { customerState: this.context.customerState, emotion: this.context.emotion },
        );
      case 'answer': {
        const answer = this.answers.get(id) ?? null;
        return JSON.stringify(
          answer === null
            ? null
            : answer.kind === 'level'
              ? { kind: 'level', value: answer.value }
              : { kind: answer.kind },
        );
      }
      case 'itemComment':
        return JSON.stringify(this.itemComments.get(id) ?? '');
      case 'override':
        return JSON.stringify(this.overrides.get(id) ?? null);
      case 'moment': {
        const moment = this.moments.get(id);
        if (!moment) return 'absent';
        return JSON.stringify([
          moment.id,
          moment.startMs,
          moment.endMs,
          moment.type,
          moment.speaker,
          moment.polarity,
          moment.intensity ?? null,
          moment.emotion ?? null,
          [...moment.itemIds],
          moment.note,
          moment.respondsTo ?? null,
        ]);
      }
      default:
        throw new Error(`unknown key ${key}`);
    }
  }
}

/** The answers an item accepts: its levels or Ja/Nee, N.v.t. when allowed, and null (clearing the answer). */
function answersFor(item: RubricItem): (ItemAnswer | null)[] {
  const options: (ItemAnswer | null)[] =
    item.scale.kind === 'ordinal'
      ? item.scale.levels.map((level) => ({ kind: 'level', value: level.value }))
      : [{ kind: 'yes' }, { kind: 'no' }];
  if (item.notApplicableAllowed) options.push({ kind: 'not-applicable' });
  options.push(null);
  return options;
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The edit script of one seed: `next()` returns edit 0, 1, 2, ... and `model` is the state after them. A script can
 * be resumed from a snapshot, which gives the same edits as generating from the start (a test checks it).
 */
export class EditScript {
  readonly model: ReviewModel;
  private readonly generator: Random;
  private readonly random: () => number;
  private nextIndex: number;

  constructor(
    readonly seed: number,
    snapshot?: ScriptSnapshot,
  ) {
    if (snapshot && snapshot.seed !== seed) throw new Error(`snapshot of seed ${snapshot.seed}, not ${seed}`);
    this.generator = new Random(snapshot ? snapshot.randomState : seed);
    this.random = () => this.generator.next();
    this.model = snapshot ? ReviewModel.deserialize(snapshot.model) : new ReviewModel();
    this.nextIndex = snapshot ? snapshot.nextIndex : 0;
  }

  /** The index of the edit `next()` returns. */
  get position(): number {
    return this.nextIndex;
  }

  /** The PRNG state before the next edit. */
  get randomState(): number {
    return this.generator.state;
  }

  /** Where the script stands now (before the next edit). */
  snapshot(): ScriptSnapshot {
    return {
      seed: this.seed,
      nextIndex: this.nextIndex,
      randomState: this.generator.state,
      model: this.model.serialize(),
    };
  }

  /** Generates (and drops) edits until `index` is the next one. */
  skipTo(index: number): void {
    if (index < this.nextIndex) throw new Error(`the script is past edit ${index}`);
    while (this.nextIndex < index) this.next();
  }

  next(): Edit {
    const edit = this.generate(this.nextIndex);
    this.model.apply(edit);
    this.nextIndex += 1;
    return edit;
  }

  private generate(index: number): Edit {
    const random = this.random;
    const roll = random();
    if (roll < 0.3) {
      const item = pick(random, items);
      const current = this.model.answers.get(item.id) ?? null;
      // Never the current answer, so the edit is visible; null (clear) only now and then.
      const options = answersFor(item).filter(
        (answer) => !sameJson(answer, current) && (answer !== null || random() < 0.3),
      );
      return {
        index,
        method: 'reviews.setAnswer',
        input: { itemId: item.id, answer: pick(random, options.length > 0 ? options : [answersFor(item)[0]!]) },
      };
    }
    if (roll < 0.5)
      return {
        index,
        method: 'reviews.setItemComment',
        input: { itemId: pick(random, itemIds), comment: textFor(random, index, 5000) },
      };
    if (roll < 0.55) {
      const itemId = pick(random, itemIds);
      const clear = this.model.overrides.get(itemId) != null && random() < 0.3;
      return {
        index,
        method: 'reviews.setEvidenceOverride',
        input: { itemId, reason: clear ? null : `Reden ${textFor(random, index, 1900)}` },
      };
    }
    if (roll < 0.63) return { index, method: 'reviews.setComment', input: { comment: textFor(random, index, 5000) } };
    if (roll < 0.68) {
      const options: (CallContext | null)[] = [null];
      for (const customerState of customerStates)
        for (const emotion of [null, ...negativeEmotions] as (NegativeEmotion | null)[])
          options.push({ customerState, emotion });
      const current = this.model.context;
      return {
        index,
        method: 'reviews.setContext',
        input: {
          context: pick(
            random,
            options.filter((context) => !sameJson(context, current)),
          ),
        },
      };
    }
    const present = [...this.model.moments.keys()];
    if (roll < 0.76 && present.length > 0)
      return { index, method: 'moments.delete', input: { momentId: pick(random, present) } };
    return { index, method: 'moments.save', input: { moment: this.moment(index) } };
  }

  /** A new or changed moment: a customer emotion cue, or an agent moment that may respond to a cue. */
  private moment(index: number): Moment {
    const random = this.random;
    const { durationMs } = crashCall;
    const id = random() < 0.25 ? pick(random, cueIds) : pick(random, noteIds);
    const note = textFor(random, index, 2000);
    if (id.startsWith('cue-')) {
      const startMs = between(random, 0, durationMs - 30_000);
      return {
        id,
        startMs,
        endMs: startMs + between(random, 200, 20_000),
        type: 'customer-emotion-cue',
        speaker: 'customer',
        polarity: 'neutral',
        emotion: pick(random, customerEmotions),
        intensity: pick(random, [1, 2, 3] as const),
        itemIds: random() < 0.5 ? ['1.1'] : [],
        note,
      };
    }
    const cues = [...this.model.moments.values()].filter((moment) => moment.type === 'customer-emotion-cue');
    const cue = cues.length > 0 && random() < 0.4 ? pick(random, cues) : undefined;
    const startMs = between(random, cue ? Math.min(cue.startMs, durationMs - 30_000) : 0, durationMs - 30_000);
    const linked = itemIds.filter(() => random() < 0.12).slice(0, 4);
    return {
      id,
      startMs,
      endMs: startMs + between(random, 200, 25_000),
      type: pick(
        random,
        momentTypes.filter((type) => type !== 'customer-emotion-cue'),
      ),
      speaker: pick(random, momentSpeakers),
      polarity: pick(random, momentPolarities),
      itemIds: linked,
      note,
      ...(cue ? { respondsTo: cue.id } : {}),
    };
  }
}
