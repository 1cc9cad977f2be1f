// English figures: the unit words after a number and the label words before it ("the jobless rate was 2.79%").
import { isLatinLetter } from './chars.ts';
import { englishCountUnit, englishUnits, type UnitInfo } from './units.ts';

/** Words that end the search for a unit after a number. */
const UNIT_STOP_WORDS = new Set(
  'and or in of to the a an for from on at by with than as per compared year years month months day days since last this'.split(
    ' ',
  ),
);

export interface EnglishUnit {
  unit: UnitInfo;
  end: number;
  /** The unit with the words describing it (42,303 urban jobs → urban jobs), a label when nothing precedes. */
  phrase: string;
}

/** How many words after a number may describe its unit (11 new international shipping routes). */
const UNIT_WORDS = 4;
const HYPHEN = 0x2d;

/** The end of the word at `start`, hyphenated parts included (kilowatt-hours, sea-rail). */
function wordEnd(text: string, start: number): number {
  let end = start;
  while (end < text.length && end - start < 24) {
    const code = text.charCodeAt(end);
    if (isLatinLetter(code)) end++;
    else if (code === HYPHEN && end > start && isLatinLetter(text.charCodeAt(end + 1))) end++;
    else break;
  }
  return end;
}

const INITIALS = /^(?:[A-Z]\.){2,}/;

/** "U.S. dollars": where a word written as initials ends, or undefined. */
function initialsEnd(text: string, start: number): number | undefined {
  const initials = INITIALS.exec(text.slice(start, start + 8));
  return initials === null ? undefined : start + initials[0].length;
}

/** A unit as the text writes it: an acronym keeps its capitals (TEUs, GW), any other word is lower-cased. */
function asWritten(word: string): string {
  return /^.[^A-Z]*$/.test(word) ? word.toLowerCase() : word;
}

const KNOWN_UNITS = new Set(englishUnits.values());
const INDEX_POINTS = englishUnits.get('points');

/** A unit of measure the extractor knows (minutes, percent, yuan), not a noun taken as the unit of a count. */
export function knownEnglishUnit(unit: UnitInfo): boolean {
  return KNOWN_UNITS.has(unit);
}

/** Reads up to four words after `index` for a unit: a known one, or a plural noun taken as a count. */
export function englishUnitAt(text: string, index: number): EnglishUnit | undefined {
  let cursor = index;
  const words: { word: string; written: string; end: number }[] = [];
  while (words.length < UNIT_WORDS) {
    let start = cursor;
    if (text.charCodeAt(start) === 0x20) start++;
    const end = initialsEnd(text, start) ?? wordEnd(text, start);
    if (end === start) break;
    const written = text.slice(start, end);
    words.push({ word: written.toLowerCase(), written, end });
    cursor = end;
  }
  for (let at = 0; at < words.length; at++) {
    const current = words[at];
    if (current === undefined || UNIT_STOP_WORDS.has(current.word)) return undefined;
    const next = words[at + 1];
    const pair = next === undefined ? undefined : englishUnits.get(`${current.word} ${next.word}`);
    const phraseOf = (last: number) =>
      words
        .slice(0, last + 1)
        .map((entry) => entry.word)
        .join(' ');
    if (pair !== undefined && next !== undefined)
      return { unit: pair, end: next.end, phrase: phraseOf(at + 1) };
    const single = englishUnits.get(current.word);
    // "48,000 charging points": points after a noun are things counted, named with it; index points follow their
    // number directly.
    const previous = words[at - 1];
    if (single === INDEX_POINTS && previous !== undefined && previous.word !== 'index')
      return {
        unit: englishCountUnit(`${asWritten(previous.written)} ${current.word}`),
        end: current.end,
        phrase: phraseOf(at),
      };
    if (single !== undefined) return { unit: single, end: current.end, phrase: phraseOf(at) };
    if ((current.word.length >= 3 && current.word.endsWith('s')) || PLURALS_WITHOUT_S.has(current.word)) {
      return { unit: englishCountUnit(asWritten(current.written)), end: current.end, phrase: phraseOf(at) };
    }
  }
  return undefined;
}

/** Nouns counted in the plural without an -s (900 staff, 40 aircraft, 300 children). */
const PLURALS_WITHOUT_S = new Set([
  'staff',
  'personnel',
  'children',
  'women',
  'men',
  'police',
  'cattle',
  'sheep',
  'aircraft',
  'livestock',
]);

/** Times a rate may be written per with "a" (468 yuan a night, 50,000 yuan a year). */
const PER_TIME_WORDS = new Set(['night', 'day', 'week', 'month', 'year', 'hour']);
const LOCATING_AFTER = /^ (?:earlier|ago|before|later|after|on|from)\b/;
/**
 * Words after "per" that describe the measure rather than divide the unit (income per capita); a dividend or
 * earnings "per share" is an amount of money the label names, as 每股 is.
 */
const NOT_DENOMINATORS = new Set(['cent', 'capita', 'annum', 'share']);
/**
 * Units of land area a yield or a price may be per, with "square" before a length (per square metre), and of the
 * volume a concentration is per (micrograms per cubic meter).
 */
const AREA_DENOMINATOR =
  /^(?:(?:square|cubic) (?:metres?|meters?|kilometres?|kilometers?|feet|foot)|hectares?|mu|acres?)\b/;

/**
 * "$3.85 per kilogram", "0.39 yuan per kilowatt-hour", "468 yuan a night": the denominator of a rate written after
 * its amount, as written, and where it ends.
 */
export function englishPerAfter(
  text: string,
  index: number,
): { denominator: string; end: number; byArticle: boolean; area?: boolean } | undefined {
  if (text.charCodeAt(index) !== 0x20) return undefined;
  const per = text.startsWith('per ', index + 1);
  const a = !per && text.startsWith('a ', index + 1);
  if (!per && !a) return undefined;
  const start = index + (per ? 5 : 3);
  // "16,420 yuan per square metre", "6.8 tonnes per hectare": a rate per land area (or volume) is read whole.
  const area = per ? AREA_DENOMINATOR.exec(text.slice(start, start + 20))?.[0] : undefined;
  if (area !== undefined)
    return { denominator: area.toLowerCase(), end: start + area.length, byArticle: false, area: true };
  const end = wordEnd(text, start);
  const denominator = text.slice(start, end).toLowerCase();
  if (denominator === '' || NOT_DENOMINATORS.has(denominator)) return undefined;
  if (a && !PER_TIME_WORDS.has(denominator)) return undefined;
  // "27 minutes a year earlier": a time that locates the figure, not a rate's denominator.
  if (a && LOCATING_AFTER.test(text.slice(end, end + 8))) return undefined;
  return { denominator, end, byArticle: a };
}

/** Verbs and prepositions between a label and its number. */
const CONNECTIVES = new Set(
  (
    'was is are were be been stood stands reached reaching hit totaled totalled totaling totalling came amounted ' +
    'at to by of with from about around nearly almost over under more less than up down some approximately roughly ' +
    'added created reported registered recorded saw had has have rose rising grew growing increased increase ' +
    'fell falling declined dropped decreased climbed jumped slipped edged expanded expands expanding grows rises ' +
    'surged hits stayed remained stays remains slows slowed slowing accelerated accelerating reaches grow rise ' +
    'fall falls climb climbs jumps drops dips slip slips widened narrowed widens narrows ' +
    'exceeded exceeds surpassed surpasses topped jump slumped slumps slump plunged plunges soared soars ' +
    'held holds hold steady between gained gains gain advanced advances rebounded rebounds grown risen ' +
    'dipped dip eased eases shrank shrinks contracted contracts tumbled tumbles sank sinks slid slides ' +
    'retreated declines decreases drop edges inched inches ticked ticks ' +
    // "quickening from 4.1% in the first half": a change of pace leads to the rate before, like "slowing".
    'quickening quickened quickens decelerating decelerated easing ' +
    // "$1.2 billion, versus $980 million a year earlier": the base compared with, not a name.
    'versus against'
  ).split(' '),
);
/** Modal auxiliaries: the verb after one is a verb whatever its form (will receive, should reach). */
const MODALS = new Set('will would shall should can could may might must'.split(' '));
/** Verbs that with "up" name a part of a whole (made up, takes up). */
const PART_VERBS = new Set(['made', 'make', 'makes', 'took', 'take', 'takes']);
/** Adverbs of time between a subject and its verb (the port now operates, the city still runs). */
const VERB_ADVERBS = new Set(['now', 'also', 'still', 'currently', 'already']);
/** Adverbs that only sharpen a qualifier (well over, just under, slightly more than). */
const QUALIFIER_ADVERBS = new Set(['well', 'just', 'slightly', 'only', 'barely', 'far']);
/** Particles of a phrasal verb whose object is the number (sets aside $5 million, handed out 3,000 vouchers). */
const PARTICLES = new Set(['aside', 'out', 'off', 'away']);
/** Auxiliaries of a passive (has been cut, was set, were capped). */
const PASSIVE_AUXILIARIES = new Set(['been', 'was', 'were', 'is', 'are', 'be']);
/** Verbs whose object is what the number counts (Dalian added 42,303 urban jobs). */
const OBJECT_VERBS = new Set(
  'added created reported registered recorded saw had has have hired employed built planted'.split(' '),
);
const GROWTH_WORDS = new Set(
  'rose rising grew grow growing increased increase up climb climbed jumped edged growth expanded expands expanding grows rises surged rise climbs jumps jump soared soars gained gains gain advanced advances rebounded rebounds grown risen'.split(
    ' ',
  ),
);
/** Changes down: a decline keeps its value as written and says so in its label, like 下降. */
const DECLINE_WORDS = new Set(
  'fell falling declined dropped decreased down slipped fall falls drops dips slip slips slumped slumps slump plunged plunges dipped dip eased eases shrank shrinks contracted contracts tumbled tumbles sank sinks slid slides retreated declines decreases drop'.split(
    ' ',
  ),
);
/**
 * "rising", "climbing", "slipping": the change a participle of a change verb names (growth or decline), or
 * undefined for any other word.
 */
export function changeParticiple(word: string): 'growth' | 'decline' | undefined {
  if (!word.endsWith('ing')) return undefined;
  if (GROWTH_WORDS.has(word)) return 'growth';
  if (DECLINE_WORDS.has(word)) return 'decline';
  const stem = word.slice(0, -3);
  // climbing → climb, rising → rise, slipping → slip.
  for (const base of [stem, `${stem}e`, stem.slice(0, -1)]) {
    if (base.length < 3) continue;
    for (const form of [base, `${base}s`]) {
      if (GROWTH_WORDS.has(form)) return 'growth';
      if (DECLINE_WORDS.has(form)) return 'decline';
    }
  }
  return undefined;
}

