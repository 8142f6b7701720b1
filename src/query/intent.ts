// Query stage "understand" (pure, no I/O): what kind of question this is, and which roles, level and place it names.
import type { Level, Role } from '../domain/knowledge.js';
import { escapeRegExp } from '../domain/regexp.js';
import type { Intent } from '../domain/types.js';
import { JOB_NOUN, PAY_WORDS, levelIn } from '../domain/vocabulary.js';
import { normaliseChat } from '../index/terms.js';
import { hasMoney } from '../ingest/knowledge/money.js';
import { rolesByDoer, rolesShortened } from '../ingest/knowledge/role-names.js';
import { resolveRole, roleKey, rolesMentioned } from '../ingest/knowledge/roles.js';

export interface Understood {
  intent: Intent;
  roles: Role[];
  level: Level | null;
  location: string | null;
  /** "which city pays the most" style questions. */
  wantsTopLocation: boolean;
  wantsTotal: boolean;
  /** Worded as a comparison ("vs", "compare", "difference"), whether or not two roles were found. */
  wantsCompare: boolean;
}

/**
 * True when the patterns occur in this order. Each is searched once from where the previous one ended: if the
 * earliest match of one has nothing after it, no later match does either, so this stays linear where a single
 * `a.*b.*c` regex backtracks polynomially on long input.
 */
function inOrder(text: string, ...patterns: RegExp[]): boolean {
  let from = 0;
  for (const pattern of patterns) {
    const re = new RegExp(pattern.source, 'gi');
    re.lastIndex = from;
    const m = re.exec(text);
    if (!m) return false;
    from = m.index + m[0].length;
  }
  return true;
}

const COMPARE_WORD = /\b(?:vs\.?|versus|compared?|comparison|differen(?:ce|t)|differ)\b/i;

/** "A vs B", "compare…", "difference between A and B". */
const COMPARE = { test: (q: string) => COMPARE_WORD.test(q) || inOrder(q, /\bbetween\b/, /\band\b/) };

/** "What roles do you know?", "list the jobs you cover", "roles?". */
const ROLE_LIST = {
  test: (q: string) =>
    /^\s*roles\s*\??$/i.test(q) ||
    // "list all roles", "show me the careers"
    /^\s*(?:list|show)(?:\s+(?:me|all|the|your|of))*\s+(?:roles|careers|jobs)\s*\??\s*$/i.test(q) ||
    inOrder(q, /\b(?:what|which|list)\b/, /\b(?:roles|careers|jobs)\b/, /\b(?:know|cover|have|available|list|tell|talk|answer)\b/),
};

/** "What does X do?", "tell me about X", "X role". */
const ABOUT_ROLE = {
  test: (q: string) =>
    inOrder(q, /\b(?:what|who)\b/, /\b(?:do|does|is|are)\b/) || /\babout\b|\brole\b|\btasks?\b|\bduties\b|\bresponsibilit(?:y|ies)\b/i.test(q),
};

/** "Which city pays most?", "where is it best paid?". */
const TOP_LOCATION = {
  test: (q: string) =>
    inOrder(q, /\b(?:which|what|where)\b/, /\b(?:city|cities|location|market|place|where)\b/) || inOrder(q, /\bwhere\b/, /\b(?:most|best|highest)\b/),
};

