import { describe, expect, it } from 'vitest';
import { anoukMoments } from '../../../tests/fixtures/export/score-export-reviews';
import type { Moment } from '../moments/model';
import { elanEaf, escapeXmlAttribute, escapeXmlText } from './elan-eaf';

/*
 * A small, strict XML reader for the tests: enough of XML 1.0 to prove the document well-formed (one root, tags
 * nested and closed, attributes quoted and unique, only the five predefined entities or character references, no
 * stray < or & in text) and to walk its elements. It accepts no DTD, comments or CDATA, which the writer never
 * produces.
 */
interface XmlElement {
  readonly name: string;
  readonly attributes: Record<string, string>;
  readonly children: XmlElement[];
  text: string;
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(raw: string): string {
  if (/&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(raw)) throw new Error(`Bad reference in ${raw}`);
  return raw.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (_, reference: string) =>
    reference.startsWith('#x')
      ? String.fromCodePoint(parseInt(reference.slice(2), 16))
      : reference.startsWith('#')
        ? String.fromCodePoint(Number(reference.slice(1)))
        : entities[reference]!,
  );
}

function parseXml(xml: string): XmlElement {
  const declaration = /^<\?xml version="1\.0" encoding="UTF-8"\?>\n/.exec(xml);
  if (!declaration) throw new Error('No XML declaration');
  const name = '[A-Za-z_][\\w.:-]*';
  const token = new RegExp(`<(/?)(${name})((?:\\s+${name}\\s*=\\s*"[^"<]*")*)\\s*(/?)>|([^<]+)`, 'y');
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let position = declaration[0].length;
  while (position < xml.length) {
    token.lastIndex = position;
    const match = token.exec(xml);
    if (!match) throw new Error(`Not well-formed at ${position}: ${xml.slice(position, position + 40)}`);
    position = token.lastIndex;
    const [, closing, tag, attributeText, selfClosing, text] = match;
    if (text !== undefined) {
      if (stack.length === 0) {
        if (text.trim() !== '') throw new Error('Text outside the root');
      } else stack.at(-1)!.text += decode(text);
      continue;
    }
    if (closing) {
      const open = stack.pop();
      if (open?.name !== tag) throw new Error(`</${tag}> closes <${open?.name}>`);
      continue;
    }
    const attributes: Record<string, string> = {};
    for (const [, key, value] of attributeText!.matchAll(new RegExp(`(${name})\\s*=\\s*"([^"]*)"`, 'g'))) {
      if (Object.hasOwn(attributes, key!)) throw new Error(`Attribute ${key} twice`);
      attributes[key!] = decode(value!);
    }
    const element: XmlElement = { name: tag!, attributes, children: [], text: '' };
    if (stack.length > 0) stack.at(-1)!.children.push(element);
    else if (root) throw new Error('Two roots');
    else root = element;
    if (!selfClosing) stack.push(element);
  }
  if (stack.length > 0 || !root) throw new Error('Unclosed elements');
  return root;
}

const all = (element: XmlElement, name: string): XmlElement[] => [
  ...(element.name === name ? [element] : []),
  ...element.children.flatMap((child) => all(child, name)),
];

const createdAtMs = Date.UTC(2024, 4, 1, 12, 0, 0);

describe('the XML escaping', () => {
  it('escapes markup and drops characters XML cannot carry, keeping valid surrogate pairs', () => {
    expect(escapeXmlText('a < b & c > d')).toBe('a &lt; b &amp; c &gt; d');
    expect(escapeXmlText('x\u0001\u0008y\uFFFE\uD800z 😀')).toBe('xyz 😀');
    expect(escapeXmlAttribute('"Q" \'a\'\tb\nc')).toBe('&quot;Q&quot; &apos;a&apos;&#9;b&#10;c');
  });
});

