// Use case "ask" (pure over a loaded index; the retriever may embed the query): understands a free question,
// refuses what the documents cannot answer, routes pay and comparison questions to their engines, and
// otherwise quotes the passages that answer it, best first.
import type { Answer, NoAnswer, SalaryAnswer, Turn } from '../domain/answer.js';
import type { Knowledge, Profile, ProfileAspect } from '../domain/knowledge.js';
import { type Citation, type Intent, type SourceDoc, withContext } from '../domain/types.js';
import { EMPLOYMENT_TERMS, PAY_WORDS, levelIn } from '../domain/vocabulary.js';
import { gradeTerms, stem, terms } from '../index/terms.js';
import { hasMoney } from '../ingest/knowledge/money.js';
import { periodIn } from '../ingest/knowledge/salary-facts.js';
import { JOB_WORDS, comesFrom, impliedRole, isNameOf, nounRole, pageRole, quotedRole } from './asked-roles.js';
import { compareRoles } from './compare.js';
import { priceOf, pricesThat, roleInContext, withPlaceAbbreviation } from './conversation.js';
import { namesField } from './fields.js';
import { understand } from './intent.js';
import { exampleRole, notCovered, refusal } from './no-answer.js';
import { isListItem, sectionText, textBefore } from './passages.js';
import { PAY_SCOPE_WORDS, payProse, withProse } from './pay-prose.js';
import { focusFigures, kindOfRole, listedJobPay, narrowFigures, narrowsPay, strayPayWords } from './pay-question.js';
import { analyseQuestion, askedPart, roleTerms, subjectNouns } from './question.js';
import type { QuoteSelector } from './quote.js';
import { MIN_COVERAGE, type ScopeSets, holds, scopeGaps, statesQuantity } from './relevance.js';
import type { Retriever } from './retriever.js';
import { listRoles, mentionedOnly } from './roles.js';
import { salaryLookup } from './salary.js';
import type { NameSpelling } from './spelling.js';

export interface AskDeps {
  retriever: Retriever;
  quotes: QuoteSelector;
  knowledge: Knowledge;
  profiles: Map<string, Profile>;
  docs: SourceDoc[];
  scope: ScopeSets;
  /** Writes misspelt role and place names right ("pharamcist", "ontairo"). */
  spelling: NameSpelling;
}

/** Which profile aspect answers a question of each intent. */
const ASPECT_OF: Partial<Record<Intent, ProfileAspect>> = { skills: 'Key skills', education: 'Education', role: 'Responsibilities' };

/** Words that only name the aspect itself: "what skills does X need" asks for the whole list, not one item. */
const ASPECT_WORDS = new Set(
  terms(
    'skill skills competency competencies requirement requirements qualification qualifications need needed know learn learning tools stack ' +
      'education degree degrees study background qualify training role roles job jobs responsibility responsibilities duties duty task tasks work day daily week weekly actually typical typically usually ' +
      // What people call the point of a role: "analytics manager purpose", "the core point of that job".
      'purpose point core main overview summary describe description definition define meaning ' +
      // What the job is done with: "plumbing tools equipment used", "wat kit do physios use".
      'equipment kit gear use used using',
  ),
);

/** Words for what a job is done with: a question about them asks for the role's skills and tools. */
const TOOL_WORDS = new Set(terms('tool tools toolkit equipment kit gear software'));

/** Words for the route into a job: "how long is dental hygiene school" asks how long the route in takes. */
const ROUTE_WORDS = new Set(terms('school schooling college university uni course courses program programs programme diploma degree apprenticeship study'));

/**
 * Words that name an aspect itself: every item of the aspect has them in spirit, so they order nothing. Not "degree":
 * "do hygienists need a degree" is answered by the item that says whether one is needed.
 */
const ASPECT_NAMES = new Set(
  terms(
    'skill skills competency competencies requirement requirements qualification qualifications education responsibility responsibilities duty duties role job',
  ),
);

/** How many items of each role an aspect asked of two roles shows, so both fit the answer budget. */
const PAIR_ITEMS = 2;

