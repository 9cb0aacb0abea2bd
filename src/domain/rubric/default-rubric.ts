import type { LocalizedText } from './localized-text';
import type { OrdinalScale, Rubric, RubricItem } from './model';

/*
 * The shipped rubric "Empathie & actief luisteren" v1 (docs/domain.md, "The rubric"). A used version
 * is never changed: any edit here must become version 2 with a new entry, never a change to this one.
 *
 * Choices the domain table leaves open:
 * - naWhenNoEmotion (N.v.t. by default when the customer expressed no emotion): 1.1, 1.2 and 4.3, the items about the
 *   customer's emotion. 2.2 also allows N.v.t., but for another reason (no name known, nothing personal to refer to),
 *   so it is not gated.
 * - evidenceRequired: every item except 2.2 and 3.3. A low score on the others points at something that happened
 *   (an interruption, a minimising remark, a missed cue, the customer repeating themselves) and can be tagged. A Nee
 *   on 2.2 (the name is never used) or 3.3 (there is never a summary) is an absence across the whole call, with no
 *   moment to point at; demanding one would only produce placeholder moments.
 * - Item weights are all 1 (the table gives none); section weights are 25/25/25/15/10.
 */

const text = (nl: string, en: string): LocalizedText => ({ nl, en });

const standardLabels = [
  text('Niet getoond', 'Not shown'),
  text('Mechanisch', 'Mechanical'),
  text('Oprecht maar algemeen', 'Sincere but generic'),
  text('Specifiek en natuurlijk', 'Specific and natural'),
] as const;

/** The 0-3 scale with the standard labels and this item's behavioural anchors (level 0, 1, 2, 3). */
function zeroToThree(anchors: readonly [LocalizedText, LocalizedText, LocalizedText, LocalizedText]): OrdinalScale {
  return {
    kind: 'ordinal',
    levels: anchors.map((anchor, value) => ({ value, label: standardLabels[value]!, anchor })),
  };
}

interface ItemOptions {
  readonly notApplicableAllowed?: boolean;
  readonly critical?: boolean;
  readonly evidenceRequired?: boolean;
  readonly naWhenNoEmotion?: boolean;
}

function item(
  id: string,
  title: LocalizedText,
  description: LocalizedText,
  scale: RubricItem['scale'],
  options: ItemOptions = {},
): RubricItem {
  return {
    id,
    title,
    description,
    scale,
    notApplicableAllowed: options.notApplicableAllowed ?? false,
    weight: 1,
    critical: options.critical ?? false,
    evidenceRequired: options.evidenceRequired ?? true,
    naWhenNoEmotion: options.naWhenNoEmotion ?? false,
  };
}

const yesNo = { kind: 'yes-no' } as const;
const emotionGate = { notApplicableAllowed: true, naWhenNoEmotion: true } as const;

export const defaultRubricId = 'empathie-actief-luisteren';