describe('elanEaf', () => {
  const overlapping: Moment = {
    id: 'late',
    startMs: 2000,
    endMs: 4000,
    type: 'follow-up-question',
    speaker: 'agent',
    polarity: 'strength',
    itemIds: ['3.2'],
    note: 'Vraagt door',
  };
  const xml = elanEaf({
    media: { fileName: 'gesprek 12 & co.wav' },
    tracks: [
      { reviewerId: 'reviewer-anouk', reviewerName: 'Anouk "A" <de Vries>', moments: [...anoukMoments, overlapping] },
      {
        reviewerId: 'reviewer-bram',
        reviewerName: 'Bram',
        moments: [
          {
            id: 'b1',
            startMs: 500,
            endMs: 1500,
            type: 'free-note',
            speaker: 'unknown',
            polarity: 'neutral',
            itemIds: [],
            note: 'x\u0007y',
          },
        ],
      },
      { reviewerId: 'reviewer-bram-2', reviewerName: 'Bram', moments: [] },
    ],
    createdAtMs,
    author: 'Klankbord & co',
  });
  const document = parseXml(xml);

  it('is a well-formed EAF 3.0 document with the schema’s element order', () => {
    expect(document.name).toBe('ANNOTATION_DOCUMENT');
    expect(document.attributes).toMatchObject({
      FORMAT: '3.0',
      VERSION: '3.0',
      DATE: '2024-05-01T12:00:00.000Z',
      AUTHOR: 'Klankbord & co',
    });
    const order = document.children.map((child) => child.name);
    expect(order).toEqual(['HEADER', 'TIME_ORDER', 'TIER', 'TIER', 'TIER', 'TIER', 'LINGUISTIC_TYPE']);
    expect(document.children.at(-1)!.attributes).toEqual({
      GRAPHIC_REFERENCES: 'false',
      LINGUISTIC_TYPE_ID: 'klankbord-moment',
      TIME_ALIGNABLE: 'true',
    });
  });

  it('names the audio in the header', () => {
    const [descriptor] = all(document, 'MEDIA_DESCRIPTOR');
    expect(descriptor!.attributes).toEqual({
      MEDIA_URL: 'file:///gesprek%2012%20%26%20co.wav',
      MIME_TYPE: 'audio/x-wav',
      RELATIVE_MEDIA_URL: './gesprek%2012%20%26%20co.wav',
    });
    expect(all(document, 'HEADER')[0]!.attributes).toMatchObject({ TIME_UNITS: 'milliseconds' });
    expect(all(document, 'PROPERTY')[0]).toMatchObject({ attributes: { NAME: 'lastUsedAnnotationId' }, text: '5' });
  });

  it('lists time slots in time order, two per annotation, and every reference resolves', () => {
    const slots = all(document, 'TIME_SLOT');
    expect(slots).toHaveLength(10);
    const values = slots.map((slot) => Number(slot.attributes.TIME_VALUE));
    expect(values).toEqual([...values].sort((first, second) => first - second));
    expect(slots.map((slot) => slot.attributes.TIME_SLOT_ID)).toEqual(slots.map((_, index) => `ts${index + 1}`));
    const slotTimes = new Map(slots.map((slot) => [slot.attributes.TIME_SLOT_ID!, Number(slot.attributes.TIME_VALUE)]));
    const annotations = all(document, 'ALIGNABLE_ANNOTATION');
    expect(new Set(annotations.map((annotation) => annotation.attributes.ANNOTATION_ID)).size).toBe(5);
    for (const annotation of annotations)
      expect(slotTimes.get(annotation.attributes.TIME_SLOT_REF2!)!).toBeGreaterThan(
        slotTimes.get(annotation.attributes.TIME_SLOT_REF1!)!,
      );
  });

  it('gives each reviewer a tier, overlapping moments an extra tier, and same-named reviewers distinct ids', () => {
    const tiers = all(document, 'TIER');
    expect(tiers.map((tier) => tier.attributes.TIER_ID)).toEqual([
      'Anouk "A" <de Vries>',
      'Anouk "A" <de Vries> (2)',
      'Bram [reviewer-bram]',
      'Bram [reviewer-bram-2]',
    ]);
    expect(tiers.map((tier) => tier.attributes.PARTICIPANT)).toEqual([
      'Anouk "A" <de Vries>',
      'Anouk "A" <de Vries>',
      'Bram',
      'Bram',
    ]);
    for (const tier of tiers) expect(tier.attributes.LINGUISTIC_TYPE_REF).toBe('klankbord-moment');
    const values = (tier: XmlElement) => all(tier, 'ANNOTATION_VALUE').map((value) => value.text);
    // cue-1 (1.5-9 s) overlaps "late" (2-4 s) and response-1 (8.25-10 s); those two and gap-1 go to the second tier.
    expect(values(tiers[0]!)).toEqual([
      'Emotie van de klant (Frustratie, 2/3) [1.1]: Klant zucht: "Ik ben het zat"',
      'Gescript of onpersoonlijk antwoord (-) [2.1]',
    ]);
    expect(values(tiers[1]!)).toEqual([
      'Doorvraag (+) [3.2]: Vraagt door',
      'Empathische reactie (+) [1.1, 1.2]: -- benoemt <frustratie> & "-->" zegt sorry Tweede regel',
    ]);
    expect(values(tiers[2]!)).toEqual(['Vrije notitie: xy']);
    expect(tiers[3]!.children).toEqual([]);
  });

  it('makes an empty but valid document for a call without moments, with the MIME type guessed or given', () => {
    const empty = parseXml(elanEaf({ media: { fileName: 'a.mp3' }, tracks: [], createdAtMs }));
    expect(all(empty, 'TIME_SLOT')).toEqual([]);
    expect(all(empty, 'MEDIA_DESCRIPTOR')[0]!.attributes.MIME_TYPE).toBe('audio/mpeg');
    const given = parseXml(
      elanEaf({
        media: { fileName: 'a', mimeType: 'audio/wav', url: 'file:///C:/calls/a' },
        tracks: [],
        createdAtMs,
        language: 'en',
      }),
    );
    expect(all(given, 'MEDIA_DESCRIPTOR')[0]!.attributes).toMatchObject({
      MIME_TYPE: 'audio/x-wav',
      MEDIA_URL: 'file:///C:/calls/a',
    });
  });

  it('rejects what the reader should reject (the checker itself works)', () => {
    expect(() => parseXml('<?xml version="1.0" encoding="UTF-8"?>\n<a><b></a></b>')).toThrow();
    expect(() => parseXml('<?xml version="1.0" encoding="UTF-8"?>\n<a>x & y</a>')).toThrow();
    expect(() => parseXml('<?xml version="1.0" encoding="UTF-8"?>\n<a x="1" x="2"/>')).toThrow();
  });
});
