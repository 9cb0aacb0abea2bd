// Sections 1 and 2 of the shipped rubric (see default-rubric.ts for the choices behind them).
import { emotionGate, item, text, yesNo, zeroToThree } from './default-rubric-builders';
import type { RubricSection } from './model';

/** Section 1: recognising the customer's emotion. */
export const recognisingEmotion: RubricSection = {
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
};

/** Section 2: showing empathy. */
export const showingEmpathy: RubricSection = {
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
};