/** "Empathie & actief luisteren", version 1: 5 sections, 18 items, in Dutch and English. */
export const defaultRubric: Rubric = {
  id: defaultRubricId,
  version: 1,
  name: text('Empathie & actief luisteren', 'Empathy & active listening'),
  description: text(
    'Standaardrubric van Klankbord voor empathie en actief luisteren in klantgesprekken. Schaal 0-3 met gedragsankers (0 niet getoond, 1 mechanisch, 2 oprecht maar algemeen, 3 specifiek en natuurlijk) of Ja/Nee.',
    "Klankbord's standard rubric for empathy and active listening in customer calls. Scale 0-3 with behavioural anchors (0 not shown, 1 mechanical, 2 sincere but generic, 3 specific and natural) or Yes/No.",
  ),
  contextGate: {
    question: text(
      'Hoe was de klant aan het begin van het gesprek, en welke emotie liet de klant merken?',
      'What state was the customer in at the start of the call, and which emotion did they show?',
    ),
    help: text(
      'Kies positief, neutraal of negatief en noem de emotie (frustratie, boosheid, teleurstelling, bezorgdheid), ook als die pas later in het gesprek opkwam. Liet de klant geen emotie merken, dan staan 1.1, 1.2 en 4.3 standaard op N.v.t.; u kunt ze alsnog beoordelen.',
      'Choose positive, neutral or negative and name the emotion (frustration, anger, disappointment, worry), also when it only came up later in the call. When the customer showed no emotion, 1.1, 1.2 and 4.3 are N/A by default; you can still score them.',
    ),
  },
  sections: [
    {
      id: '1',
      title: text('Emotie herkennen', 'Recognising emotion'),
      weight: 25,
      items: [
        item(
          '1.1',
          text('Herkent de emotie van de klant en benoemt die', "Recognises the customer's emotion and names it"),
          text(
            'Hoort de medewerker welke emotie de klant laat merken (frustratie, boosheid, teleurstelling, bezorgdheid), en benoemt de medewerker die? N.v.t. als de klant geen emotie liet merken.',
            'Does the agent hear which emotion the customer shows (frustration, anger, disappointment, worry), and does the agent put it into words? N/A when the customer showed no emotion.',
          ),
          zeroToThree([
            text(
              "Gaat aan de emotie voorbij en gaat direct over tot de zaak, ook na een duidelijke uiting als 'Ik ben het echt zat'.",
              "Ignores the emotion and goes straight to business, even after a clear cue such as 'I'm really fed up with this'.",
            ),
            text(
              "Reageert met een standaardzin ('Vervelend voor u') zonder de emotie werkelijk te benoemen of op de klant af te stemmen.",
              "Responds with a stock phrase ('Sorry for the inconvenience') without actually naming the emotion or tuning it to the customer.",
            ),
            text(
              "Benoemt de emotie oprecht, maar in algemene termen ('Ik hoor dat u er niet blij mee bent').",
              "Names the emotion sincerely, but in general terms ('I can hear you're not happy about this').",
            ),
            text(
              "Benoemt de emotie precies en koppelt die aan de situatie van de klant ('U bent gefrustreerd omdat u al drie keer heeft gebeld en nog steeds zonder internet zit').",
              "Names the emotion precisely and ties it to the customer's situation ('You're frustrated because you've called three times and still have no internet').",
            ),
          ]),
          emotionGate,
        ),
        item(
          '1.2',
          text(
            'Erkent de emotie op tijd: binnen één of twee beurten na de uiting, vóór het oplossen van het probleem',
            'Acknowledges it in time: within one or two turns after the cue, before problem solving',
          ),
          text(
            'Ja: de erkenning volgt binnen één of twee spreekbeurten na de emotionele uiting en voordat de medewerker aan de oplossing begint. Nee: de erkenning komt later, pas na het oplossen, of helemaal niet. N.v.t. als de klant geen emotie liet merken.',
            'Yes: the acknowledgement comes within one or two turns after the emotional cue and before the agent starts on the solution. No: it comes later, only after problem solving, or not at all. N/A when the customer showed no emotion.',
          ),
          yesNo,
          emotionGate,
        ),
        item(
          '1.3',
          text(
            'Bagatelliseert de gevoelens van de klant niet, wuift ze niet weg en verwijt ze de klant niet',
            "Does not minimise, dismiss or blame the customer's feelings",
          ),
          text(
            "Nee bij uitspraken als 'Zo erg is het toch niet', 'Dat had u zelf moeten controleren' of 'Rustig maar'.",
            "No for remarks such as 'It's not that bad', 'You should have checked that yourself' or 'Calm down'.",
          ),
          yesNo,
        ),
      ],
    },
    {
      id: '2',
      title: text('Empathie tonen', 'Showing empathy'),
      weight: 25,
      items: [
        item(
          '2.1',
          text('Toont begrip (empathie, niet alleen medeleven)', 'Shows understanding (empathy, not mere sympathy)'),
          text(
            "Empathie is je in de positie van de klant verplaatsen en dat laten merken; medeleven ('Wat naar voor u') zonder begrip van de situatie is niet genoeg.",
            "Empathy is putting oneself in the customer's position and showing it; sympathy ('Oh, poor you') without understanding the situation is not enough.",
          ),
          zeroToThree([
            text(
              'Toont geen begrip; behandelt het probleem alleen als een zaak die afgehandeld moet worden.',
              'Shows no understanding; treats the problem only as a case to close.',
            ),
            text(
              "Gebruikt een ingestudeerde zin of alleen medeleven ('Wat vervelend voor u') zonder te laten merken dat de situatie begrepen is.",
              "Uses a rehearsed phrase or only sympathy ('How unfortunate for you') without showing that the situation is understood.",
            ),
            text(
              "Toont oprecht begrip, maar algemeen ('Ik begrijp dat dit erg vervelend voor u is').",
              "Shows sincere understanding, but in general terms ('I understand how frustrating this is for you').",
            ),
            text(
              "Laat in eigen woorden merken de gevolgen voor de klant te begrijpen ('Zonder internet kunt u niet thuiswerken, dat snap ik') en verbindt dat met de aanpak ('Laten we kijken hoe we dit oplossen').",
              "Shows in their own words that they understand what it means for the customer ('Without internet you can't work from home, I get that') and links it to the next step ('Let's see how we can solve it').",
            ),
          ]),
        ),
        item(
          '2.2',
          text(
            'Persoonlijke benadering: gebruikt de naam van de klant of verwijst naar diens situatie',
            "Personal approach: uses the customer's name or refers to their situation",
          ),
          text(
            'Ja: de medewerker spreekt de klant minstens één keer met de naam aan of verwijst naar de eigen situatie van de klant. N.v.t. als de naam niet bekend is en het gesprek geen persoonlijke situatie kent (bijvoorbeeld een korte algemene informatievraag).',
            "Yes: the agent addresses the customer by name at least once or refers to the customer's own situation. N/A when the name is not known and the call has no personal situation to refer to (for example a short general information question).",
          ),
          yesNo,
          { notApplicableAllowed: true, evidenceRequired: false },
        ),
        item(
          '2.3',
          text('Warme, betrokken toon', 'Warm, engaged tone of voice'),
          text(
            'Hoe klinkt de stem van de medewerker, los van de woorden?',
            "How does the agent's voice sound, apart from the words?",
          ),
          zeroToThree([
            text(
              'Kortaf, vlak of ongeïnteresseerd; klinkt alsof de klant stoort.',
              'Curt, flat or uninterested; sounds as if the customer is a nuisance.',
            ),
            text(
              'Beleefd maar monotoon en routinematig, als voorgelezen.',
              'Polite but monotonous and routine, as if read out.',
            ),
            text(
              'Vriendelijk en oprecht, maar niet afgestemd op wat de klant vertelt.',
              'Friendly and sincere, but not tuned to what the customer is saying.',
            ),
            text(
              'Warm en levendig; de stem reageert hoorbaar op wat de klant vertelt.',
              'Warm and lively; the voice audibly responds to what the customer says.',
            ),
          ]),
        ),
      ],
    },
    {
      id: '3',
      title: text('Actief luisteren', 'Active listening'),
      weight: 25,
      items: [
        item(
          '3.1',
          text(
            'Laat de klant uitpraten; onderbreekt niet en praat er niet doorheen',
            'Lets the customer finish; does not interrupt or talk over',
          ),
          text(
            "Nee bij onderbreken of door de klant heen praten, waardoor de klant het verhaal niet kan afmaken. Korte instemmende geluiden ('ja', 'hm-hm') tellen niet als onderbreken.",
            "No when the agent interrupts or talks over the customer so that the customer cannot finish. Short back-channel sounds ('yes', 'mm-hm') do not count as interrupting.",
          ),
          yesNo,
        ),
        item(
          '3.2',
          text('Stelt relevante doorvragen', 'Asks relevant follow-up questions'),
          text(
            'Vragen die voortbouwen op wat de klant vertelt, om het probleem en de beleving van de klant te begrijpen.',
            "Questions that build on what the customer says, to understand the problem and the customer's experience of it.",
          ),
          zeroToThree([
            text(
              'Stelt geen doorvragen, of alleen vragen waarop de klant het antwoord al gaf.',
              'Asks no follow-up questions, or only ones the customer already answered.',
            ),
            text(
              'Werkt een vaste vragenlijst af, los van wat de klant vertelt.',
              'Works through a fixed list of questions, regardless of what the customer says.',
            ),
            text(
              "Stelt zinvolle vragen, maar algemene ('Kunt u daar meer over vertellen?').",
              "Asks useful questions, but general ones ('Can you tell me more about that?').",
            ),
            text(
              "Bouwt met gerichte open vragen voort op wat de klant zei ('U zei dat het sinds de storing van maandag is; doet de tv het wel?').",
              "Builds on what the customer said with targeted open questions ('You said it started after Monday's outage; is the TV working?').",
            ),
          ]),
        ),
        item(
          '3.3',
          text(
            'Parafraseert of vat samen om te controleren of het goed begrepen is',
            'Paraphrases or summarises to confirm understanding',
          ),
          text(
            "Ja: de medewerker herhaalt de kern in eigen woorden en checkt die bij de klant ('Als ik het goed begrijp, ...').",
            "Yes: the agent restates the core in their own words and checks it with the customer ('So if I understand correctly, ...').",
          ),
          yesNo,
          { evidenceRequired: false },
        ),
        item(
          '3.4',
          text('Laat hoorbaar merken dat de klant gehoord wordt', 'Makes audible that the customer was heard'),
          text(
            "Ja: bevestigende signalen ('ja', 'ik begrijp het', 'ik noteer het even') tijdens en na het verhaal van de klant. Nee bij lange stiltes waarin de klant niet weet of er nog geluisterd wordt.",
            "Yes: confirming signals ('yes', 'I see', 'let me note that down') during and after the customer's account. No for long silences in which the customer cannot tell whether anyone is still listening.",
          ),
          yesNo,
        ),
        item(
          '3.5',
          text('De klant hoefde geen informatie te herhalen', 'Customer did not have to repeat information'),
          text(
            'Nee als de klant iets moest herhalen wat al gezegd was (naam, klantnummer, het probleem) omdat de medewerker niet goed luisterde. Herhalen door een slechte verbinding telt niet.',
            'No when the customer had to repeat something already said (name, customer number, the problem) because the agent was not listening. Repetition caused by a bad line does not count.',
          ),
          yesNo,
        ),
      ],
    },
    {
      id: '4',
      title: text('Afstemmen & de-escaleren', 'Attuning & de-escalating'),
      weight: 15,
      items: [
        item(
          '4.1',
          text('Past toon en tempo aan de klant aan', 'Adapts tone and pace to the customer'),
          text(
            'Rustig bij een negatieve klant, luchtig waar dat past bij een positieve klant, langzamer als de klant dat nodig heeft.',
            'Calm with a negative customer, light where it suits a positive one, slower when the customer needs it.',
          ),
          zeroToThree([
            text(
              'Houdt één toon en tempo aan, ook wanneer die duidelijk botsen met de klant (joviaal tegen een boze klant, gehaast tegen een klant die het rustig nodig heeft).',
              'Keeps one tone and pace even when they clearly clash with the customer (jovial with an angry customer, hurried with a customer who needs time).',
            ),
            text(
              "Past zich alleen aan als de klant erom vraagt ('Kunt u wat langzamer praten?').",
              "Adapts only when the customer asks ('Could you speak a bit more slowly?').",
            ),
            text(
              'Past toon of tempo uit zichzelf aan, maar niet consequent door het hele gesprek.',
              'Adapts tone or pace unprompted, but not consistently throughout the call.',
            ),
            text(
              'Stemt toon en tempo het hele gesprek door vanzelfsprekend af op de klant en volgt hoorbaar elke verandering in de stemming.',
              "Attunes tone and pace to the customer naturally throughout the call and audibly follows every change in the customer's mood.",
            ),
          ]),
        ),
        item(
          '4.2',
          text(
            'Blijft kalm en respectvol; geen sarcasme, neerbuigendheid of vijandigheid',
            'Stays calm and respectful; no sarcasm, condescension or hostility',
          ),
          text(
            'Kritiek criterium: Nee maakt de totaalscore 0. Eén sarcastische, neerbuigende of vijandige reactie is genoeg voor Nee, ook als de klant zelf onvriendelijk is.',
            'Critical item: No sets the total score to 0. A single sarcastic, condescending or hostile response is enough for No, even when the customer is unfriendly.',
          ),
          yesNo,
          { critical: true },
        ),
        item(
          '4.3',
          text(
            'De-escaleert: buigt het negatieve gevoel om naar positief',
            'De-escalates: turns the negative feeling towards positive',
          ),
          text(
            'N.v.t. als de klant geen negatieve emotie liet merken.',
            'N/A when the customer showed no negative emotion.',
          ),
          zeroToThree([
            text(
              'Laat de emotie oplopen of voedt die (in discussie gaan, de schuld afschuiven).',
              'Lets the emotion escalate or feeds it (arguing, shifting the blame).',
            ),
            text(
              "Probeert te kalmeren met standaardzinnen ('Ik begrijp uw frustratie, maar...'); het gevoel blijft hetzelfde.",
              "Tries to calm the customer with stock phrases ('I understand your frustration, but...'); the feeling stays the same.",
            ),
            text(
              'De klant wordt rustiger, maar het gesprek blijft gespannen.',
              'The customer calms down, but the call remains tense.',
            ),
            text(
              'Het gevoel slaat hoorbaar om: de klant wordt rustig, werkt mee en klinkt aan het eind opgelucht of tevreden.',
              'The feeling audibly turns: the customer calms down, cooperates and sounds relieved or satisfied by the end.',
            ),
          ]),
          emotionGate,
        ),
        item(
          '4.4',
          text('Jaagt de klant niet op', 'Does not rush the customer'),
          text(
            "Nee bij afkappen, aandringen om af te ronden of hoorbaar ongeduld ('Ja, ja, en verder?').",
            "No when the agent cuts the customer short, pushes to wrap up or sounds audibly impatient ('Yes, yes, and?').",
          ),
          yesNo,
        ),
      ],
    },
    {
      id: '5',
      title: text('Eigenaarschap', 'Ownership'),
      weight: 10,
      items: [
        item(
          '5.1',
          text(
            'Neemt persoonlijk verantwoordelijkheid voor de uitkomst',
            'Takes personal responsibility for the outcome',
          ),
          text(
            'Voelt de medewerker zich verantwoordelijk voor hoe het afloopt, of alleen voor het afhandelen van het gesprek?',
            'Does the agent feel responsible for how things turn out, or only for handling the call?',
          ),
          zeroToThree([
            text(
              "Schuift het probleem af op een andere afdeling, het systeem of de klant ('Daar ga ik niet over').",
              "Passes the problem on to another department, the system or the customer ('That's not my department').",
            ),
            text(
              "Neemt het probleem formeel aan, maar spreekt onpersoonlijk ('Er wordt een melding gemaakt').",
              "Formally takes the problem on, but speaks impersonally ('A ticket will be created').",
            ),
            text(
              'Spreekt in de ik-vorm en zegt toe zich in te zetten, maar blijft vaag over wat er gaat gebeuren.',
              'Speaks in the first person and promises to help, but stays vague about what will happen.',
            ),
            text(
              "Neemt het probleem op zich en belooft iets concreets: wat, door wie en wanneer ('Ik bel u morgen vóór twaalf uur terug').",
              "Takes the problem on and promises something concrete: what, by whom and when ('I'll call you back tomorrow before noon').",
            ),
          ]),
        ),
        item(
          '5.2',
          text(
            'Werkt proactief toe naar een oplossing op maat en spreekt vervolgstappen af',
            'Works proactively to a tailored solution and agrees next steps',
          ),
          text(
            'Een oplossing die past bij de situatie van deze klant, en duidelijke afspraken over wat er hierna gebeurt.',
            "A solution that fits this customer's situation, and clear agreements about what happens next.",
          ),
          zeroToThree([
            text(
              'Biedt geen oplossing en spreekt geen vervolgstappen af.',
              'Offers no solution and agrees no next steps.',
            ),
            text(
              'Biedt een standaardoplossing aan zonder te checken of die bij de klant past.',
              'Offers a standard solution without checking whether it fits the customer.',
            ),
            text(
              'Zoekt een passende oplossing, maar de vervolgstappen blijven vaag of de klant moet er zelf om vragen.',
              'Finds a suitable solution, but the next steps stay vague or the customer has to ask for them.',
            ),
            text(
              'Denkt vooruit, stemt de oplossing af op de situatie van de klant en spreekt duidelijke vervolgstappen af (wie, wat, wanneer).',
              "Thinks ahead, tailors the solution to the customer's situation and agrees clear next steps (who, what, when).",
            ),
          ]),
        ),
        item(
          '5.3',
          text(
            'De klant beëindigt het gesprek met een positief gevoel',
            'The customer ends the call with a positive feeling',
          ),
          text(
            'Wat telt is het gevoel waarmee de klant ophangt; luister naar de laatste minuut van het gesprek.',
            'What counts is the feeling the customer hangs up with; listen to the last minute of the call.',
          ),
          zeroToThree([
            text(
              'De klant eindigt boos, teleurgesteld of ontevreden.',
              'The customer ends angry, disappointed or dissatisfied.',
            ),
            text(
              "De klant eindigt neutraal of berustend ('Nou ja, het is niet anders').",
              "The customer ends neutral or resigned ('Oh well, it is what it is').",
            ),
            text('De klant eindigt tevreden, maar zakelijk.', 'The customer ends satisfied, but matter-of-fact.'),
            text(
              'De klant eindigt hoorbaar positief: bedankt oprecht of spreekt vertrouwen uit in de afspraken.',
              'The customer ends audibly positive: thanks the agent sincerely or expresses confidence in what was agreed.',
            ),
          ]),
        ),
      ],
    },
  ],
};
