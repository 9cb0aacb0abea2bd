// Fuzzing support shared by the transcript reader tests: mutating real sample documents anywhere in their tree,
// and the check every reader must pass whatever it is given.
import fc from 'fast-check';
import { expect } from 'vitest';
import type { TranscriptFormatReader } from '../../src/domain/transcript/model';
import { parseTranscript } from '../../src/domain/transcript/parse-transcript';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = readonly (string | number)[];

/** Every path into a JSON value, so a mutation can reach any field. */
function pathsOf(value: Json, prefix: Path = [], out: Path[] = []): Path[] {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((item, index) => pathsOf(item, [...prefix, index], out));
  else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) pathsOf(item, [...prefix, key], out);
  return out;
}

/** The same value as another JSON type: numbers become strings, arrays objects, and so on. */
function retyped(value: Json): Json {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return Number.isFinite(Number(value)) ? Number(value) : value.length;
  if (typeof value === 'boolean') return value ? 1 : null;
  if (value === null) return {};
  if (Array.isArray(value)) return Object.fromEntries(value.map((item, index) => [String(index), item]));
  return Object.values(value);
}

export interface Mutation {
  readonly pick: number;
  readonly kind: 'delete' | 'replace' | 'retype';
  readonly value: Json;
}

/** One edit somewhere in a document: delete a field, replace it with any JSON, or change its type. */
export const mutationArb = fc.record({ pick: fc.nat(), kind: fc.constantFrom('delete', 'replace', 'retype'), value: fc.jsonValue({ maxDepth: 2 }) }) as fc.Arbitrary<Mutation>;

/** A copy of `document` with the mutations applied in turn. */
export function mutated(document: Json, mutations: readonly Mutation[]): Json {
  let root = structuredClone(document);
  for (const mutation of mutations) {
    const paths = pathsOf(root);
    const path = paths[mutation.pick % paths.length]!;
    if (path.length === 0) {
      root = mutation.kind === 'replace' ? mutation.value : retyped(root);
      continue;
    }
    const parent = path.slice(0, -1).reduce<Json>((node, key) => (node as Record<string | number, Json>)[key]!, root) as Record<string | number, Json>;
    const key = path[path.length - 1]!;
    if (mutation.kind === 'delete') {
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key];
    } else {
      parent[key] = mutation.kind === 'replace' ? mutation.value : retyped(parent[key]!);
    }
  }
  return root;
}

/**
 * Parses `text` and checks the result is well formed whatever the input (whole-millisecond, ordered times; no empty
 * text; a refusal with a reason), and that `reader` refuses what it detected but cannot read as malformed, in its
 * own format, rather than throwing.
 */
export function expectReaderNeverThrows(reader: TranscriptFormatReader, text: string): void {
  const result = parseTranscript(text);
  if (result.ok) {
    for (const segment of result.transcript.segments) {
      expect(Number.isInteger(segment.startMs) && segment.startMs >= 0 && segment.startMs <= segment.endMs).toBe(true);
      expect(segment.text).not.toBe('');
    }
  } else {
    expect(typeof result.error.detail).toBe('string');
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return;
  }
  if (reader.detect(text, json)) {
    const raw = reader.read(text, json);
    if (!raw.ok) expect(raw.error).toMatchObject({ code: 'transcript_malformed', format: reader.format });
  }
}
