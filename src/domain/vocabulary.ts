// Domain "vocabulary" (pure rules, no I/O): the words that mean pay or an experience level, written once and
// shared by question understanding, search expansion and salary-fact extraction.
import type { Level } from './knowledge.js';

/**
 * Words people use for pay; "make" only where it stands for earning ("what do they make in Austin?", not "make the screens"), "earn" not in "earn while you learn", "paid" not in
 * "paid ads" (a marketing channel).
 */
export const PAY_WORDS =
  /\b(?:salary|salaries|pay|pays|paid(?!\s+(?:ads?|advertising|social|search|media|campaigns?|marketing|acquisition))|earn(?![\s-]+while\b)|earns|earning|earnings|compensation|comp|tc|wages?|income|money)\b|\b(?:day|daily|hourly)\s+rates?\b|\bmakes?\b(?=\s*(?:$|[?!.,;)]|\$|(?:in|at|per|a\s+(?:year|month|week|day)|an\s+hour|annually|yearly|monthly|on\s+average|after|starting|as|more|less|money|around|about|roughly|over|under|nowadays|these\s+days|now|there|here|up\s+there|out\s+there|lol|tbh|how\s+much)\b))/i;

const LEVELS: [Level, RegExp][] = [
  ['junior', /\bjunior|\bentry[\s-]level|\bnew grad(?:uate)?s?\b|\b0\s?-\s?[23] years/i],
  ['mid', /\bmid[\s-]?level|\bmid\b|\b3\s?-\s?[5-7] years/i],
  ['senior', /\bsenior|\blead\b|\bprincipal|\bexperienced\b|\b[5-9]\+ years/i],
];

/** The experience level a text names, if any ("Senior Roles (7+ years)" -> senior). */
export function levelIn(text: string): Level | null {
  for (const [level, re] of LEVELS) if (re.test(text)) return level;
  return null;
}

/** "Staff" on the tech ladder, above senior: "Staff / Principal", "Staff (L6)", "staff engineer", "staff ML scientist". */
const TECH_STAFF =
  /\bstaff\b(?!\s*\p{L})|\bstaff\s+(?:[\p{L}-]+\s+){0,2}(?:engineers?|engineering|scientists?|researchers?|developers?|designers?|architects?|sres?|swes?|product\s+managers?|pms?|data\s+\w+)\b/iu;
/** "Staff" in a health service's grade ("staff grade", "staff nurse", "staff physiotherapist"): the qualified entry grade. */
const HEALTH_STAFF = /\bstaff\s+(?:grades?|nurses?|midwi(?:fe|ves)|physio\w*|therapists?|radiographers?|pharmacists?|paramedics?)\b/i;

/** The level "staff" names in a band, if any: senior only in the tech sense, entry in a health service (see TECH_STAFF, HEALTH_STAFF). */
export function staffLevel(text: string): Level | null {
  if (HEALTH_STAFF.test(text)) return 'junior';
  return TECH_STAFF.test(text) ? 'senior' : null;
}

/** Job-title head nouns ("engineer", "nurse", "teacher"): a question naming one asks about that job. */
export const JOB_NOUN =
  /\b(?:engineers?|developers?|devs?|managers?|analysts?|scientists?|architects?|designers?|administrators?|writers?|consultants?|specialists?|technicians?|programmers?|testers?|advocates?|owners?|practitioners?|nurses?|teachers?|lawyers?|doctors?|pilots?|accountants?|dentists?|pharmacists?|electricians?|plumbers?|recruiters?|officers?|coordinators?|directors?|strategists?|researchers?|editors?|auditors?|therapists?|planners?|producers?|representatives?|actuar(?:y|ies)|underwriters?|statisticians?|economists?|paralegals?|librarians?|surgeons?|physicians?|veterinarians?|vets?|mechanics?|carpenters?|chefs?|cashiers?|clerks?|drivers?|firefighters?|receptionists?|secretar(?:y|ies)|journalists?|photographers?|translators?|interpreters?|marketers?|bankers?|brokers?|traders?|professors?|lecturers?|tutors?|psychologists?|midwi(?:fe|ves)|paramedics?|opticians?|radiographers?|welders?|assistants?|associates?(?!\s+degrees?)|solicitors?|barristers?|hygienists?|surveyors?|inspectors?|controllers?|workers?|operators?|executives?)\b/gi;

/**
 * Terms of employment people ask about that career pages seldom cover: visas, pensions, leave, unions, equity. Each
 * is the subject of a question that names it ("do UK firms sponsor visas for lawyers?"), never an incidental word,
 * so a passage that does not speak of it does not answer the question, however many other words it shares.
 */
export const EMPLOYMENT_TERMS: readonly RegExp[] = [
  /\b(?:visas?|sponsor(?:s|ed|ing|ship)?|work\s+permits?|immigration)\b/i,
  // Australians call their pension "super": "do apprentices get super on top", not "super stressful".
  /\b(?:pensions?|retirement|401\(?k\)?|superannuation)\b|\b(?:gets?|any|pays?|paid|plus|with|much)\s+super\b|\bsuper\s+(?:contributions?|guarantee|funds?)\b/i,
  /\b(?:parental|maternity|paternity)\s+leave\b|\b(?:maternity|paternity)\b/i,
  /\bunion(?:s|i[sz]ed|i[sz]ation)?\b/i,
  /\bvest(?:s|ed|ing)?\b|\bcliff\b/i,
  /\b(?:stocks?|rsus?|equity|share\s+options|stock\s+options)\b/i,
  /\bnotice\s+periods?\b/i,
  /\b(?:health|medical|dental|life)\s+(?:insurance|cover(?:age)?)\b/i,
  /\ballowances?\b/i,
  /\b(?:vacation|pto|annual\s+leave|paid\s+leave|holiday\s+entitlement)\b/i,
  /\bsick\s+(?:leave|pay|days?)\b/i,
];
