// Deterministic call transcripts for bench:transcript-prefix: Dutch and English customer-service talk, words drawn
// with a Zipf-like spread (a few very common, a long tail of rare ones), inflected forms of the same stems (so a
// prefix starts several words), diacritics and capitals as a transcriber writes them, and numbers and names (the
// long tail of one-off words an index of real calls holds).
import type { TranscriptSegment } from '../src/domain/transcript/model';
import { seededRandom } from '../tests/support/seeded-random';

const common =
  `ik u je de het een en is dat niet wat met voor op aan in te van dan maar ook nog even wel al ja nee goed dus
  mijn uw we er zo kan wil heb heeft hebben zijn was om als bij naar of hoe waar wanneer moment graag dank
  the a to and you i is it that of for we your can on have be this will my me what so yes no okay right`.split(/\s+/);

const stems: readonly (readonly [string, readonly string[]])[] = [
  ['opzeg', ['gen', 'ging', 'gingen', 'termijn', 'brief', 'kosten', 't', 'de', 'baar']],
  ['abonnement', ['', 'en', 'skosten', 'svorm', 'sduur']],
  ['factu', ['ur', 'ren', 'ratie', 'urbedrag', 'urnummer', 'reren', 'urdatum']],
  ['intern', ['et', 'etverbinding', 'ationaal', 'e', 'etpakket']],
  ['geïnformeerd', ['']],
  ['informatie', ['', 'f']],
  ['reün', ['ie', 'ies']],
  ['overstap', ['', 'pen', 'service', 'korting']],
  ['betal', ['en', 'ing', 'ingen', 'ingsregeling', 'd', 'ingsachterstand']],
  ['verhuiz', ['en', 'ing', 'ingen', 'service']],
  ['storing', ['', 'en', 'smelding']],
  ['monteur', ['', 's']],
  ['klacht', ['', 'en', 'enprocedure']],
  ['bedank', ['t', 'en', 'je']],
  ['begrijp', ['', 't', 'elijk']],
  ['vervelend', ['', 'e']],
  ['contract', ['', 'en', 'duur', 'verlenging']],
  ['aanbieding', ['', 'en']],
  ['korting', ['', 'en', 'scode']],
  ['privé', ['', 'gegevens']],
  ['café', ['', 's']],
  ['cancel', ['', 'led', 'lation', 'ling']],
  ['subscri', ['ption', 'be', 'bed', 'ber']],
  ['refund', ['', 'ed', 's', 'able']],
  ['inconvenien', ['ce', 't']],
  ['understand', ['', 'ing', 's']],
  ['appreciat', ['e', 'ed', 'ion']],
  ['deliver', ['', 'y', 'ed', 'ies']],
  ['account', ['', 's', 'number', 'holder']],
  ['naïve', ['', 'ly']],
];

const names =
  `Sanne Peter Jansen de Vries Bakker Visser Smit Meijer Mulder Bos Vos Dekker Brouwer Dijkstra Smits Hendriks
  Ömer Zoë Chloë Noël José Müller Øyvind Linda Daan Emma Sophie Lucas Noah Julia Mila Tess`.split(/\s+/);

// Dutch makes words by joining them: a few hundred compounds, so a short prefix starts far more than 64 words.
const compoundHeads = `klant order over onder op om af aan door in uit voor na mee terug bel post
  pakket prijs abonnements internet telefoon energie contract betaal service`.split(/\s+/);
const compoundTails = `nummer gegevens dienst gesprek kosten datum termijn vraag medewerker wens adres bedrag
  bevestiging wijziging melding`.split(/\s+/);

const contentWords = [
  ...stems.flatMap(([stem, endings]) => endings.map((ending) => stem + ending)),
  ...compoundHeads.flatMap((head) => compoundTails.map((tail) => head + tail)),
];

// Zipf-like: the nth word of a list is drawn about 1/(n+1) as often as the first.
const zipf = (list: readonly string[], random: () => number) =>
  list[Math.min(list.length - 1, Math.floor(Math.exp(random() * Math.log(list.length + 1)) - 1))]!;

function nextWord(random: () => number): string {
  const draw = random();
  if (draw < 0.7) return zipf(common, random);
  if (draw < 0.94) return zipf(contentWords, random);
  if (draw < 0.98) return zipf(names, random);
  // Numbers said aloud: order numbers, postcodes, amounts. Each is a word of its own in the index.
  if (draw < 0.99) return String(Math.floor(random() * 1_000_000));
  if (draw < 0.995)
    return `${1000 + Math.floor(random() * 9000)}${String.fromCharCode(97 + Math.floor(random() * 26))}k`;
  return `€${Math.floor(random() * 500)},${String(Math.floor(random() * 100)).padStart(2, '0')}`;
}

function sentence(random: () => number, length: number): string[] {
  const words = Array.from({ length }, () => nextWord(random));
  words[0] = words[0]!.charAt(0).toUpperCase() + words[0]!.slice(1);
  // Now and then a transcriber's stress accent or a capitalised word mid-sentence.
  if (random() < 0.05) words[length - 1] = words[length - 1]!.replace('e', 'é').toUpperCase();
  words[length - 1] += random() < 0.2 ? '?' : '.';
  return words;
}

/** The turns of one call: `turns` alternating turns of 6 to 17 words with word times. */
export function callTranscript(seed: number, turns: number): TranscriptSegment[] {
  const random = seededRandom(seed);
  let atMs = 0;
  return Array.from({ length: turns }, (_, turn) => {
    const texts = sentence(random, 6 + Math.floor(random() * 12));
    const startMs = atMs;
    const words = texts.map((text, n) => ({ text, startMs: startMs + n * 380, endMs: startMs + n * 380 + 340 }));
    atMs = startMs + texts.length * 380 + 600;
    return {
      speaker: turn % 2 === 0 ? 'spk_0' : 'spk_1',
      channel: turn % 2,
      startMs,
      endMs: atMs - 600,
      text: texts.join(' '),
      words,
    };
  });
}