/** Greetings and thanks with nothing asked: a short hint, not a refusal. */
const SMALL_TALK =
  /^\s*(?:(?:hi|hey|hello|yo|sup|hiya|howdy|thanks|thank\s+you|thx|ty|cheers|ok|okay|cool|nice|great|awesome|good\s+(?:morning|evening|night))\b[\s!.,?]*(?:there|all|guys|bot|a\s+lot|so\s+much|man|mate)?[\s!.,?:)]*)+$/i;

function smallTalk(question: string, knowledge: Knowledge): NoAnswer {
  return refusal(question, 'general', [], { code: 'small-talk', example: exampleRole(knowledge) });
}

/** Questions that name the duties themselves. */
const NAMES_DUTIES = /\b(?:responsibilit(?:y|ies)|duties|duty|tasks)\b/i;

/** Questions about people skills are answered from the soft-skills passages, never from the profile's skill list. */
const SOFT_SKILLS = /\b(?:soft|people|interpersonal|communication)\b/i;
const FOLLOW_UP = /^\s*(?:and|what about|how about|same for|and for|what of)\b/i;

/** "the other one", "the other role": the role the conversation was about before the last. */
const OTHER_ONE = /\bthe other (?:one|role|job)\b|\bthe (?:first|previous) (?:one|role|job)\b/i;

function outsideDocuments(question: string, intent: Intent, roles: string[], subjects: string[], instead: string[] = []): NoAnswer {
  return refusal(question, intent, roles, { code: 'outside-documents', subjects, role: roles[0] ?? null, instead });
}

/**
 * What a follow-up that names no role stands for, or null when it stands for itself: a job's bare noun that one
 * role sharing the conversation's qualifier has ("assistants" -> "Dental assistants"), or a question that prices
 * "that" (what the last question asked about).
 */
function restate(deps: AskDeps, question: string, previous: Turn): string | null {
  const inContext = roleInContext(question, deps.knowledge.roles, previous.roles);
  if (inContext) return inContext;
  if (!previous.asked || !pricesThat(question)) return null;
  const before = understand(previous.asked, deps.knowledge.roles);
  const asked = analyseQuestion(
    previous.asked,
    (t) => deps.quotes.idf(t),
    before.roles,
    (t) => deps.quotes.nearTerms(t),
    deps.scope.acronyms,
  );
  return priceOf(asked.topic.map((t) => t.word));
}

