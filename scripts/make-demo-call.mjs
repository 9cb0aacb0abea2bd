// Makes the demo call from resources/demo/dialogue.nl.txt: two espeak-ng voices, stereo (agent left, customer
// right), 8 kHz mu-law like a telephony recording, and a word-timed Klankbord JSON transcript.
// Needs espeak-ng and sox (apt-get install espeak-ng sox). Run: node scripts/make-demo-call.mjs
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const demoDir = join(root, 'resources/demo');
const work = mkdtempSync(join(tmpdir(), 'klankbord-demo-'));
const voices = {
  agent: { voice: 'nl+f3', speed: 158, pitch: 55 },
  customer: { voice: 'nl+m3', speed: 168, pitch: 38 },
};
const rateHz = 22050;

const duration = (file) => Number(execFileSync('soxi', ['-D', file]).toString().trim());

function speak(text, who, file) {
  const { voice, speed, pitch } = voices[who];
  execFileSync('espeak-ng', ['-v', voice, '-s', String(speed), '-p', String(pitch), '-w', file, text]);
}

/** Speech length of text without espeak's leading and trailing silence. */
function spokenLength(text, who) {
  const raw = join(work, 'word.wav');
  const trimmed = join(work, 'word-trimmed.wav');
  speak(text, who, raw);
  execFileSync('sox', [raw, trimmed, 'silence', '1', '0.01', '1%', 'reverse', 'silence', '1', '0.01', '1%', 'reverse']);
  return duration(trimmed);
}

const turns = readFileSync(join(demoDir, 'dialogue.nl.txt'), 'utf8')
  .split('\n')
  .filter((line) => line.trim() && !line.startsWith('#'))
  .map((line) => {
    const match = /^(A|K|A<):\s*(.+)$/.exec(line.trim());
    if (!match) throw new Error(`Bad dialogue line: ${line}`);
    return { who: match[1].startsWith('A') ? 'agent' : 'customer', interrupts: match[1] === 'A<', text: match[2] };
  });

const segments = [];
const laneFiles = { agent: [], customer: [] };
let cursorSec = 0.6;
let previousEndSec = 0;
turns.forEach((turn, index) => {
  const file = join(work, `turn-${index}.wav`);
  const trimmed = join(work, `turn-${index}-trimmed.wav`);
  speak(turn.text, turn.who, file);
  execFileSync('sox', [
    file,
    '-r',
    String(rateHz),
    trimmed,
    'silence',
    '1',
    '0.01',
    '1%',
    'reverse',
    'silence',
    '1',
    '0.01',
    '1%',
    'reverse',
  ]);
  const lengthSec = duration(trimmed);
  // Natural gaps between turns; an interruption starts before the other speaker has finished.
  const startSec = turn.interrupts ? Math.max(0, previousEndSec - 1.1) : cursorSec;
  const words = turn.text.split(/\s+/);
  const weights = words.map((word) => spokenLength(word, turn.who) + (/[.,?!]$/.test(word) ? 0.18 : 0.05));
  const scale = lengthSec / weights.reduce((sum, weight) => sum + weight, 0);
  let wordStart = startSec;
  const timedWords = words.map((word, wordIndex) => {
    const span = weights[wordIndex] * scale;
    const entry = {
      text: word,
      startMs: Math.round(wordStart * 1000),
      endMs: Math.round((wordStart + span * 0.9) * 1000),
    };
    wordStart += span;
    return entry;
  });
  segments.push({
    speaker: turn.who,
    channel: turn.who === 'agent' ? 0 : 1,
    startMs: Math.round(startSec * 1000),
    endMs: Math.round((startSec + lengthSec) * 1000),
    text: turn.text,
    words: timedWords,
  });
  laneFiles[turn.who].push({ file: trimmed, startSec });
  previousEndSec = startSec + lengthSec;
  cursorSec = Math.max(cursorSec, previousEndSec) + 0.35 + ((index * 7) % 5) / 10;
});

const totalSec = cursorSec + 0.5;
function lane(who) {
  const padded = laneFiles[who].map(({ file, startSec }, index) => {
    const out = join(work, `${who}-${index}-padded.wav`);
    execFileSync('sox', [file, out, 'pad', startSec.toFixed(3), '0']);
    return out;
  });
  const silence = join(work, `${who}-silence.wav`);
  execFileSync('sox', ['-n', '-r', String(rateHz), '-c', '1', silence, 'trim', '0', totalSec.toFixed(3)]);
  const out = join(work, `${who}.wav`);
  execFileSync('sox', ['-m', silence, ...padded, out, 'norm', '-3']);
  return out;
}
const agentLane = lane('agent');
const customerLane = lane('customer');
const output = join(demoDir, 'demo-klantgesprek.wav');
execFileSync('sox', [
  '-M',
  agentLane,
  customerLane,
  '-r',
  '8000',
  '-e',
  'mu-law',
  '-c',
  '2',
  output,
  'trim',
  '0',
  totalSec.toFixed(3),
]);

const transcript = { format: 'klankbord-transcript', version: 1, language: 'nl', segments };
writeFileSync(join(demoDir, 'demo-klantgesprek.json'), `${JSON.stringify(transcript, null, 1)}\n`);
rmSync(work, { recursive: true, force: true });
console.log(
  `Demo call: ${totalSec.toFixed(1)} s, ${segments.length} turns, ${segments.reduce((n, s) => n + s.words.length, 0)} words -> ${output}`,
);