const PATTERNS: [Intent, { test(text: string): boolean }][] = [
  ['compare', COMPARE],
  // A pay word, not just "how much" ("how much of the week goes to on-call" is not about pay).
  ['salary', PAY_WORDS],
  [
    'education',
    /\b(?:degree|education|phd|ph\.d|masters?|bachelor'?s?|certifications?|qualifications?|study|college|university)\b|\bhow\s+(?:do|can|would|should|did)\s+(?:i|you|one|someone|people)\s+(?:become|qualify|get\s+in(?:to)?|break\s+into|get\s+started)\b|\bhow\s+to\s+(?:become|get\s+into|break\s+into|get\s+started)\b|\bhow\s+long\b.*\b(?:become|qualify|get\s+into|get\s+certified)\b|\bbreak(?:ing)?\s+into\b|\b(?:could|can|would|should)\s+(?:i|someone|one)\s+(?:still\s+)?(?:become|retrain\s+as|switch\s+to|move\s+into)\b/i,
  ],
  ['outlook', /\b(?:demand|outlook|future|growth|job market|hiring|openings|trends?)\b/i],
  // Where the job leads: "career progression", "how do people move up", "what's next after senior", "make partner".
  [
    'progression',
    /\b(?:career\s+(?:progression|paths?|ladder|development|options?|moves?)|progress(?:ion)?|promot(?:ed|ions?)|move\s+up|moving\s+up|step\s+up|ladder|next\s+steps?|(?:what(?:'s|s|\s+is|\s+comes)?|where)\s+next|move\s+on|moving\s+on|make\s+partner|partner\s+track)\b/i,
  ],
  ['skills', /\b(?:skills?|competenc(?:y|ies)|learn|tools?|stack|languages?|frameworks?|requirements?|need to know|good at|strengths?|abilities)\b/i],
  ['roles', ROLE_LIST],
];

/** "backend vs ML engineer": resolves each side of a comparison, preferring the closest name for bare words. */
function comparedRoles(question: string, roles: Role[]): Role[] {
  const sides = question
    .replace(/^[\s\S]*?\b(?:difference|differences|compare|comparing|between)\b/i, '')
    .split(/\s(?:vs\.?|versus|compared (?:to|with)|and|or)\s/i)
    .map((s) => s.replace(/[?!.]+$/, '').trim())
    .filter(Boolean);
  if (sides.length !== 2) return [];
  const picked: Role[] = [];
  for (const side of sides) {
    const r = resolveRole(roles, side);
    const key = roleKey(side);
    const guess = r.role ?? roles.find((x) => r.suggestions[0] === x.name && roleKey(x.name).startsWith(key) && !picked.includes(x));
    if (!guess || picked.includes(guess)) return [];
    picked.push(guess);
  }
  return picked;
}

/** Words for the people themselves: "backend guy", "ux folks" name a role in any question, not only about pay. */
const PERSON = String.raw`(?:people|persons?|folks?|guys?|gals?|peeps)`;
const PERSONS = new RegExp(`^${PERSON}\\b`, 'i');
const PERSON_WORD = new RegExp(`\\b${PERSON}\\b`, 'i');
/** Words that stand in for the job noun when people name a role casually: "cloud security ppl", "ux folks", "devops pay". */
const PEOPLE = new RegExp(`^(?:${PERSON}|teams?|roles?|jobs?|positions?|work|salary|salaries|pay|comp|compensation|wages?|earnings|income)\\b`, 'i');

/**
 * Roles named without their job noun ("entry lvl cloud security people make"): the words that set
 * the role apart, in order, when no other role shares them. Two words or more stand alone; one word ("devops",
 * "ux") only before a word for people or jobs, since a lone "product" or "data" is usually something else.
 */
function rolesByQualifier(roles: Role[], question: string, after = PEOPLE): Role[] {
  const text = roleKey(question);
  let qualifiers = qualifiersOf.get(roles);
  if (!qualifiers) {
    qualifiers = roles.map((r) => ({ role: r, words: roleKey(r.name.replace(JOB_NOUN, ' ')) }));
    qualifiersOf.set(roles, qualifiers);
  }
  const found: Role[] = [];
  const inText = (words: string) => ` ${text} `.includes(` ${words} `);
  for (const { role, words } of qualifiers) {
    if (!words) continue;
    const at = ` ${text} `.indexOf(` ${words} `);
    if (at < 0) continue;
    const next = text.slice(at + words.length).trim();
    const named = after.test(next);
    // "backend guy" is no Backend Machine Learning Engineer: beside a word for people, a longer qualifier counts only
    // where it is written ("backend salary" may still be either).
    const person = PERSONS.test(next);
    const shared = qualifiers.some((o) => o.role !== role && ` ${o.words} `.includes(` ${words} `) && (!person || o.words === words || inText(o.words)));
    if (!shared && (named || (after === PEOPLE && words.includes(' ')))) found.push(role);
  }
  return found;
}

/** Each catalog's qualifiers, worked out once: every question may ask for them. */
const qualifiersOf = new WeakMap<Role[], { role: Role; words: string }[]>();

/** Detects the intent of a question and the roles, level and location it mentions. */
export function understand(asked: string, roles: Role[], locations: string[] = []): Understood {
  const question = normaliseChat(asked);
  let mentioned = rolesMentioned(roles, question);
  // "an electrician or an HVAC tech": one role named in full does not hide another named short.
  if (mentioned.length < 2) mentioned = [...mentioned, ...rolesShortened(roles, question).filter((r) => !mentioned.includes(r))];
  // A name with words left out ("cloud architect") is the one role whose name it is part of.
  if (!mentioned.length) mentioned = rolesMentioned(roles, question, { abridged: PAY_WORDS.test(question) ? 'all' : 'inner' });
  // "automation testers" for the Test Automation Engineer: the doer of a word of its name, beside another of its words.
  if (!mentioned.length) mentioned = rolesByDoer(roles, question);
  // Only for pay: there a missed role means another role's figures, while elsewhere "machine learning" is a field.
  if (!mentioned.length && PAY_WORDS.test(question)) mentioned = rolesByQualifier(roles, question);
  // "a backend guy and an ML eng": a role named by its qualifier and a word for people, beside one named in full.
  if (mentioned.length < 2 && PERSON_WORD.test(question))
    mentioned = [...mentioned, ...rolesByQualifier(roles, question, PERSONS).filter((r) => !mentioned.includes(r))];
  if (mentioned.length < 2 && COMPARE.test(question)) {
    const sides = comparedRoles(question, roles);
    if (sides.length === 2) mentioned = sides;
  }
  let intent: Intent = 'general';
  for (const [name, re] of PATTERNS) {
    if (!re.test(question)) continue;
    if (name === 'compare' && mentioned.length < 2) continue;
    intent = name;
    break;
  }
  // "I was offered $100k in Austin, is that low?" is a pay question even without a pay word.
  if ((intent === 'general' || intent === 'role') && mentioned.length && hasMoney(question)) intent = 'salary';
  if (intent === 'general' && mentioned.length && ABOUT_ROLE.test(question)) intent = 'role';
  const level: Level | null = levelIn(question);
  const location = locations.find((l) => new RegExp(`\\b${escapeRegExp(l)}\\b`, 'i').test(question)) ?? null;
  return {
    intent,
    roles: mentioned,
    level,
    location,
    wantsTopLocation: TOP_LOCATION.test(question),
    wantsTotal: /\btotal\b|\btc\b/i.test(question),
    wantsCompare: COMPARE.test(question),
  };
}