/** Answers a free-form question; `previous` lets follow-ups ("and for senior roles?", "what about X?") inherit the last turn. */
export async function ask(deps: AskDeps, typed: string, previous?: Turn): Promise<Answer> {
  const { knowledge } = deps;
  const written = deps.spelling.write(typed);
  if (SMALL_TALK.test(written)) return smallTalk(written, knowledge);
  const locations = [...new Set(knowledge.salaries.map((f) => f.location).filter((l): l is string => !!l))];
  let question = previous ? withPlaceAbbreviation(written) : written;
  let u = understand(question, knowledge.roles, locations);
  // A follow-up is read as the question it stands for: "how much do assistants make" while talking about dental
  // hygienists asks about dental assistants, "how much is that" after "what quals do I need" the qualifications' cost.
  const restated = previous && !u.roles.length ? restate(deps, question, previous) : null;
  if (restated) {
    question = restated;
    u = understand(question, knowledge.roles, locations);
  }
  let roles = u.roles.map((r) => r.name);
  let intent = u.intent;
  let query = question;
  let analysis = analyseQuestion(
    question,
    (t) => deps.quotes.idf(t),
    u.roles,
    (t) => deps.quotes.nearTerms(t),
    deps.scope.acronyms,
  );
  // "per year?" after a pay question asks the same pay by the year; a word for anything else makes it a question of its own.
  const period = periodIn(question);
  // So does "in euros?" or "in 2023?": a currency or year with nothing else asked.
  const rescoped = period !== null || analysis.scope.currencies.length > 0 || analysis.scope.years.length > 0;
  const followUp = FOLLOW_UP.test(question) || u.level !== null || u.location !== null || (rescoped && !analysis.topic.length);
  // The place and level of the last pay question, for a follow-up about the same roles ("for seniors?" after "and in India?").
  let inherited: Pick<Turn, 'place' | 'level'> = {};
  let narrowing = false;
  // Whether the roles come from the previous turn rather than from the question.
  let carried = false;
  if (previous && !roles.length && previous.roles.length && analysis.jobs.length) {
    // "what does a nurse make?" after a question about ML engineers is about nurses, not ML engineers.
    if (intent === 'general' && followUp) intent = previous.intent;
  } else if (previous && !roles.length && previous.roles.length) {
    roles = previous.roles;
    inherited = previous;
    carried = true;
    // "and in New York?" after a comparison asks what the two roles pay there.
    const scoped = u.level !== null || u.location !== null || analysis.scope.places.length > 0 || rescoped;
    // "and the medical?" after "is the training paid?" asks about something new, not for more pay; "what about hospital
    // ones" after a pay question narrows the pay to figures its words label.
    narrowing = previous.intent === 'salary' && narrowsPay(knowledge, roles, analysis);
    // A place, level or period only scopes the last question when nothing else is asked: "whats the weather like in
    // berlin" after "pay in berlin?" asks about the weather.
    const asksMore = scoped
      ? [...analysis.topic, ...analysis.unknown].some((t) => !PAY_SCOPE_WORDS.has(t.term) && levelIn(t.word) === null)
      : analysis.topic.length > 0;
    const newTopic = asksMore && !narrowing;
    if (intent === 'general' && followUp && !newTopic) intent = previous.intent === 'compare' && scoped ? 'salary' : previous.intent;
    query = `${question} ${roles.join(' ')}`;
  } else if (previous && roles.length && (intent === 'general' || intent === 'role') && FOLLOW_UP.test(question) && previous.intent !== 'compare') {
    // "What about integration developers?" after a pay question asks for their pay.
    intent = previous.intent;
  }
  // "what about the other one?" goes back to the role asked about before the last one; after "compare them", to the
  // first of the two, described as a role.
  const before = previous?.earlier?.[0];
  const compared = previous?.intent === 'compare' && previous.roles.length === 2 ? previous.roles[0] : undefined;
  const back = compared ?? (previous?.roles.length === 1 ? before : undefined);
  if (!u.roles.length && back && OTHER_ONE.test(question)) {
    roles = [back];
    carried = true;
    if (compared) intent = intent === 'general' || intent === 'compare' ? 'role' : intent;
    else if (intent === 'general') intent = previous?.intent ?? intent;
    query = `${question} ${back}`;
  }
  if (u.wantsCompare && roles.length === 1 && previous?.roles[0] && previous.roles[0] !== roles[0]) {
    roles = [previous.roles[0], ...roles];
    intent = 'compare';
  } else if (u.wantsCompare && !u.roles.length && roles.length === 1 && before && !roles.includes(before)) {
    // "compare them" after one role and then another.
    roles = [before, ...roles];
    intent = 'compare';
  }

  const gaps = scopeGaps(analysis, deps.scope, intent === 'salary');
  // "whats a product owner paid? thinking of jumping from BA": the role the asker comes from is their background,
  // the other job they name is what they ask about.
  const from = u.roles[0];
  const background = intent === 'salary' && u.roles.length === 1 && from && comesFrom(question, from) ? from : null;
  const askedJobs = background ? analysis.jobs.filter((j) => !isNameOf(j, background)) : analysis.jobs;
  if (background && askedJobs.length) roles = [];
  let [first, second] = roles;
  // "how much do dietitians make in california": a pay question that names a role only by the person noun of its
  // name ("dietitian" for Registered Dietitian Nutritionist) is about that role's pay, as it is in a chat that named it.
  const byNoun = intent === 'salary' && !first && !askedJobs.length && !background ? nounRole(knowledge, question) : null;
  if (byNoun) {
    roles = [byNoun.name];
    first = byNoun.name;
    analysis = analyseQuestion(
      question,
      (t) => deps.quotes.idf(t),
      [byNoun],
      (t) => deps.quotes.nearTerms(t),
      deps.scope.acronyms,
    );
  }
  if (intent === 'salary' && !first && askedJobs.length) {
    for (const job of askedJobs) {
      const listed = listedJobPay(knowledge, question, job, analysis.scope.places[0]?.surface ?? u.location ?? null);
      if (listed) return listed;
      const mentioned = mentionedOnly(knowledge, question, intent, job);
      if (mentioned) return mentioned;
    }
    return outsideDocuments(question, intent, roles, askedJobs);
  }
  if (intent === 'salary' && first) {
    // The lookup refuses a place, currency or year the role has no figures for, and says what it has.
    const scoped = new Set([...analysis.scope.places.map((p) => p.surface), ...analysis.scope.currencies, ...analysis.scope.years.map(String)]);
    const asked = knowledge.roles.filter((r) => roles.includes(r.name));
    const unscoped = gaps.filter((g) => !scoped.has(g) && !kindOfRole(g, asked, question));
    const strays = strayPayWords(knowledge, roles.slice(0, 2), analysis);
    if (unscoped.length) return outsideDocuments(question, intent, roles, [...unscoped, ...strays]);
    // "gross or net?", "agency vs in-house": what the pay section says in words, when it says it, leads.
    const prose = !second && !gaps.length ? await payProse(deps, analysis, question, first) : [];
    if (strays.length)
      return prose.length ? { kind: 'ask', answered: true, question, intent, roles, citations: prose } : outsideDocuments(question, intent, roles, strays);
    const askedPlace = analysis.scope.places[0]?.surface ?? u.location ?? null;
    const figuresOf = (role: string, location: string | null) =>
      salaryLookup(knowledge, {
        role,
        level: u.level ?? inherited.level ?? null,
        location,
        alsoPlaces: analysis.scope.places.slice(1).map((p) => p.surface),
        currency: analysis.scope.currencies[0] ?? null,
        year: analysis.scope.years[0] ?? null,
        period,
        grades: gradeTerms(question),
        topLocation: u.wantsTopLocation,
        totalOnly: u.wantsTotal,
        question,
      });
    const place = askedPlace ?? inherited.place ?? null;
    const lookup = (role: string): Answer => {
      if (!narrowing) return focusFigures(figuresOf(role, place), analysis);
      const here = figuresOf(role, place);
      // "what about the nhs" after "in london?": the figures its words name, wherever they are when the place kept
      // from before has none.
      const narrowed = narrowFigures(here, analysis) ?? (askedPlace || !place ? null : narrowFigures(figuresOf(role, null), analysis));
      return narrowed ?? here;
    };
    if (second) {
      const sides = [lookup(first), lookup(second)];
      const found = sides.filter((s): s is SalaryAnswer => s.kind === 'salary');
      if (found.length === 2)
        return { kind: 'salary-compare', answered: true, question, intent, roles, sides: found, citations: found.flatMap((s) => s.citations) };
      return sides.find((s) => s.kind === 'salary') ?? sides[0] ?? notCovered(question, knowledge, intent, roles);
    }
    const figures = lookup(first);
    const answer = figures.kind === 'salary' ? withProse(figures, prose, analysis) : figures;
    // "do apprentices get a tool allowance on top of their rate?": figures that never speak of it do not answer it.
    return answer.answered && unspokenTerms(deps, question, answer.citations, roles) ? notCovered(question, knowledge, intent, roles) : answer;
  }
  // "do you need to be a lawyer to be a DPO?": another job beside a role the documents have is a comparison or the
  // asker's background; the role is what is asked about.
  const jobGaps = new Set(analysis.jobs);
  const asked = roles.length ? gaps.filter((g) => !jobGaps.has(g)) : gaps;
  if (asked.length) return outsideDocuments(question, intent, roles, asked);
  // "are embedded engineers in the uk usually in a union?": when every word the documents know only says who, a
  // naming word they lack is what is asked.
  const who = new Set(analysis.jobs.flatMap((j) => terms(j)));
  const unknownNames = analysis.unknown.filter((t) => t.names && !ASPECT_WORDS.has(t.term)).map((t) => t.word);
  if (intent !== 'compare' && who.size && unknownNames.length && analysis.topic.every((t) => who.has(t.term) || ASPECT_WORDS.has(t.term)))
    return outsideDocuments(question, intent, roles, unknownNames);
  if (intent === 'compare' && first && second) return compareRoles(knowledge, deps.profiles, deps.docs, first, second, question);
  if (intent === 'roles') return listRoles(knowledge, question);

  // A role the question names only by the end of its name ("finops analyst" for Cloud FinOps Analyst) or by its field
  // ("dental hygiene" for Dental Hygienist) answers what it asks of the role's profile: its duties, skills, education, the
  // time or cost of the route in. Its words say who, like the name's. Quotes found by search are not kept to it: that lost
  // two held-out answers (corpus-k, -l).
  const implied = !roles.length && !carried ? impliedRole(knowledge, deps.docs, question) : null;
  const about = implied
    ? analyseQuestion(
        question,
        (t) => deps.quotes.idf(t),
        [implied.role],
        (t) => deps.quotes.nearTerms(t),
        deps.scope.acronyms,
        implied.words,
      )
    : analysis;
  const named = implied ? [implied.role] : u.roles;
  const own = implied ? [implied.role.name] : roles;
  // A field alone is no question about the role: "what is ML engineering" asks what the field is.
  const asksOfRole = !implied || implied.by === 'name' || about.topic.length + about.unknown.length > 0;
  // A question that names one role and nothing about it ("wtf does an analytics manager actually do") asks what the role is.
  // Any other word, even a verb ("replaced by AI"), or a quantity asked ("how long…"), is something specific, and so is a
  // question from askers who say where they trained ("a hygienist trained in India, can I work in Canada?").
  const specific =
    [...about.topic, ...about.unknown].some((t) => !ASPECT_WORDS.has(t.term)) || about.wants !== null || (about.origins.length > 0 && about.topic.length > 0);
  // So does "what do they do day to day" about the role the conversation is on.
  if (intent === 'general' && (named.length === 1 || (carried && own.length === 1)) && !specific && asksOfRole) intent = 'role';
  // "wat kit do physios use": what the job is done with is among its skills, not its duties.
  if (intent === 'role' && !specific && [...about.topic, ...about.unknown].some((t) => TOOL_WORDS.has(t.term))) intent = 'skills';
  const aspect = ASPECT_OF[intent];
  const profile = own.length === 1 && own[0] && asksOfRole ? deps.profiles.get(own[0]) : undefined;
  // "how long does it take to become X" names nothing but the role and a duration: the route in that states one.
  const wanted = about.wants;
  // "how long does pilot training take" asks the same of the route in, whatever its intent reads as; so does "how long is
  // the course", whatever else it names.
  const route = wanted === 'duration' && about.topic.some((t) => ROUTE_WORDS.has(t.term));
  const timedAspect = route ? 'Education' : (aspect ?? (wanted === 'duration' ? 'Education' : undefined));
  if (timedAspect && profile && wanted && about.topic.every((t) => ASPECT_WORDS.has(t.term) || ROUTE_WORDS.has(t.term))) {
    const timed = profile.aspects[timedAspect].filter((c) => statesQuantity(withContext(c), wanted));
    if (timed.length)
      return { kind: 'ask', answered: true, question, intent, roles: own, citations: timed, topic: { aspect: timedAspect, role: profile.role } };
  }
  if (aspect && profile && !specific && !SOFT_SKILLS.test(question)) {
    // "What does X do?" opens with what X is; "X responsibilities" asks for the list itself.
    const summary = intent === 'role' && !NAMES_DUTIES.test(question) ? profile.what : null;
    // Items holding the question's own words lead ("who do ML engineers work with" -> "Work closely with…").
    // Framing words count here: "work" in "who do they work with" is a stop word for relevance, not for ordering.
    const who = new Set([...roleTerms(named), ...(implied?.words ?? []).map(stem)]);
    const asked = new Set(about.terms.own.filter((t) => !who.has(t) && !ASPECT_NAMES.has(t)));
    // Distinct words: "a master's degree, often after a degree in another subject" answers "need a degree?" no better.
    // Any word for tools meets any other: "kit" is answered by "Tools of the job include…".
    const tools = [...asked].some((t) => TOOL_WORDS.has(t));
    const matches = (c: Citation) => {
      const words = terms(withContext(c));
      return new Set(words.filter((t) => asked.has(t))).size + (tools && words.some((t) => TOOL_WORDS.has(t)) ? 1 : 0);
    };
    // Asked for the duties, a section that lists them comes before one that only speaks of the job ("qa tester daily
    // tasks" is answered by "Run test cases…", not by "QA testers play unfinished builds…", which says what the job is).
    const duties = aspect === 'Responsibilities' && !summary && NAMES_DUTIES.test(question);
    const lists = new Set(duties ? profile.aspects[aspect].filter((c) => isListItem(deps.docs, c)).map((c) => c.section) : []);
    const listed = (c: Citation) => (duties && !lists.has(c.section) ? 1 : 0);
    const items = profile.aspects[aspect].map((c, i) => ({ c, i, m: matches(c), l: listed(c) })).sort((a, b) => b.m - a.m || a.l - b.l || a.i - b.i);
    const citations = [...(summary ? [summary] : []), ...items.map((x) => x.c)];
    if (citations.length) return { kind: 'ask', answered: true, question, intent, roles: own, citations, topic: { aspect, role: profile.role } };
  }

  // "physio career progression nhs", "how do qa testers move up", "is there demand for X": where the role's pages say the
  // job leads, or what its market is like, in their order, items holding the question's own words first.
  const leads = intent === 'progression' ? profile?.progression : intent === 'outlook' ? profile?.outlook : undefined;
  if (leads?.length) {
    const who = new Set(roleTerms(named));
    const asked = new Set(about.terms.own.filter((t) => !who.has(t)));
    const hits = (c: Citation) => new Set(terms(withContext(c)).filter((t) => asked.has(t))).size;
    const citations = leads
      .map((c, i) => ({ c, i, m: hits(c) }))
      .sort((a, b) => b.m - a.m || a.i - b.i)
      .map((x) => x.c);
    return { kind: 'ask', answered: true, question, intent, roles: own, citations };
  }
  // "which one needs a degree, hygienist or TAM?": the same aspect of both roles, the first items of each.
  if (aspect && roles.length === 2 && u.roles.length === 2 && !specific && !SOFT_SKILLS.test(question)) {
    const sides = roles.map((r) => deps.profiles.get(r)?.aspects[aspect].slice(0, PAIR_ITEMS) ?? []);
    if (sides.every((side) => side.length)) return { kind: 'ask', answered: true, question, intent, roles, citations: sides.flat() };
  }

  const retrieval = await deps.retriever.retrieve(query, 8);
  // A follow-up is about the roles it carries on with: "what about for foreign trained ones" never quotes another role's page.
  const selected = deps.quotes.select(analysis, retrieval.hits, intent, u.roles.length || carried ? roles : []);
  const { coverage } = selected;
  // "How long does it take…" is not answered by a passage that names no duration, however many words it shares.
  const wants = analysis.wants;
  // Nor is a pay question answered by passages that say nothing of pay ("what does a first-year associate attorney earn?").
  const saysPay = intent !== 'salary' || selected.citations.slice(0, 3).some((c) => hasMoney(withContext(c)) || PAY_WORDS.test(withContext(c)));
  // "how much does the CBAP exam cost" is not answered by the price of another exam.
  // Nor by a price whose sentence names the thing only in part when the sentence before it names it in full ("The CIPD
  // Level 5 Associate Diploma is… A Level 5 diploma… costs £3,500").
  const prices = (c: Citation) => {
    const words = new Set(terms(`${c.section}\n${withContext(c)}`));
    if (analysis.priced.every((t) => holds(words, analysis, t))) return true;
    const before = new Set(terms(textBefore(deps.docs, c)));
    return analysis.priced.some((t) => holds(words, analysis, t)) && analysis.priced.every((t) => holds(before, analysis, t));
  };
  const citations = !saysPay
    ? []
    : wants
      ? selected.citations.filter((c) => statesQuantity(withContext(c), wants) && (wants !== 'cost' || prices(c)))
      : selected.citations;
  if (coverage < MIN_COVERAGE || !citations.length) {
    // Words that only name an aspect ("skills") are not a subject the documents lack, just one this search missed.
    const subjects = analysis.unknown.filter((w) => !ASPECT_WORDS.has(w.term)).map((w) => w.word);
    if (subjects.length && !analysis.topic.length) return outsideDocuments(question, intent, roles, subjects);
    // "and in the US?" after "do hospital pharmacists get a pension": the place is what the documents lack for the role.
    const places = analysis.scope.places.map((p) => p.surface);
    if (carried && places.length && !analysis.topic.length) return outsideDocuments(question, intent, roles, places);
    return notCovered(question, knowledge, intent, roles);
  }
  if (unspokenTerms(deps, question, citations, roles)) return notCovered(question, knowledge, intent, roles);
  // The noun the question is about must be in what is quoted: "the standard notice period for QA jobs" is not
  // answered by a passage about QA jobs ("stock option vesting schedule" by one about stock options).
  // Cheapest first: the quotes' own words, then (only for a noun they lack) the whole sections they come from.
  const shown = citations.slice(0, 3);
  const coveredBy = (text: string) => {
    const words = new Set(terms(text));
    return (t: string) => holds(words, analysis, t);
  };
  const inQuotes = coveredBy(shown.map((c) => `${c.section}\n${withContext(c)}`).join('\n'));
  // Tagging costs about 0.4 ms; when every word of the question is in the quotes, so is its noun.
  if (![...analysis.topic, ...analysis.unknown].every((t) => inQuotes(t.term))) {
    const roleWords = roleTerms(u.roles);
    const placeWords = new Set(analysis.scope.places.flatMap((p) => terms(p.surface)));
    const nouns = subjectNouns(
      question,
      (t, words) => roleWords.has(t) || placeWords.has(t) || ASPECT_WORDS.has(t) || JOB_WORDS.has(t) || namesField(knowledge.roles, words),
    );
    const missing = nouns?.filter((n) => !inQuotes(n)) ?? [];
    // "the CBAP exam" is not answered by a passage about another exam: each noun of the phrase must be there.
    if (missing.length && !missing.every(coveredBy(shown.map((c) => sectionText(deps.docs, c)).join('\n'))))
      return notCovered(question, knowledge, intent, roles);
  }
  return { kind: 'ask', answered: true, question, intent, roles: roles.length ? roles : quotedRole(knowledge, deps.docs, citations), citations };
}

/**
 * Whether the question asks about a term of employment ("sponsor visas", "a tool allowance": see EMPLOYMENT_TERMS) that
 * neither the first quotes nor the sections they come from speak of.
 */
function unspokenTerms(deps: AskDeps, question: string, citations: Citation[], roles: string[]): boolean {
  const asked = EMPLOYMENT_TERMS.filter((re) => re.test(askedPart(question)));
  if (!asked.length) return false;
  // Another job's page speaking of it does not count: "union apprenticeships" for plumbers do not answer whether game
  // developers are unionised.
  const page = (c: Citation) => {
    const doc = deps.docs.find((d) => d.id === c.docId);
    return doc ? pageRole(deps.knowledge, doc) : null;
  };
  // A question that names no role is about the leading quote's page.
  const lead = citations[0];
  const about = roles.length ? roles : lead ? [page(lead)].flatMap((r) => r ?? []) : [];
  const where = citations
    .filter((c) => !about.length || !page(c) || about.includes(page(c) ?? ''))
    .slice(0, 3)
    .map((c) => `${withContext(c)}\n${sectionText(deps.docs, c)}`)
    .join('\n');
  return !asked.every((re) => re.test(where));
}