/** Prepositions before a place named with capitals (at Lianhai port, in Baishan, through the port). */
const PLACE_PREPOSITIONS = new Set(['at', 'in', 'through', 'via']);
/** Words that locate a place name within a country (east China, southern Guangdong). */
const COMPASS =
  /^(?:east|west|south|north|central|eastern|western|southern|northern|northeast|northwest|southeast|southwest)$/;

/**
 * Prepositions that open a place only when it is named after its noun (exports from the port city of Haoshan,
 * investment into the central city of Yunzhou); otherwise they open what a measure is from or into.
 */
const NAMED_PLACE_PREPOSITIONS = new Set(['from', 'into']);

/** Where the last "at/in + place name" of the words starts, or -1. */
function placeAt(words: string[]): number {
  return words.findLastIndex((word, index) => {
    const lowered = word.toLowerCase();
    if (NAMED_PLACE_PREPOSITIONS.has(lowered)) {
      const end = placeNounsEnd(words, index + 1);
      return end > 0 && lower0(words[end]) === 'of' && CAPITALIZED.test(words[end + 1] ?? '');
    }
    if (!PLACE_PREPOSITIONS.has(lowered)) return false;
    const next = words[index + 1] ?? '';
    return (
      CAPITALIZED.test(next) ||
      (COMPASS.test(next) && CAPITALIZED.test(words[index + 2] ?? '')) ||
      placeNounsEnd(words, index + 1) > 0
    );
  });
}

/**
 * "the port", "the city centre", "the eastern city", "the southern port city": where a place named by an article,
 * compass words and its nouns ends, or -1.
 */
function placeNounsEnd(words: string[], at: number): number {
  if (!ARTICLES.has(lower0(words[at]))) return -1;
  let end = at + 1;
  while (COMPASS.test(lower0(words[end]))) end++;
  // "the northern river city of Velmor": plain words may describe the noun of a place its name follows.
  const described = end;
  while (
    end - described < PLACE_MODIFIERS &&
    isPlaceModifier(words[end]) &&
    !PLACE_NOUNS.has(words[end] ?? '')
  )
    end++;
  const nouns = end;
  while (end < words.length && PLACE_NOUNS.has(lower0(words[end]))) end++;
  if (end === nouns) return -1;
  const named = lower0(words[end]) === 'of' && CAPITALIZED.test(words[end + 1] ?? '');
  return nouns === described || named ? end : -1;
}

/** How many plain words may describe a named place's noun (the northern river port city of Velmor). */
const PLACE_MODIFIERS = 2;
const PLAIN_WORD = /^[a-z][a-z-]*$/;
/** A lower-case word that is no verb, connective or determiner: an adjective or a noun before a place noun. */
function isPlaceModifier(word: string | undefined): boolean {
  return (
    word !== undefined &&
    PLAIN_WORD.test(word) &&
    !CONNECTIVES.has(word) &&
    !DETERMINERS.has(word) &&
    !isPastTense(word)
  );
}

/** Where a place name starting at `from` ends: a compass word, its capitalized words and a noun like "port". */
function placeEnd(words: string[], from: number): number {
  let end = from;
  // "at the port of Lianhai", "in the city": the noun names the place, and so does a name after its "of".
  const nouns = placeNounsEnd(words, end);
  if (nouns > 0) {
    end = nouns;
    if (lower0(words[end]) !== 'of' || !CAPITALIZED.test(words[end + 1] ?? '')) return end;
    end++;
  }
  if (COMPASS.test(words[end] ?? '')) end++;
  const named = end;
  while (end < words.length && CAPITALIZED.test(words[end] ?? '')) end++;
  while (end > named && end < words.length && PLACE_NOUNS.has(lower0(words[end]))) end++;
  return end;
}

/** The kinds of place a government runs (Varna county, Lanxi province). */
const ADMINISTRATIVE_NOUNS = /^(?:county|city|district|province|prefecture|state|region|town)$/;
/** Nouns that go with a place name (Lianhai port, the Amberport metro area). */
const PLACE_NOUNS = new Set([
  'centre',
  'center',
  'town',
  'port',
  'airport',
  'city',
  'county',
  'district',
  'metro',
  'area',
  'region',
  'station',
  'province',
  'state',
  'prefecture',
]);
const lower0 = (word: string | undefined) => (word ?? '').toLowerCase();
const CAPITALIZED = /^[A-Z]/;
/** The people of a place as a whole (Chinese residents, Fenland households). */
const PEOPLE_NOUNS = /^(?:residents|people|citizens|households|consumers)$/;
const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';
/** Cheap test for a time phrase before the slower WHEN. */
const WHEN_HINT = new RegExp(`\\b(?:${MONTHS}|quarter|half|months?|year)\\b`);
/**
 * Time phrases inside a subject: "in October", "in the first seven months", "over the past 12 months", "in
 * January-June", "in the quarter", "first-half", "first-quarter".
 */
const WHEN = new RegExp(
  `\\b(?:(?:in|during|over|for|through)\\s+(?:the\\s+)?(?:(?:first|second|third|fourth|past|last|latest)\\s+(?:\\w+\\s+)?(?:quarter|half|months?|weeks?|years?)|(?:\\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\\s+(?:months|weeks)(?:\\s+(?:to|ended|ending|through)\\s+(?:${MONTHS})(?:\\s+\\d{1,2})?)?|quarter|(?:${MONTHS})(?:[-–](?:${MONTHS}))?(?:\\s+\\d{4})?)|(?:first|second|third|fourth)-(?:half|quarter)|from (?:a|one) year (?:earlier|ago)|year on year|(?:last|this|next) year(?![-'’]))\\b`,
  'g',
);
/** "on the route to", "on lines from": a route named by where it goes. */
const ON_THE_ROUTE = /\bon (?:the |its |their )?(?:routes?|lines?|lanes?|corridors?) (to|from|between)\b/g;
/** Passive participles that make a figure a bound on its subject, and the noun of that bound. */
const LIMIT_PARTICIPLES: Record<string, string> = { capped: ' cap', limited: ' limit' };
/** Passive participles of a cut before "by", and the noun a reader names the amount cut with. */
const CUT_PARTICIPLES: Record<string, string> = {
  cut: ' cut',
  slashed: ' cut',
  trimmed: ' cut',
  reduced: ' reduction',
  lowered: ' reduction',
};
/** "in nominal terms", "in real terms": how a change was measured, no part of a subject. */
const IN_TERMS = /\bin (?:nominal|real|dollar|yuan|volume|value) terms\b/gi;
const IN_REAL_TERMS = /\bin real terms\b/i;
const DETERMINERS = new Set(
  'the a an its their his her our this that these those and or but though although whereas in on for with which who while as'.split(
    ' ',
  ),
);
const ARTICLES = new Set(['the', 'a', 'an']);
const YEAR_OR_TERM = /^(?:(?:19|20)\d\d|[HQ][1-4])$/;
/** Words after a clause's opening participle that show it takes an object (bringing its…, beating analysts'…). */
const OPENS_OBJECT =
  /^(?:its|their|the|a|an|it|for|to|up|nearly|about|around|roughly|some|over|more|almost)$|['’]s?$/;
const POSSESSIVE = /['’]s$/;
/**
 * Prepositions that may stand inside a label (area sown to grain, exports to the EU, output of grain, arrivals from
 * Europe) when a noun, not a verb, stands before them (up from 4.5 percent is no label).
 */
const LABEL_PREPOSITIONS = new Set(['to', 'of', 'for', 'from', 'by', 'with']);
/** "spending by overseas tourists": a measure whose owner follows it reads its change as "growth in …". */
const OWNER_AFTER = / (?:by|from) /;
/** Words that may stand between a change and "to" without naming anything (rose 6.4% year on year to …). */
const ADVERBIALS = new Set('year on year-on-year annually respectively yoy'.split(' '));
const PARTICIPLE = /^[a-z]{3,}ing$/;
/** Words in -ing that name a measure (spending, funding, lending), not a verb. */
const ING_NOUNS =
  /^(?:spending|funding|housing|lending|financing|building|shipping|clothing|training|pricing|borrowing|earnings?|billing|booking|bookings|hiring|parking|schooling|trading|manufacturing|processing|catering|logging|mining|farming|fishing|saving|savings)$/;
const AVERAGE_PLURAL =
  /^(average (?:[a-z-]+ ){0,3}(?:rate|time|price|wage|cost|fare|rent|payment|fee|charge|bill))s(?= to | from |$)/;
const AVERAGED = /^average[sd]?$/;
const IN_AREAS = /^(.+) in (urban|rural|coastal|mountain) areas$/;
/** Measures an "in" phrase may complete (yield in sampled fields, investment in terminals). */
const MEASURE_BEFORE_IN =
  /^(?:investment|yield|output|sales|prices?|rents?|income|spending|revenue|rate|share)$/;
/** Words ending in -ed that are not verbs. */
const NOT_VERBS = new Set(['hundred', 'need', 'seed', 'speed', 'feed', 'bed', 'red', 'shed']);
/** Past tenses that do not end in -ed and are no noun (the fund paid, the city built); not cut or set (tax cut). */
const IRREGULAR_PAST = new Set(
  'paid spent built won made lent gave took brought bought kept lost drew ran sold sent'.split(' '),
);
const MAX_LABEL_WORDS = 9;
/** Past participles that stand as adjectives inside a name (registered urban unemployment rate). */
const PARTICIPLE_ADJECTIVES = new Set(['registered', 'surveyed', 'listed', 'designated', 'installed']);

const LISTED = /-listed$/;

/** "shares", "Corby Bank shares", "Hong Kong-listed shares": a company's stock, whose measure is its price. */
function isShares(kept: string[]): boolean {
  return (
    lower0(kept.at(-1)) === 'shares' &&
    kept.slice(0, -1).every((word) => CAPITALIZED.test(word) || LISTED.test(word))
  );
}
const TITLE_CASE = /^[A-Z][a-z]/;
/** Last or first words of the name of a company or a place (Vale Motors, Harwick Port, Port Ashford). */
const NAME_NOUNS =
  /^(?:Motors|Group|Holdings|Bank|Airlines|Airport|Port|Corp|Inc|Ltd|Co|Steel|Mining|Energy|Electric|Telecom|Railways?|Authority|Council|City|County|Province|District)$/;

/**
 * How many words a company's or a place's name takes at the start of a label: two or more title-case words
 * that the brief's region or a word like "Motors" or "Port" shows to be a name, before the words of the measure.
 */
function ownerNameLength(kept: string[], region: string): number {
  let length = 0;
  while (length < kept.length && TITLE_CASE.test(kept[length] ?? '')) length++;
  if (length < 2 || length === kept.length) return 0;
  const name = kept.slice(0, length);
  const named =
    name.includes(region) || NAME_NOUNS.test(name[0] ?? '') || NAME_NOUNS.test(name[length - 1] ?? '');
  return named ? length : 0;
}
/** Nouns that change form when they name a growth (the economy grows → economic growth). */
const GROWTH_NOUN_FORMS: Record<string, string> = { economy: 'economic' };

/** An owner that is a part of a body (the parks department's, its technology unit's): it names the series. */
const PART_OWNER = /^[a-z-]*(?:department|unit|division|segment|branch|subsidiary|agency)['’]s$/;
/** Systems whose riders or trips a measure counts (ridership on the metro). */
const TRANSIT_SYSTEMS = /^(?:metro|subway|underground|railway|tram|tramway|bus|buses|ferry|ferries|network)$/;
/** Prepositions of where a measure was taken (occupancy in the town's core, wait times at the city's hospitals). */
const WHERE_PREPOSITIONS = new Set(['in', 'at', 'on', 'across']);

/**
 * "in the town's core area" before "averaged": where an owner's phrase of place starts after the measure and where
 * the verb after it ends it, or undefined when no verb of the clause follows it (then the owner ends the label).
 */
function ownedPlaceAt(words: string[], owner: number): { start: number; end: number } | undefined {
  if (owner < 2) return undefined;
  const start = ARTICLES.has(lower0(words[owner - 1])) ? owner - 2 : owner - 1;
  if (start < 1 || !WHERE_PREPOSITIONS.has(lower0(words[start]))) return undefined;
  for (let end = owner + 1; end < words.length; end++) {
    const word = lower0(words[end]);
    if (CONNECTIVES.has(word) || isPastTense(word)) return end === owner + 1 ? undefined : { start, end };
  }
  return undefined;
}

/** "Sales at its technology unit", "output in their coastal plants": a measure of a part of its owner. */
const PART_PREPOSITIONS = new Set(['at', 'in']);
const OWNING = new Set(['its', 'their']);
/** A plain word of a part's name: no verb, connective, determiner or name. */
function isPartWord(word: string): boolean {
  const lowered = word.toLowerCase();
  return lowered === word && !CONNECTIVES.has(lowered) && !DETERMINERS.has(lowered) && !isPastTense(lowered);
}

/** A past-tense verb (attracted, handled): it ends a label and takes the number as its object. */
function isPastTense(word: string): boolean {
  // "coal-fired", "state-owned": a hyphenated -ed word is a compound adjective.
  return (
    (word.length >= 5 && word.endsWith('ed') && !NOT_VERBS.has(word) && !word.includes('-')) ||
    IRREGULAR_PAST.has(word)
  );
}

export interface EnglishLabel {
  label: string;
  growth: boolean;
  /** The number is the object of a verb like "added": the words after it name the measure. */
  objectFollows: boolean;
  /** Only "to" stands before the number: the level a change led to (rose 12% to $4.29 billion). */
  leadsTo: boolean;
  /** The past-tense verb the number is the object of (handled, exported). */
  verb?: string;
}

/**
 * Verbs whose object and participle are what a reader calls the measure (containers handled, cars exported,
 * homes sold), as a Chinese label keeps its verb (售出茶叶).
 */
const MEASURE_VERBS = new Set(
  'handled exported imported shipped sent sold delivered produced manufactured transported processed served added employed created upgraded'.split(
    ' ',
  ),
);
/** Their present tense, as headlines write them (Port handles 4.2 million containers), to the participle. */
const PRESENT_MEASURE_VERBS: Record<string, string> = {
  handles: 'handled',
  exports: 'exported',
  imports: 'imported',
  ships: 'shipped',
  sends: 'sent',
  sells: 'sold',
  delivers: 'delivered',
  produces: 'produced',
  serves: 'served',
  adds: 'added',
  employs: 'employed',
  employ: 'employed',
  creates: 'created',
};
/**
 * Present tenses that headlines give a subject before its object (Council approves $1.26 billion budget, Schools
 * adopt…): the verb, like a past tense, is no part of the label, and the words after the number name the measure.
 */
const PRESENT_OBJECT_VERBS = new Set(
  'adopt adopts approve approves pass passes post posts attract attracts receive receives welcome welcomes host hosts draw draws cuts raises lowers sets keeps lifts trims averages average operate operates run runs own owns'.split(
    ' ',
  ),
);
const MEASURED_LABEL = new RegExp(`\\b(?:${[...MEASURE_VERBS].join('|')})(?: abroad| overseas)?$`);

/** "growth in containers handled": a change of a measure named by its verb reads with "in". */
export function changeOf(label: string, change: string): string {
  return MEASURED_LABEL.test(label) ? `${change} in ${label}` : `${compounded(label)} ${change}`;
}

const NEW_BEFORE = /^new /;

/** What was added or counted as a whole is new by the verb or the total that names it: "new" goes. */
export const withoutNew = (phrase: string) => phrase.replace(NEW_BEFORE, '');

/** Units that count containers by their size (TEUs, twenty-foot equivalent units). */
const CONTAINER_MEASURE = /^(?:teus?|twenty-foot equivalent units)$/i;
/** " with foreign investors": the partner after what was signed. */
const SIGNED_WITH = /^ with ([a-z][a-z-]*(?: [a-z][a-z-]*){0,3})/;
/** Adverbs after the counted noun that belong to such a measure (cars shipped abroad). */
const MEASURE_ADVERB = /^ (abroad|overseas)\b/;

/** "exported 68,400 cars" → cars exported: what a counted object of a measuring verb names, or undefined. */
export function measuredObject(verb: string | undefined, counted: string, text: string, end: number) {
  // "signed 37 projects with foreign investors": who a deal was signed with tells it from the others.
  const partner = verb === 'signed' ? SIGNED_WITH.exec(text.slice(end, end + 48))?.[1] : undefined;
  if (partner !== undefined)
    return `${counted} signed with ${wordsBefore(partner.split(' '), CHANGE_OBJECT_STOP).join(' ')}`;
  if (verb === undefined || !MEASURE_VERBS.has(verb)) return undefined;
  // "handled 14.1 million TEUs": a TEU is a measure of containers, and what a port handles is its throughput.
  if (verb === 'handled' && CONTAINER_MEASURE.test(counted)) return 'container throughput';
  const adverb = MEASURE_ADVERB.exec(text.slice(end, end + 10))?.[1];
  // "added 185 new positions": what was added is new; the verb says so once.
  const object = verb === 'added' || verb === 'created' ? withoutNew(counted) : counted;
  return adverb === undefined ? `${object} ${verb}` : `${object} ${verb} ${adverb}`;
}

/** Units of energy produced (kilowatt-hours, GWh). */
const ENERGY_UNIT = /^(?:(?:kilo|mega|giga|tera)watt-hours?|[kmgt]wh)$/i;
const GENERATING_VERBS = new Set(['generated', 'produced']);
/** What generates (plants, farms, systems): the machine, not what the series measures. */
const GENERATOR_HEADS =
  /^(?:plants?|farms?|stations?|systems?|panels?|turbines?|generators?|dams?|reactors?|facilities|projects?|installations?|arrays?|parks?|units?)$/;

/**
 * "Wind farms generated 3.2 billion kilowatt-hours of electricity" → wind power generation: energy a subject
 * generated is named by its source and the generation, not by the object (electricity) nor the machine (farms).
 */
export function generationOf(subject: string, verb: string | undefined, unit: string): string | undefined {
  if (verb === undefined || !GENERATING_VERBS.has(verb) || !ENERGY_UNIT.test(unit)) return undefined;
  const source = subject
    .split(' ')
    .filter((word) => word !== '' && word !== 'power' && !GENERATOR_HEADS.test(word))
    .join(' ');
  if (source === '') return 'power generation';
  return source.endsWith('power') ? `${source} generation` : `${source} power generation`;
}

/** Words between a verb and its number that only say how large it was (handled a record 4.2 million…). */
const AMOUNT_ADJECTIVES = new Set(['record', 'estimated', 'all-time']);

const CAME_IN_AT = / (?:came|comes|come|coming) in at\s*$/i;

/** The noun phrase before the number's verb ("the city's registered unemployment rate was" → registered unemployment rate). */
export function englishLabelBefore(clause: string, region = '', objectMayFollow = true): EnglishLabel {
  // "exports in the first seven months totalled", "first-half exports", "2026 growth target", "H1 deliveries": when
  // is no part of what is measured.
  // "growth came in at": the phrasal verb is a link like "was", its "in" no preposition of the subject.
  const linked = clause.includes(' in at') ? clause.replace(CAME_IN_AT, ' was ') : clause;
  const timed = linked.includes('-') || WHEN_HINT.test(linked) ? linked.replace(WHEN, ' ') : linked;
  // "rose 5.4 percent in nominal terms to": how a change is measured names no subject.
  const measured = timed.includes(' terms') ? timed.replace(IN_TERMS, ' ') : timed;
  // "Freight rates on the route to Frankfurt": the route is where the rates go, as in "rates to Frankfurt".
  const timeless = measured.includes(' on ') ? measured.replace(ON_THE_ROUTE, ' $1 ') : measured;
  const words = timeless.split(/[\s,;:()]+/).filter((word) => word !== '' && !YEAR_OR_TERM.test(word));
  // ", beating analysts' forecasts of", ", bringing its total to": a participle opening the clause is its verb.
  // ", bringing total nonfarm employment to": so is one whose object a level follows.
  if (
    words.length > 2 &&
    PARTICIPLE.test(words[0] ?? '') &&
    (OPENS_OBJECT.test(words[1] ?? '') || words.at(-1) === 'to')
  )
    words.shift();
  // ", carrying 186 passengers": a participle alone after a comma is a verb whose object the number counts.
  const loneParticiple =
    words.length === 1 && PARTICIPLE.test(words[0] ?? '') && !ING_NOUNS.test(words[0] ?? '');
  if (loneParticiple) words.pop();
  // "the city's jobless rate": the owner ends the label.
  const owner = words.findLastIndex((word) => POSSESSIVE.test(word));
  // "Foreign trade of east China's Lanxi province": an owner inside an "of" after the measure names where.
  const ofOwner = owner > 0 ? words.lastIndexOf('of', owner) : -1;
  // "Hotel occupancy in the town's core area averaged", "waiting time at Baishan's 14 public hospitals fell": an
  // owner inside a phrase of where, after the measure and before the verb, names where; the phrase goes.
  const where = ownedPlaceAt(words, owner);
  if (where !== undefined) words.splice(where.start, where.end - where.start);
  else if (ofOwner > 0) words.splice(ofOwner, placeEnd(words, owner + 1) - ofOwner);
  else if (owner >= 0 && PART_OWNER.test(words[owner] ?? '')) {
    // "the parks department's allocation": a part of a body tells its series from the body's other parts.
    let start = owner;
    while (
      start > 0 &&
      !DETERMINERS.has(lower0(words[start - 1])) &&
      !CAPITALIZED.test(words[start - 1] ?? '')
    )
      start--;
    words[owner] = (words[owner] ?? '').replace(POSSESSIVE, '');
    words.splice(0, start);
  } else if (owner >= 0) words.splice(0, owner + 1);
  // "Hainan tourism revenue", "Tourism revenue during the holiday": the place and the time are not the measure.
  // "The Amberport purchasing managers' index": so is one after an article.
  const regionAt = ARTICLES.has(lower0(words[0])) ? 1 : 0;
  const regionFirst = region !== '' && lower0(words[regionAt]) === region.toLowerCase();
  if (regionFirst) {
    // "Varna county farm income": the kind of place named with the region goes with it, before the measure (not
    // "Yantang province will train", where it is the subject, nor "Yunzhou metro ridership").
    const next = lower0(words[regionAt + 2]);
    const kindOfPlace =
      ADMINISTRATIVE_NOUNS.test(words[regionAt + 1] ?? '') &&
      next !== '' &&
      !CONNECTIVES.has(next) &&
      !MODALS.has(next) &&
      !isPastTense(next);
    words.splice(0, regionAt + (kindOfPlace ? 2 : 1));
  }
  // "income of Hainan residents": whose, when it is the brief's region, is not the measure either.
  const ofRegion = words.findIndex(
    (word, at) => word === 'of' && words[at + 1]?.toLowerCase() === region.toLowerCase(),
  );
  // "The port of Qiaoxi handled": only a people after the region goes with it; a verb stays.
  // "output of Qiaoxi factories": a noun after the region is what the measure is of, and stays.
  if (region !== '' && ofRegion > 0) {
    const next = lower0(words[ofRegion + 2]);
    // "Port of Bochuan cargo throughput": a place named with the region goes whole.
    // "at the port of Qiaoxi": with its article and preposition.
    if (PLACE_NOUNS.has(lower0(words[ofRegion - 1]))) {
      // "from the southern port city of Haoshan": the article, the words describing the place and its nouns go.
      const article = words.findLastIndex(
        (word, at) => at < ofRegion && ARTICLES.has(lower0(word)) && placeNounsEnd(words, at) === ofRegion,
      );
      let start = article >= 0 ? article : ofRegion - 1;
      const preposition = lower0(words[start - 1]);
      if (PLACE_PREPOSITIONS.has(preposition) || NAMED_PLACE_PREPOSITIONS.has(preposition)) start--;
      words.splice(start, ofRegion + 2 - start);
    } else if (PEOPLE_NOUNS.test(next)) words.splice(ofRegion, 3);
    else if (next === '' || CONNECTIVES.has(next) || isPastTense(next)) words.splice(ofRegion, 2);
    else words.splice(ofRegion + 1, 1);
  }
  // "Exports from Marrow topped", "investment into Marrow rose": the brief's own region, where a flow starts or
  // ends, goes when the verb follows it.
  const fromRegion =
    region === ''
      ? -1
      : words.findIndex(
          (word, at) =>
            at > 0 && (word === 'from' || word === 'into') && lower0(words[at + 1]) === region.toLowerCase(),
        );
  if (fromRegion > 0) {
    // "tea from Shuiting county": with the place noun it names.
    const named = PLACE_NOUNS.has(lower0(words[fromRegion + 2])) ? 3 : 2;
    const next = lower0(words[fromRegion + named]);
    if (next === '' || CONNECTIVES.has(next) || isPastTense(next)) words.splice(fromRegion, named);
  }
  // "income of Chinese residents": so is the whole people of any place, named by a capital.
  const ofPeople = words.findIndex(
    (word, at) =>
      word === 'of' && CAPITALIZED.test(words[at + 1] ?? '') && PEOPLE_NOUNS.test(lower0(words[at + 2])),
  );
  if (ofPeople > 0) words.splice(ofPeople, 3);
  // "calls at Port Ashford", "capacity in Baishan", "throughput at Lianhai port": where they were counted is no
  // part of the measure.
  // "at Bowan port in south China": every such place goes.
  for (let at = placeAt(words); at > 0; at = placeAt(words)) words.splice(at, placeEnd(words, at + 1) - at);
  // "Average daily ridership on the Yunzhou metro": what a transit system carries is named with the system before
  // the measure (metro ridership), and the system's place goes.
  const onThe = words.findIndex((word, at) => at > 0 && word === 'on' && lower0(words[at + 1]) === 'the');
  if (onThe > 0) {
    const named = region !== '' && lower0(words[onThe + 2]) === region.toLowerCase() ? 3 : 2;
    const system = lower0(words[onThe + named]);
    if (TRANSIT_SYSTEMS.test(system)) {
      words.splice(onThe, named + 1);
      words.splice(onThe - 1, 0, system);
    }
  }
  // "The number of cruise calls": the count is the calls.
  const numberOf = words.findIndex(
    (word, index) => word.toLowerCase() === 'number' && words[index + 1]?.toLowerCase() === 'of',
  );
  if (numberOf >= 0 && numberOf <= 1 && words.length > numberOf + 2) words.splice(0, numberOf + 2);
  const during = words.findLastIndex((word) => word.toLowerCase() === 'during');
  if (during > 0) words.splice(during, words.length - during - (isVerbAtEnd(words) ? 1 : 0));
  let growth = false;
  let decline = false;
  let objectFollows = false;
  let verbOfObject: string | undefined;
  const lower = (at: number) => (words[at] ?? '').toLowerCase();
  const lastWord = lower(words.length - 1);
  // "fell to 3.9%", "stood at 5%", "down from 4.5%": a level, not the change.
  const reachedLevel = lastWord === 'to' || lastWord === 'at' || lastWord === 'from';
  const leadsTo =
    lastWord === 'to' &&
    words.every((word) => word.toLowerCase() === 'to' || ADVERBIALS.has(word.toLowerCase()));
  // "harvested a record", "output hits record 8.64 million tonnes": a headline drops the article, not the adjective.
  if (AMOUNT_ADJECTIVES.has(lower(words.length - 1)))
    words.splice(ARTICLES.has(lower(words.length - 2)) ? -2 : -1);
  // "adopted a $684 million budget": the article belongs to the amount, the verb stands before it.
  else if (ARTICLES.has(lower(words.length - 1)) && words.length > 1) words.pop();
  // "with the average stay lengthening to 4.6 nights": the participle says how the level was reached.
  if (reachedLevel && words.length > 2 && PARTICIPLE.test(lower(words.length - 2))) words.splice(-2, 1);
  // "hotels made up 1.2 billion yuan": "up" belongs to the verb of a part, and says no growth.
  if (lower(words.length - 1) === 'up' && PART_VERBS.has(lower(words.length - 2))) words.splice(-2);
  const beforeConnectives = words.length;
  while (words.length > 0 && CONNECTIVES.has(lower(words.length - 1))) {
    const word = lower(words.length - 1);
    if (GROWTH_WORDS.has(word)) growth = true;
    if (DECLINE_WORDS.has(word)) decline = true;
    if (OBJECT_VERBS.has(word)) objectFollows = true;
    // "The port added 14 routes": what was added is named with its verb.
    if (OBJECT_VERBS.has(word) && MEASURE_VERBS.has(word)) verbOfObject ??= word;
    words.pop();
  }
  // "has been cut to 31.5 hours", "was set at": a passive's participle, whatever its form, is the verb.
  let bound = '';
  if (words.length > 2 && PASSIVE_AUXILIARIES.has(lower(words.length - 2))) {
    // "is capped at 24 students": the figure is the cap on what the subject names, not its level.
    // "was cut by 1.1 million tonnes": the figure is the size of the cut, named with the measure (coal use cut).
    bound =
      LIMIT_PARTICIPLES[lower(words.length - 1)] ??
      (lastWord === 'by' ? (CUT_PARTICIPLES[lower(words.length - 1)] ?? '') : '');
    words.pop();
    while (words.length > 0 && CONNECTIVES.has(lower(words.length - 1))) words.pop();
  }
  const written0 = () => lower(words.length - 1);
  // "Public safety will receive", "Margins should reach": after a modal, the verb takes the number as its object
  // whatever its form; a change verb (will rise) was read above.
  if (words.length > 1 && MODALS.has(lower(words.length - 1))) words.pop();
  else if (
    words.length > 2 &&
    MODALS.has(lower(words.length - 2)) &&
    Object.hasOwn(MONEY_MEASURES, written0())
  ) {
    // "Public safety will receive $610 million": the verb says what the amount is to its subject.
    verbOfObject ??= written0();
    words.splice(-2);
    objectFollows = !reachedLevel;
  } else if (
    words.length > 2 &&
    (MODALS.has(lower(words.length - 2)) ||
      // "The port now operates", "The plan sets aside": so is a word after an adverb of time or before a particle.
      VERB_ADVERBS.has(lower(words.length - 2)) ||
      PARTICLES.has(lower(words.length - 1)))
  ) {
    words.splice(-2);
    objectFollows = !reachedLevel;
  }
  // "Exports now stand at": the adverb the verb was read past says when, not what.
  while (words.length > 1 && VERB_ADVERBS.has(lower(words.length - 1))) words.pop();
  // "Well over 1,000 homes", "just under 10 percent": an adverb of the qualifier names nothing.
  if (words.length === 1 && QUALIFIER_ADVERBS.has(lower(0))) words.pop();
  const written = lower(words.length - 1);
  // A present tense is a verb only after its subject and right before its object (Port Ashford handles 4.2
  // million…, Tarvik adds 2,100 jobs), never as the subject (Exports rose…, Exports were…).
  const afterSubject = words.length > 1 || (regionFirst && words.length === 1);
  const verb =
    objectMayFollow &&
    words.length === beforeConnectives &&
    afterSubject &&
    Object.hasOwn(PRESENT_MEASURE_VERBS, written)
      ? (PRESENT_MEASURE_VERBS[written] ?? written)
      : written;
  const presentObjectVerb =
    objectMayFollow && words.length === beforeConnectives && afterSubject && PRESENT_OBJECT_VERBS.has(verb);
  // "Air cargo handled at Millbrook doubled": before a multiple, which is the verb, a measure verb is its participle.
  const participle = !objectMayFollow && MEASURE_VERBS.has(verb);
  if (
    words.length > 0 &&
    !participle &&
    (OBJECT_VERBS.has(verb) || isPastTense(verb) || MEASURE_VERBS.has(verb) || presentObjectVerb)
  ) {
    // "widened to 1.1 trillion yuan": a level the subject reached, not an object after the verb.
    objectFollows = !reachedLevel;
    if (objectFollows) verbOfObject = verb;
    words.pop();
  }
  if (reachedLevel) {
    growth = false;
    decline = false;
  }
  // "Sales at its technology unit": a measure of a part of its owner is named by the part (technology unit sales).
  const partAt = words.findIndex(
    (word, at) => at > 0 && PART_PREPOSITIONS.has(word.toLowerCase()) && OWNING.has(lower(at + 1)),
  );
  if (partAt > 0 && partAt + 2 < words.length && words.slice(partAt + 2).every(isPartWord)) {
    const part = words.splice(partAt).slice(2);
    words.splice(partAt - 1, 1, ...part, lower(partAt - 1));
  }
  const kept: string[] = [];
  for (let at = words.length - 1; at >= 0 && kept.length < MAX_LABEL_WORDS; at--) {
    const word = words[at] ?? '';
    const current = word.toLowerCase();
    const previous = lower(at - 1);
    const insideLabel =
      kept.length > 0 &&
      ((ARTICLES.has(current) && LABEL_PREPOSITIONS.has(previous)) ||
        (LABEL_PREPOSITIONS.has(current) &&
          at > 0 &&
          !CONNECTIVES.has(previous) &&
          !DETERMINERS.has(previous)));
    // "Belt and Road", "Trinidad and Tobago": a name joined by "and" is one name.
    const insideName =
      current === 'and' && CAPITALIZED.test(kept[0] ?? '') && CAPITALIZED.test(words[at - 1] ?? '');
    const adjective =
      kept.length > 0 &&
      (PARTICIPLE_ADJECTIVES.has(current) ||
        // "investment in automated terminals": a participle after a preposition describes the noun.
        (isPastTense(current) && (LABEL_PREPOSITIONS.has(previous) || previous === 'in')) ||
        // "Closed sales fell…": a sentence opens on no verb without its subject, so its participle is an adjective.
        (isPastTense(current) && at === 0 && CAPITALIZED.test(word)));
    // "investment in automated terminals", "average yield in sampled fields": "in" after a measure names where or
    // what it was measured over, part of the series (a place named with capitals has gone above).
    // "output at large firms": so does "at" before a group of firms written in lower case.
    const measuredIn =
      (current === 'in' || current === 'at') &&
      kept.length > 0 &&
      !CAPITALIZED.test(kept[0] ?? '') &&
      MEASURE_BEFORE_IN.test(previous);
    // "Air cargo handled … doubled to 184,000 tonnes": a measure verb ending the subject names the measure.
    const measured = kept.length === 0 && MEASURE_VERBS.has(current) && at > 0;
    // "Jizhou cuts growth target to…": a headline's present tense before its object is no part of it.
    const headlineVerb = kept.length > 0 && current.endsWith('s') && PRESENT_OBJECT_VERBS.has(current);
    if (headlineVerb) break;
    if (
      !insideLabel &&
      !insideName &&
      !adjective &&
      !measuredIn &&
      !measured &&
      (DETERMINERS.has(current) || CONNECTIVES.has(current) || isPastTense(current))
    )
      break;
    kept.unshift(word);
    const capitalAfterLower = /^[A-Z]/.test(word) && at > 0 && !/^[A-Z]/.test(words[at - 1] ?? '');
    const nameGoesOn = previous === 'and' && CAPITALIZED.test(words[at - 2] ?? '');
    if (capitalAfterLower && !ARTICLES.has(previous) && !LABEL_PREPOSITIONS.has(previous) && !nameGoesOn)
      break;
  }
  // "Vale Motors deliveries", "Harwick Port cargo throughput": the company or place the measure is of is no part
  // of it.
  kept.splice(0, ownerNameLength(kept, region));
  // "those from the Middle East": an article the loop kept for a preposition that did not stay opens nothing.
  if (kept.length > 1 && ARTICLES.has((kept[0] ?? '').toLowerCase())) kept.shift();
  // "Hotel rents averaged $2,300": the verb says the figure is an average of what its subject names.
  const averaged =
    verbOfObject !== undefined && AVERAGED.test(verbOfObject) && kept.length > 0 && !reachedLevel;
  if (averaged) {
    kept.unshift('average');
    objectFollows = false;
  }
  // "Average room rates stood at 468 yuan": an average is one value, named in the singular.
  // "The jobless rate in urban areas": the group readers name before the measure (urban jobless rate).
  const keptLabel = `${kept.join(' ').toLowerCase().replace(AVERAGE_PLURAL, '$1').replace(IN_AREAS, '$2 $1')}${kept.length > 0 ? bound : ''}`;
  // "Its shares rose 4.8%": what rises is the share price, and a price rises rather than grows.
  const shares = isShares(kept);
  const label = shares ? 'share price' : keptLabel;
  const change = decline ? 'decline' : shares ? 'rise' : 'growth';
  const changed = compounded(label).replace(/\S+$/, (last) => GROWTH_NOUN_FORMS[last] ?? last);
  if (loneParticiple) objectFollows = true;
  return {
    label:
      (growth || decline) && label !== ''
        ? OWNER_AFTER.test(label)
          ? `${change} in ${label}`
          : `${changed} ${change}`
        : label,
    growth: growth || decline,
    objectFollows,
    leadsTo,
    ...(verbOfObject === undefined ? {} : { verb: verbOfObject }),
  };
}

/** "sales of new homes": a one-word measure of a plural noun phrase, which a change names as a compound. */
const MEASURE_OF_PLURAL = /^([a-z-]+) of ((?:[a-z-]+ ){0,2}[a-z-]+?[^s'])s$/;
/** Measures that stay as written before "of" (share of exports rise). */
const NOT_COMPOUNDED = new Set(['share', 'number', 'total', 'proportion', 'percentage']);
/** Plural nouns without a singular to modify with (exports of goods → goods exports). */
const PLURAL_ONLY = /^(?:goods|services|clothes)$/;

/**
 * "sales of new homes" → new home sales, "exports of solar panels" → solar panel exports: the form of the measure
 * that a change names and readers write (new home sales decline), its modifier in the singular.
 */
function compounded(label: string): string {
  const match = MEASURE_OF_PLURAL.exec(label);
  const [, measure = '', owner = ''] = match ?? [];
  // "sales of consumer goods": a plural-only noun keeps the phrase as written, whatever modifies it.
  if (match === null || NOT_COMPOUNDED.has(measure) || PLURAL_ONLY.test(`${owner.split(' ').at(-1)}s`))
    return label;
  return `${owner.replace(/(?:ie)$/, 'y').replace(/(ss|x|ch|sh)e$/, '$1')} ${measure}`;
}

/** Whether the clause ends on a verb of its own (…during the holiday reached): it stays after a cut phrase. */
function isVerbAtEnd(words: string[]): boolean {
  const last = (words.at(-1) ?? '').toLowerCase();
  return CONNECTIVES.has(last) || isPastTense(last);
}

const TENOR = /^(?:[a-z]+|\d+)-(?:year|month|week|day)$/;
/** A word of letters, hyphens inside (new-energy), never a number. */
const LETTERED = /^[a-z]+(?:-[a-z]+)*$/;
const isDigitOrHyphen = (code: number) => code === HYPHEN || (code >= 0x30 && code <= 0x39);

/** "28.4 million mu (about 1.89 million hectares) of wheat": where the words after an amount and its conversion go on. */
function pastConversion(text: string, end: number): number {
  const opened = text.startsWith(' (', end);
  // Only the close of the aside the amount stands in, or of a short one after it with no clause of its own.
  if (!opened && text.charCodeAt(end) !== 0x29) return end;
  const aside = text.slice(end, end + CONVERSION_REACH);
  const close = aside.indexOf(')');
  if (close < 0 || /[.;,] /.test(aside.slice(0, close))) return end;
  return end + close + 1;
}
const CONVERSION_REACH = 40;

/**
 * "… in foreign investment", "… of greenways": what a measured amount is of, read after it; an amount of money
 * may also name it directly ("adopted a $684 million operating budget").
 */
export function englishObjectAfter(text: string, end: number, money = false): string | undefined {
  const words: string[] = [];
  let cursor = pastConversion(text, end);
  for (let count = 0; count < 4; count++) {
    if (text.charCodeAt(cursor) !== 0x20) break;
    const start = cursor + 1;
    let stop = start;
    while (
      stop < text.length &&
      stop - start < 24 &&
      (isLatinLetter(text.charCodeAt(stop)) || isDigitOrHyphen(text.charCodeAt(stop)))
    )
      stop++;
    const word = text.slice(start, stop).toLowerCase();
    const linking = word === 'in' || word === 'of';
    if (count === 0 && linking) {
      cursor = stop;
      continue;
    }
    if (count === 0 && !money) return undefined;
    // "5 billion yuan of five-year bonds": a tenor only dates what was sold, like a period.
    if (words.length === 0 && TENOR.test(word)) {
      cursor = stop;
      continue;
    }
    if (!LETTERED.test(word)) break;
    if (word === '' || UNIT_STOP_WORDS.has(word) || CONNECTIVES.has(word) || DETERMINERS.has(word)) break;
    words.push(word);
    cursor = stop;
  }
  return words.length === 0 ? undefined : words.join(' ');
}

const ARTICLE_AT_END = /\ban? $/i;
/** "a 12.4% slump in property investment": the change a figure sizes, and what changed, after it. */
const CHANGE_NOUN_IN =
  /^ (?:(rise|increase|gain|jump|growth|surge|climb|rebound)|drop|decline|fall|slump|decrease|contraction|dip|plunge|slide) in (?:the )?((?:[a-z][a-z-]*)(?: [a-z][a-z-]*){0,4})/;
/** Words that end what changed: a base, a period, a place or a clause of its own. */
const CHANGE_OBJECT_STOP =
  /^(?:from|compared|over|than|in|at|during|for|since|last|this|next|a|an|the|and|or|while|which|as|to|on|by|year)$/;

/**
 * "dragged down by a 12.4% slump in property investment": a figure an article introduces and a change noun follows
 * is the change of what follows "in"; undefined for any other shape.
 */
export function changeNamedAfter(clause: string, text: string, end: number): string | undefined {
  if (!ARTICLE_AT_END.test(clause)) return undefined;
  const match = CHANGE_NOUN_IN.exec(text.slice(end, end + 64));
  if (match === null) return undefined;
  const object = wordsBefore((match[2] ?? '').split(' '), CHANGE_OBJECT_STOP).join(' ');
  if (object === '') return undefined;
  return `${object} ${match[1] === undefined ? 'decline' : 'growth'}`;
}

/** "its full-year goal of", "a target of": a target or goal whose measure the words after its figure name. */
const TARGET_OF_AT_END = /\b(?:target|goal)s? of $/i;
/** "5% export growth", "3% inflation": the measure written after a percent, up to a clause, base or period. */
const MEASURE_AFTER_PERCENT = /^ ([a-z][a-z-]*(?: [a-z][a-z-]*){0,3})/;

/**
 * "kept its full-year goal of 5% export growth" → export growth target: a target given as a percent of a measure
 * named after it is that measure's target; undefined for any other shape.
 */
export function targetMeasureAfter(clause: string, text: string, end: number): string | undefined {
  if (!TARGET_OF_AT_END.test(clause)) return undefined;
  const words = (MEASURE_AFTER_PERCENT.exec(text.slice(end, end + 48))?.[1] ?? '').split(' ');
  const measure = wordsBefore(words, CHANGE_OBJECT_STOP).filter((word) => !UNIT_STOP_WORDS.has(word));
  return measure.length === 0 || measure[0] === '' ? undefined : `${measure.join(' ')} target`;
}

/** A clause of English text before `from`: back to punctuation that ends a clause, at most 80 characters. */
export function englishClauseBefore(text: string, from: number, limit: number): string {
  let index = from;
  while (index > limit && from - index < 80) {
    const code = text.charCodeAt(index - 1);
    if (code === 0x2c || code === 0x3b || code === 0x3a || code === 0x0a || code === 0x28) break;
    if (code === 0x2e && text.charCodeAt(index) === 0x20) break;
    index--;
  }
  return text.slice(index, from);
}

/** Verbs of what respondents do, and how they read as a share's description (expect → expecting). */
const RESPONDENT_VERBS =
  'expect|expects|expected|accept|accepts|accepted|plan|plans|planned|say|says|said|want|wants|wanted|intend|intends|intended|believe|believes|believed|report|reports|reported|consider|considers|considered|prefer|prefers|preferred|use|uses|used|own|owns|owned|support|supports|supported|oppose|opposes|opposed|favor|favors|favored|agree|agrees|agreed|hope|hopes|hoped|hold|holds|held|work|works|worked|join|joins|joined|adopt|adopts|adopted|grow|grows';
const RESPONDENT_SHARE = new RegExp(
  // "of the county's 86,000 farming households joined": whose they are and how many go, as "the" does.
  `^ (?:of (?:the )?(?:[A-Za-z-]+['’]s )?(?:[\\d,.]+ (?:million |thousand )?)?([A-Za-z'’\\d -]+?) |([A-Za-z -]+?) )??(${RESPONDENT_VERBS})\\b([^,.;\\n]*)`,
);
/** "percent (of them) were satisfied with…": a copula, then the state (not a number, an article or a change). */
const RESPONDENT_STATE =
  /^ (?:of (?:the )?([A-Za-z -]+?) )?(?:were|are|was|is) (?:now )?(?!up\b|down\b|a\b|an\b|the\b|in\b|from\b)([a-z][a-z-]*(?: [a-z][a-z-]*){0,7})/;
const GERUNDS: Record<string, string> = {
  plan: 'planning',
  prefer: 'preferring',
  say: 'saying',
  use: 'using',
};
const FILLER_AFTER = / this year| next year| their| its/g;
/** "… at least once a month", "… over the next six months": how often or by when, which no share is named by. */
const WHEN_AFTER_SHARE =
  / (?:at least once|once a|over the (?:next|coming|past)|in the (?:next|coming|past)|within|during)\b.*$/;
/** "reported skipping meals", "said using…": a reporting verb before what was done only says it was told. */
const REPORTED_DOING = /^(?:report|say)/;
const GERUND_OPENING = /^ [a-z]{2,}ing\b/;

function gerund(verb: string): string {
  const stem = verb.replace(/(?:ed|s)$/, (ending) => (ending === 'ed' && verb.endsWith('ned') ? 'n' : ''));
  const base = verb.endsWith('said') ? 'say' : stem.replace(/nn$/, 'n');
  return GERUNDS[base] ?? (base.endsWith('e') ? `${base.slice(0, -1)}ing` : `${base}ing`);
}

/**
 * "61.8 percent of them expect sales to rise this year", "12.4 percent expect a decline": a share of
 * respondents, named "share of {who} {doing what}". `population` names who when the text does not.
 */
export function respondentShare(
  text: string,
  end: number,
  population: string | undefined,
  region: string,
): { label: string; population: string } | undefined {
  const after = text.slice(end, end + 90);
  // "69.4 percent were satisfied with local public services": a state the share is in, after its copula.
  const state = RESPONDENT_STATE.exec(after);
  if (state !== null && state[2] !== undefined) {
    // "30 percent of them were satisfied": "them" points back at those asked.
    const who =
      state[1] === undefined || state[1] === 'them'
        ? (population ?? 'respondents')
        : withoutRegion(state[1], region);
    return { label: `share of ${who} ${state[2].replace(FILLER_AFTER, '').trimEnd()}`, population: who };
  }
  const match = RESPONDENT_SHARE.exec(after);
  const verb = match?.[3];
  if (match === null || verb === undefined) return undefined;
  // "61.8 percent of them expect…", "one in five households own…": who, when written.
  const named = match[1] ?? match[2];
  const written = named === undefined || named === 'them' ? undefined : named;
  // Shares of people who say or plan something are of those asked, when the text names no one.
  const who =
    written === undefined
      ? (population ?? 'respondents')
      : withoutRegion(written.replace(OWNED_PLACE_END, ''), region);
  const rest = (match[4] ?? '').replace(WHEN_AFTER_SHARE, '').replace(FILLER_AFTER, '').trimEnd();
  // "hold part-time jobs": those who hold a thing are those with it.
  const doing = HOLDING.test(verb)
    ? ` with${rest}`
    : REPORTED_DOING.test(gerund(verb)) && GERUND_OPENING.test(rest)
      ? rest
      : ` ${gerund(verb)}${rest}`;
  return { label: `share of ${who}${doing}`, population: who };
}

/** "students at the city's universities": a place named by its owner after who the share is of says where, not who. */
const OWNED_PLACE_END = / (?:at|in|across) (?:the )?[^ ]*['’]s\b.*$/;

const HOLDING = /^(?:hold|holds|held)$/;

function withoutRegion(phrase: string, region: string): string {
  return region !== '' && phrase.toLowerCase().startsWith(`${region.toLowerCase()} `)
    ? phrase.slice(region.length + 1)
    : phrase;
}

/**
 * "accounted for 50.8 percent of the total": the share of the subject before the verb, of the whole written after
 * it or, when that only points back (of the total), of what the text `counted` last.
 */
export function accountedShare(
  clause: string,
  region: string,
  text = '',
  end = 0,
  counted?: string,
  coordinated?: string,
): string | undefined {
  // "Online sales grew 11.2 percent and accounted for 27.3 percent of the total": a verb joined to the one before
  // shares its subject, which that figure's label named.
  if (coordinated !== undefined && COORDINATED_SHARE.test(clause))
    return ofWhole(coordinated, text, end, counted);
  const match =
    /(?:^|[\s,])([A-Za-z][A-Za-z -]*?) (?:accounted for|accounts for|account for|accounting for|making up|representing|made up|makes up|make up|represented|represents|took up|takes up|takes|took|absorbed|absorbs|absorb|comprised|comprises|comprise|handled|handles|handle|supplied|supplies|supply|provided|provides|provide)$/.exec(
      clause.trim(),
    );
  const subject = match?.[1];
  if (subject === undefined) return undefined;
  // "Foreign and regional travelers accounted for…": two modifiers of one noun are one group.
  const paired = PAIRED_MODIFIERS.test(subject) ? subject.toLowerCase() : undefined;
  // "NEVs accounted for…": a plural abbreviation names its share in the singular (NEV share), as a noun would.
  // "Renewable sources supplied 31.5%": the kind of source names the share, not the word "sources".
  const named = (paired ?? englishLabelBefore(subject, region).label).replace(KIND_OF_SOURCE, '$1');
  const label = ACRONYM_PLURAL.test(subject.trim()) ? named.replace(/s$/, '') : named;
  if (label === '') return undefined;
  return ofWhole(label, text, end, counted);
}

/**
 * "…served 11.3 million passengers. International travelers made up 23 percent of the total": of the passengers.
 * "…handled 71% of the city's exports": whose whole it is names where, not what.
 */
function ofWhole(label: string, text: string, end: number, counted: string | undefined): string {
  // "112,000 units … accounted for 27.5% of the total": a bare counting word names no whole.
  const pointedAt = counted === undefined || COUNTING_WORDS.test(counted) ? undefined : counted;
  const whole =
    wholeOf(text, end)?.replace(OWNER_OPENING, '') ??
    (ANAPHORIC_OF.test(text.slice(end, end + 16)) ? pointedAt : undefined);
  return whole === undefined ? `${label} share` : `${label} share of ${whole}`;
}

const KIND_OF_SOURCE = /^([a-z-]+) sources$/;
/** A share verb whose subject is the one before it: "…, and accounted for", "and made up". */
const COORDINATED_SHARE =
  /^[\s,]*and (?:accounted for|accounts for|made up|makes up|represented|represents|comprised|comprises)\s*$/;

const THE_YEARS = /^year['’]s$/;
/** A plural abbreviation standing alone as a subject (NEVs, SUVs). */
const ACRONYM_PLURAL = /^[A-Z]{2,}s$/;
/** Words that end the noun phrase of a whole (…31 percent of general spending, and…). */
const WHOLE_STOP = /^(?:and|or|while|but|which|as|in|from|up|down|compared|against|than|a|an|the|its|their)$/;
const PAIRED_MODIFIERS = /^[A-Za-z-]+ and [a-z-]+ [a-z-]+$/;
const ANAPHORIC_OF = /^ of (?:the )?(?:total|whole|overall)\b/;
/** A whole that only points back at what the text counted before (of the total, of them). */
const ANAPHORIC_WHOLE = /^(?:total|whole|them|it|all|overall)$/;

/**
 * "…31 percent of general spending": the whole a share is of, after the figure, without its article; undefined
 * when none is written or it only points back (of the total).
 */
function wholeOf(text: string, end: number): string | undefined {
  const match = /^ of (?:the |its |their )?([A-Za-z][A-Za-z'’ -]{0,40})/.exec(text.slice(end, end + 48));
  const phrase = match?.[1];
  if (phrase === undefined) return undefined;
  const words: string[] = [];
  for (const word of phrase.split(' ')) {
    if (word === '' || WHOLE_STOP.test(word.toLowerCase()) || words.length === 4) break;
    words.push(word.toLowerCase());
  }
  // "of this year's target": the year under way's is the annual one, and its period stays out of the label.
  if (words[0] === 'this' && THE_YEARS.test(words[1] ?? '')) words.splice(0, 2, 'annual');
  // "of its annual target of 120,000": the preposition before a number opens no part of the whole.
  while (words.length > 0 && LABEL_PREPOSITIONS.has(words.at(-1) ?? '')) words.pop();
  const whole = words.join(' ');
  return whole === '' || ANAPHORIC_WHOLE.test(whole) ? undefined : whole;
}

/** ", down 0.1 percentage points from February": the base a change is measured from, unless a year earlier. */
export function baseAfter(text: string, end: number): string | undefined {
  const match = /^ from ([A-Za-z]+(?: [A-Za-z]+)?)/.exec(text.slice(end, end + 40));
  const base = match?.[1];
  if (base === undefined || /^(?:a year|last year|the same|a month|the previous)/.test(base))
    return undefined;
  return ` from ${base.split(' ')[0]}`;
}

/** A measure in the plural before its change reads in the singular (urban incomes → urban income growth). */
const PLURAL_MEASURE_END = /\b(income|wage|price|rent|cost)s$/;

/** Whether the sentence of the figure ending at `end` measures in real terms, before or just after it. */
function inRealTerms(text: string, end: number): boolean {
  const before = text.slice(Math.max(0, end - 160), end);
  const after = text.slice(end, end + 60);
  const stop = after.indexOf('. ');
  return (
    IN_REAL_TERMS.test(before.slice(before.lastIndexOf('. ') + 1)) ||
    IN_REAL_TERMS.test(stop < 0 ? after : after.slice(0, stop))
  );
}

/**
 * "Investment in infrastructure and manufacturing grew 6.5 and 9.9 percent, respectively": one label per
 * item of the subject, in order (investment in infrastructure growth, investment in manufacturing growth).
 */
export function respectiveLabels(
  clause: string,
  change: string,
  text: string,
  end: number,
): string[] | undefined {
  if (!/^(?:[^.;]|\.\d){0,40}respectively/.test(text.slice(end, end + 60))) return undefined;
  // "Urban and rural residents saw their incomes grow": what grew is theirs.
  const subject = clause
    .trim()
    .replace(/ saw (?:their|its) (\w+?)s? \w+$/, ' $1')
    .replace(/ (?:were|was) (?=up$|down$)/, ' ')
    .replace(/ (\S+)$/, (verb, word: string) =>
      GROWTH_WORDS.has(word) || DECLINE_WORDS.has(word) ? '' : verb,
    );
  const match = /^(.*?)\b(\S+) and (\S+)(.*)$/.exec(subject);
  if (match === null) return undefined;
  const [, head = '', first = '', second = '', tail = ''] = match;
  // "In real terms, urban and rural incomes rose…": a real change is a series apart from the nominal one.
  const real = inRealTerms(text, end) ? 'real ' : '';
  // "Sales of phones and laptops": each item reads as a change names it (phone sales growth).
  return [`${head}${first}${tail}`, `${head}${second}${tail}`].map(
    (label) => `${real}${compounded(label.toLowerCase()).replace(PLURAL_MEASURE_END, '$1')} ${change}`,
  );
}

/**
 * "days of good or excellent air quality", "days with rain": after counted days, the weather or air they had, which
 * makes them a count and names it.
 */
export const COUNTED_DAY_CONDITION =
  /^ (?:of|with) ((?:[a-z-]+ ){0,4}?(?:air quality|air|pollution|smog|haze|rain|rainfall|snow|snowfall|sunshine|heat|frost|drought|heatwaves?))\b/;

/** "visits from tourists" → "tourist visits". */
export function countedFrom(unitPhrase: string, text: string, end: number): string {
  const match = /^ from ([a-z]+)s\b/.exec(text.slice(end, end + 30));
  if (match !== null) return `${match[1]} ${unitPhrase}`;
  // "140 routes to overseas destinations": where a route or flight goes tells it from the others.
  const to = LINKS.test(unitPhrase)
    ? /^ to ([A-Za-z-]+(?: [A-Za-z-]+){0,2})/.exec(text.slice(end, end + 40))
    : null;
  const where = to === null ? [] : wordsBefore((to[1] ?? '').split(' '), DESTINATION_STOP);
  return where.length === 0 ? unitPhrase : `${unitPhrase} to ${where.join(' ')}`.toLowerCase();
}

/** Counted things that go somewhere (routes, flights, links). */
const LINKS = /(?:^| )(?:routes|flights|services|links|lines|connections)$/;
/** Words that end a destination: a verb, a time or a clause of its own. */
const DESTINATION_STOP =
  /^(?:in|during|this|last|since|by|at|on|from|over|and|or|while|which|as|the|a|an|is|are|was|were|per|each|every|a|up|down)$/;

/** An owner opening a whole ("of the province's exports"): where, not what the share is of. */
const OWNER_OPENING = /^\S+['’]s? /;

/**
 * "…, roughly a fifth of the total" → "" (a share of what was measured before), "contributing 35 percent of the
 * county's harvest" → harvest; undefined when no "of" follows the figure.
 */
export function shareWholeAfter(text: string, end: number): string | undefined {
  if (ANAPHORIC_OF.test(text.slice(end, end + 16))) return '';
  return wholeOf(text, end)?.replace(OWNER_OPENING, '');
}

/** A counting word of no meaning of its own (12,000 units of rental housing). */
const COUNTING_WORDS = /^(?:units|pieces|sets|items)$/;

/** "12,000 units of rental housing" → rental housing units; any other counted noun as {@link countedFrom} reads it. */
export function countedOf(unitPhrase: string, text: string, end: number): string {
  const of = COUNTING_WORDS.test(unitPhrase) ? englishObjectAfter(text, end) : undefined;
  return of === undefined ? countedFrom(unitPhrase, text, end) : `${of} ${unitPhrase}`;
}

/** "…households are expected to receive rent assistance": what a counted subject does, after it. */
const PREDICATE_AFTER =
  /^ (?:(?:are|were) (?:expected|set|due) to ([a-z]{3,})|(?:are|were|have|has|had)(?: been)? ([a-z]{3,}ed)|([a-z]{3,}ed)) ((?:[a-z-]+)(?: [a-z-]+){0,4})/;
/** " now have panels", " own cars": a present "have" after a counted subject, and what it has. */
const IRREGULAR_PARTICIPLES =
  /^(?:been|said|had|made|seen|taken|got|gotten|done|given|become|come|grown|won|lost|paid|sold|built|kept|left|met)$/;
const HAVING_AFTER = /^ (?:(?:now|already|still) )?(?:have|own) ((?:[a-z-]+)(?: [a-z-]+){0,3})/;
/** " and 60,000 workers": a second count joined to a first, before what both do. */
const JOINED_COUNT =
  /^ and (?:about |some |nearly |over |more than )?\d[\d,.]*(?: million| billion)? [a-z-]+/;
/** Words that end what a subject does: a time, a place or a clause of its own. */
const PREDICATE_STOP = /^(?:in|during|this|last|since|by|at|on|from|over|and|while|which|as|the|a|an)$/;

/**
 * "Some 300 households are expected to receive rent assistance" → households receiving rent assistance, "32
 * clinics were upgraded with video links" → clinics upgraded with video links: a count that opens its sentence is
 * named by what its things do.
 */
export function countedSubjectDoing(counted: string, text: string, end: number): string | undefined {
  // "1,500 firms and 60,000 workers joined the scheme": both counts do what follows the second.
  const after = text.slice(end, end + 120);
  const joined = JOINED_COUNT.exec(after)?.[0].length ?? 0;
  // "Some 38,000 households now have panels on their roofs": what they have tells them apart.
  const having = HAVING_AFTER.exec(after.slice(joined))?.[1];
  // "have said", "have been hired": an auxiliary before a participle, not a having.
  const first = having?.split(' ')[0] ?? '';
  const auxiliary = isPastTense(first) || IRREGULAR_PARTICIPLES.test(first);
  if (having !== undefined && !auxiliary) {
    const owned = wordsBefore(having.split(' '), PREDICATE_STOP).join(' ');
    if (owned !== '') return `${counted} with ${owned}`;
  }
  const match = PREDICATE_AFTER.exec(after.slice(joined));
  if (match === null) return undefined;
  const [, infinitive, passive, past, rest = ''] = match;
  // "joined the scheme": the article opens what was joined, it does not end it.
  const words = rest.split(' ');
  if (ARTICLES.has(words[0] ?? '') && words.length > 1) words.shift();
  const object = wordsBefore(words, PREDICATE_STOP);
  // "returned to the province": a preposition does not end what they did; the article and its noun follow it.
  const article = object.length;
  const noun = wordsBefore(words.slice(article + 1), PREDICATE_STOP);
  if (LABEL_PREPOSITIONS.has(object.at(-1) ?? '') && ARTICLES.has(words[article] ?? '') && noun.length > 0)
    object.push(words[article] ?? '', ...noun);
  const done = object.join(' ');
  // "new urban jobs were created": a passive with nothing after it only says the things exist.
  if (done === '') return undefined;
  if (passive !== undefined) return `${counted} ${passive} ${done}`;
  const verb = infinitive ?? past;
  if (verb === undefined) return undefined;
  return `${counted} ${gerund(verb)} ${done}`;
}

/** The words of a phrase up to the first that `stop` matches (a base, a period, a clause of its own). */
function wordsBefore(words: string[], stop: RegExp): string[] {
  const at = words.findIndex((word) => stop.test(word));
  return at < 0 ? words : words.slice(0, at);
}

/** "… spent an average of", "… earn a median of": a statistic introduced by its article, right before a figure. */
const STATISTIC_BEFORE = /\b(\w+)(?: in)? an? (average|median|mean) of $/i;
/** ", an average of": a statistic set off after a figure, with no verb of its own. */
const APPOSED_STATISTIC = /^\s*(?:against |compared with |versus )?an? (average|median|mean) of $/i;
/** "… for listed port operators": the group a compared statistic is of. */
const GROUP_AFTER = /^ for (?:the )?([a-z][a-z-]*(?: [a-z][a-z-]*){0,3})(?=[,.;]|$)/;
/** "an hour", "a day": the time a statistic is per, as the adjective readers put before the measure. */
const PER_TIME_AFTER = /^ (?:an?|per) (hour|day|night|week|month|year)\b/;
const PER_TIME_ADJECTIVES: Record<string, string> = {
  hour: 'hourly',
  day: 'daily',
  night: 'nightly',
  week: 'weekly',
  month: 'monthly',
  year: 'annual',
};
/** What a verb measures when the amount is money (spent → spending, earn → earnings). */
const MONEY_MEASURES: Record<string, string> = {
  spent: 'spending',
  spend: 'spending',
  spends: 'spending',
  earn: 'earnings',
  earns: 'earnings',
  earned: 'earnings',
  paid: 'payment',
  pay: 'payment',
  pays: 'payment',
  cost: 'cost',
  costs: 'cost',
  receive: 'allocation',
  receives: 'allocation',
};
/** A plural that a measure turns into its modifier (tourists → tourist spending); not -ss (business). */
const REGULAR_PLURAL_END = /([^s])s$/;

/** "Tourists spent $2 billion" → tourist spending: who spent or earned money, named with what the verb measures. */
export function moneyMeasureOf(subject: string, verb: string | undefined): string | undefined {
  const measure = verb === undefined ? undefined : MONEY_MEASURES[verb];
  if (measure === undefined || measure === 'payment' || measure === 'cost') return undefined;
  return measureOfSubject(subject, measure);
}

/** "libraries" → library spending, "anglers" → angler spending: a noun before the measure is singular. */
export function measureOfSubject(subject: string, measure: string): string {
  const singular = subject.endsWith('ies')
    ? `${subject.slice(0, -3)}y`
    : subject.replace(REGULAR_PLURAL_END, '$1');
  return `${singular} ${measure}`;
}

/** "The network now spans", "Tea gardens cover": a verb of how far a thing reaches, ending its clause. */
const EXTENT_END = /\b(?:spans?|spanned|covers?|covered|stretches|stretched|extends?|extended) $/;
const LENGTH_UNITS = /^(?:km|m|miles?)$/;

/**
 * "The network now spans 312 km" → network length, "Tea gardens cover 186,000 mu" → tea garden area: how far a
 * subject reaches is its length or its area, by the unit; undefined for any other clause or unit.
 */
export function extentOf(clause: string, region: string, unit: UnitInfo): string | undefined {
  const match = EXTENT_END.exec(clause);
  if (match === null) return undefined;
  const measure = unit.kind === 'area' ? 'area' : LENGTH_UNITS.test(unit.unit) ? 'length' : undefined;
  const subject = englishLabelBefore(clause.slice(0, match.index), region).label;
  return measure === undefined || subject === '' ? undefined : measureOfSubject(subject, measure);
}
/** What a verb measures when the amount is a time (waited → waiting time, stayed → stay). */
const TIME_MEASURES: Record<string, string> = {
  waited: 'waiting time',
  wait: 'waiting time',
  waits: 'waiting time',
  stayed: 'stay',
  stay: 'stay',
  stays: 'stay',
  worked: 'working hours',
  work: 'working hours',
  put: 'working hours',
};
const TIME_UNITS = /^(?:minutes|hours|days|nights|weeks|months|years)$/;
/** "… days on the market", "… for outpatient care": where or for what a time was spent, without its article. */
const TIME_SPENT_WHERE = /^ (on|in|at|for) (?:(?:the|an?) )?([a-z][a-z-]*(?: [a-z][a-z-]*)?)/;
/** "Each passenger spent…": whom a statistic is per. */
const EACH_OPENING = /^\s*(?:each|every) ([a-z-]+)/i;

/**
 * "Each passenger spent an average of $142" → average spending per passenger, "earn a median of $17.80 an hour" →
 * median hourly earnings, "a median of 24 days on the market" → median days on market: a statistic is named by
 * the measure its verb or unit gives, not by the word "average" alone; set off after a figure in its unit
 * (`apposedTo`, that figure's label), by that measure. Undefined for any other shape.
 */
export function statisticMeasure(
  clause: string,
  text: string,
  end: number,
  unit: { kind: string; unit: string; phrase: string | undefined },
  apposedTo?: string,
): string | undefined {
  const after = text.slice(end, end + 48);
  const perTime = PER_TIME_AFTER.exec(after)?.[1];
  const rate = perTime === undefined ? '' : `${PER_TIME_ADJECTIVES[perTime]} `;
  // "handled 1.86 million TEUs, an average of 10,200 TEUs a day": the statistic of the total just given.
  const apposed = apposedTo === undefined ? null : APPOSED_STATISTIC.exec(clause);
  // "11.8 times forward earnings, against an average of 14.5 times for listed port operators": of that group.
  const group = apposed === null ? undefined : GROUP_AFTER.exec(after)?.[1];
  const of = group === undefined || NOT_PURPOSE.test(group.split(' ')[0] ?? '') ? '' : ` of ${group}`;
  if (apposed !== null) return `${(apposed[1] ?? '').toLowerCase()} ${rate}${apposedTo}${of}`;
  const match = STATISTIC_BEFORE.exec(clause);
  if (match === null) return undefined;
  const verb = (match[1] ?? '').toLowerCase();
  const statistic = (match[2] ?? '').toLowerCase();
  const each = EACH_OPENING.exec(clause)?.[1]?.toLowerCase();
  const per = each === undefined ? '' : ` per ${each}`;
  if (unit.kind === 'money') {
    const measure = MONEY_MEASURES[verb];
    return measure === undefined ? undefined : `${statistic} ${rate}${measure}${per}`;
  }
  const phrase = unit.phrase ?? unit.unit;
  if (TIME_UNITS.test(phrase)) {
    const measure = TIME_MEASURES[verb];
    const where = perTime === undefined ? TIME_SPENT_WHERE.exec(after) : null;
    const object = wordsBefore((where?.[2] ?? '').split(' '), CHANGE_OBJECT_STOP).join(' ');
    const place = where === null || object === '' ? '' : ` ${where[1]} ${object}`;
    // "waited … for an agent" says what was waited for; "stayed … in the city" only says where.
    const placed = measure === undefined || measure === 'waiting time';
    return `${statistic} ${rate}${measure ?? phrase}${placed ? place : ''}`;
  }
  return phrase === '' ? undefined : `${statistic} ${rate}${phrase}${per}`;
}

/** "… for flood defenses": what an amount was given for, up to a base, a period or a clause of its own. */
const FOR_AFTER = /^ for (?:the )?([a-z][a-z-]*(?: [a-z][a-z-]*){0,3})/;
/** "… for the first time", "… for the year": a for that dates or counts, not a purpose. */
const NOT_PURPOSE = /^(?:first|year|period|quarter|month|time|years|months)$/;

/** "earmarked $8 million for road repairs" → road repairs funding; undefined when no purpose follows. */
export function fundingFor(text: string, end: number): string | undefined {
  const words = (FOR_AFTER.exec(text.slice(end, end + 48))?.[1] ?? '').split(' ');
  const purpose = wordsBefore(words, CHANGE_OBJECT_STOP);
  if (purpose[0] === '' || purpose.length === 0 || purpose.some((word) => NOT_PURPOSE.test(word)))
    return undefined;
  return `${purpose.join(' ')} funding`;
}

/** "… on medical equipment": what money was spent on, up to a base, a period or a clause of its own. */
const ON_AFTER = /^ on (?:the )?([a-z][a-z-]*(?: [a-z][a-z-]*){0,3})/;

/** "and spent 4.6 billion yuan on medical equipment" → spending on medical equipment; undefined with no "on". */
export function spendingOn(text: string, end: number): string | undefined {
  const words = (ON_AFTER.exec(text.slice(end, end + 48))?.[1] ?? '').split(' ');
  const object = wordsBefore(words, CHANGE_OBJECT_STOP);
  if (object[0] === '' || object.length === 0 || object.some((word) => NOT_PURPOSE.test(word)))
    return undefined;
  return `spending on ${object.join(' ')}`;
}

/** "…, 42 percent of them from Asia": a part of what was just counted, set apart by the words after "of them". */
const OF_THEM_AFTER =
  /^ of (?:them|whom|those) (?:(?:are|were|is|was) )?((?:from|in|at|aged|with|under|over|outside|inside) [A-Za-z0-9][A-Za-z0-9 -]{0,40})/;
/** Words that end what sets a part apart: a clause or a comparison of its own. */
const PART_STOP = /^(?:while|which|but|compared|than|up|down|a|an)$/;

/** "42 percent of them from Asia" → "from asia": what sets a share of the counted apart, or undefined. */
export function partOfThem(text: string, end: number): string | undefined {
  const words = (OF_THEM_AFTER.exec(text.slice(end, end + 56))?.[1] ?? '').toLowerCase().split(' ');
  const part = wordsBefore(words, PART_STOP).join(' ').trim();
  return part === '' || !part.includes(' ') ? undefined : part;
}
