import { describe, expect, it } from 'vitest';
import type { Role } from '../../src/domain/knowledge.js';
import { stem } from '../../src/index/terms.js';
import { jobPhrases } from '../../src/ingest/knowledge/scope.js';
import { analyseQuestion, headNoun, subjectNouns } from '../../src/query/question.js';
import { MIN_COVERAGE, type ScopeSets, coverage, decidingTerms, scopeGaps, statesQuantity } from '../../src/query/relevance.js';

/** A tiny corpus vocabulary: IDF by stem, as an index would report it. */
const IDF: Record<string, number> = {
  featur: 3.2,
  engin: 0.3,
  machin: 0.3,
  learn: 0.3,
  involv: 2.5,
  master: 2.8,
  degre: 2.0,
  bachelor: 2.6,
  metric: 3.0,
  model: 1.1,
  salari: 2.3,
  ethic: 3.4,
};
const idf = (t: string) => IDF[t] ?? null;
const mle: Role = { name: 'Machine Learning Engineer', aliases: ['MLE', 'ML engineer'], sources: [], documents: [] };
const scope: ScopeSets = {
  places: new Set(['vancouver', 'united states', 'us']),
  countries: new Set(['CA', 'US']),
  currencies: new Set(['USD']),
  years: new Set([2024]),
  jobs: new Set(['machine learning engineer', 'engineer']),
  acronyms: new Map(),
};

describe('question analysis', () => {
  it('keeps what a casual question is about and drops its framing', () => {
    const a = analyseQuestion('roughly what does feature engineering involve, honestly, do you think?', idf);
    expect(a.topic.map((t) => t.term)).toEqual(expect.arrayContaining(['featur', 'involv']));
    expect([...a.topic, ...a.unknown].map((t) => t.word)).not.toEqual(expect.arrayContaining(['roughly', 'honestly', 'think']));
  });

  it('does not count the role a question names as its topic', () => {
    const a = analyseQuestion('which metrics do ML engineers use to judge a model', idf, [mle]);
    expect(a.topic.map((t) => t.term)).not.toContain('engin');
    expect(decidingTerms(a)[0]?.term).toBe('metric');
  });

  it('weighs everyday words less than specific ones', () => {
    const a = analyseQuestion('is a masters degree worth the time for ethics work', idf);
    const weight = (w: string) => [...a.topic, ...a.unknown].find((t) => t.word === w)?.weight ?? 0;
    expect(weight('ethics')).toBeGreaterThan(weight('degree'));
  });

  it('reads chat-speak as the words it stands for', () => {
    const a = analyseQuestion('wud u say ml ppl need a masters', idf);
    expect(a.unknown.map((u) => u.word)).toEqual(['people']);
  });

  it('reads a chat "-in" for "-ing" as the word it shortens ("feature engineerin")', () => {
    const a = analyseQuestion('feature engineerin?', idf);
    expect(a.unknown).toEqual([]);
    expect(a.terms.alternatives.engineerin).toEqual(['engin']);
  });

  it('never counts the asker\'s own job as a subject the documents must know ("im a carpenter, could i…")', () => {
    const a = analyseQuestion('im a carpenter, could i become a machine learning engineer?', idf, [mle]);
    expect(a.unknown).toEqual([]);
    expect(a.jobs).toEqual(['machine learning engineer']);
  });

  it('reads a leading "wait" as an interjection, not a topic', () => {
    const a = analyseQuestion('wait do ML engineers deploy models too?', idf);
    expect([...a.topic, ...a.unknown].map((t) => t.word)).not.toContain('wait');
  });

  it('does not count "timeline" as a subject the documents must know: it asks for a duration', () => {
    expect(analyseQuestion('ML engineer junior to senior timeline', idf, [mle]).unknown.map((u) => u.word)).toEqual(['junior', 'senior']);
  });

  it('keeps an adverb made from a word the documents use ("physically demanding"), never a hedge ("typically")', () => {
    const vocab: Record<string, number> = { physic: 2.1, demand: 2.4, typic: 0.5, role: 0.3 };
    const a = analyseQuestion('is the role physically demanding, typically?', (t) => vocab[t] ?? null);
    expect(a.topic.map((t) => t.word)).toEqual(['role', 'physically', 'demanding']);
  });

  it('tells unknown words that name something from words that only describe it', () => {
    const a = analyseQuestion('is feature engineering basically gluing apps together?', idf);
    const names = Object.fromEntries(a.unknown.map((u) => [u.word, u.names]));
    expect(names).toEqual({ gluing: false, apps: true });
  });

  it.each([
    ['how long does the transition to ML take?', 'duration'],
    ['How many months until I am job ready?', 'duration'],
    ['ML engineer junior to senior timeline', 'duration'],
    ['how quickly do ML engineers get promoted', 'duration'],
    ['how much does a masters degree cost', 'cost'],
    ['how many ML engineers are employed in the US?', 'count'],
    ['how much do ML engineers make?', null],
    ['my boss judges my work by how many blog posts I write - what do good teams track instead?', null],
  ])('knows "%s" asks for a %s', (question, wants) => {
    expect(analyseQuestion(question, idf).wants).toBe(wants);
  });

  it('finds the places, currencies, years and job titles that scope a question', () => {
    const a = analyseQuestion('what do registered nurses make in Berlin in euros in 2019?', idf);
    expect(a.scope.places.map((p) => p.place.name)).toEqual(['Berlin']);
    expect(a.scope.currencies).toEqual(['EUR']);
    expect(a.scope.years).toEqual([2019]);
    expect(a.jobs).toEqual(['registered nurses']);
    expect(jobPhrases('skills shared by backend and ML engineers')).toEqual(['ML engineers']);
    expect(jobPhrases('what habits do good researchers have')).toEqual(['researchers']);
    expect(jobPhrases('from forklift driving into analyst work')).toEqual(['analyst']);
    expect(jobPhrases('clinical trial assistant salary uk')).toEqual(['clinical trial assistant']);
    expect(jobPhrases('which is steadier money tbh, solicitor or barrister?')).toEqual(['solicitor', 'barrister']);
    expect(jobPhrases('is an associate degree enough')).toEqual([]);
    expect(jobPhrases('mid level data engineer salary')).toEqual(['data engineer']);
    expect(jobPhrases("you'll architect pipelines as a 'backend ML engineer'")).toEqual(['architect', 'backend ML engineer']);
  });

  it('reads the place the askers come from as their situation, not as the place asked about', () => {
    const from = analyseQuestion("im a machine learning engineer from india, what's the salary in the US?", idf, [mle]);
    expect(from.scope.places.map((p) => p.place.name)).toEqual(['United States']);
    expect(from.unknown).toEqual([]);
    expect(analyseQuestion("we're moving from Berlin - what's the salary in Vancouver?", idf).scope.places.map((p) => p.place.name)).toEqual(['Vancouver']);
    // A place the question asks about stays, whoever asks.
    expect(analyseQuestion('what do ML engineers from Berlin earn?', idf).scope.places.map((p) => p.place.name)).toEqual(['Berlin']);
  });

  it.each([
    'im a machine learning engineer trained in india, can i work in the US?',
    'I qualified in India as a machine learning engineer - can I work in the US?',
    'my degree is from India, can i work in the US as a machine learning engineer?',
  ])('reads where the asker trained or qualified as their background: "%s"', (question) => {
    expect(analyseQuestion(question, idf, [mle]).scope.places.map((p) => p.place.name)).toEqual(['United States']);
  });

  it('never counts a job the askers say they had as a subject ("i was a journalist")', () => {
    expect(analyseQuestion('i was a journalist for 5 years, could i become a machine learning engineer?', idf, [mle]).unknown).toEqual([]);
  });

  it('reads initials as the name the corpus writes in full ("RAF" -> "Royal Air Force")', () => {
    const vocabulary = (t: string) => ({ royal: 3.0, air: 1.5, forc: 2.0 })[t] ?? null;
    const a = analyseQuestion('can I join the RAF?', vocabulary, [], () => [], new Map([['raf', 'Royal Air Force']]));
    expect(a.unknown).toEqual([]);
    expect(a.terms.alternatives.raf).toEqual(['royal', 'air', 'forc']);
    expect(analyseQuestion('can I join the RAF?', vocabulary).unknown.map((t) => t.word)).toEqual(['raf']);
  });

  it('reads a person of a field as the field the corpus names ("journalist" meets "journalism", "partner" "partnership")', () => {
    const vocabulary = (t: string) => ({ journal: 2.4, featur: 3.2 })[t] ?? null;
    const a = analyseQuestion('do feature teams hire a journalist?', vocabulary);
    expect(a.topic.map((t) => t.term)).toContain('journalist');
    expect(a.terms.alternatives.journalist).toContain('journal');
    // A word the corpus knows meets its other form too: "partner" and "partnership".
    const firms = (t: string) => ({ partner: 1.2, partnership: 2.6 })[t] ?? null;
    expect(analyseQuestion('how long to make partner', firms).terms.alternatives.partner).toEqual(['partnership']);
  });
});

describe('the relevance decision', () => {
  it('answers when a passage covers the most telling terms, whatever filler surrounds them', () => {
    const a = analyseQuestion('ok so honestly what does feature engineering involve lol', idf);
    const inPassage = new Set(['featur', 'engin', 'involv']);
    expect(coverage(a, (t) => (inPassage.has(t) ? 1 : 0))).toBeGreaterThanOrEqual(MIN_COVERAGE);
  });

  it('decides on the five most telling terms of a long question, heaviest first', () => {
    const a = analyseQuestion('master degree ethics metrics salary bachelor', idf);
    expect(decidingTerms(a).map((t) => t.term)).toEqual(['metric', 'ethic', 'bachelor', 'salari', 'degre']);
  });

  it('refuses when the words the corpus never uses outweigh what matched', () => {
    const a = analyseQuestion('do ML engineers get visa sponsorship', idf, [mle]);
    expect(a.unknown.map((u) => u.word)).toEqual(['visa', 'sponsorship']);
    expect(coverage(a, () => 1)).toBe(0);
  });

  it('reads a misspelt word as the corpus word it is one typo from, but not an English word the corpus lacks', () => {
    const near = (t: string) => (t === 'metirc' || t === 'translat' ? ['metric'] : []);
    const typo = analyseQuestion('which metircs matter', idf, [], near);
    expect(typo.unknown).toEqual([]);
    expect(coverage(typo, (t) => (t === 'metric' || typo.terms.alternatives[t]?.includes('metric') ? 1 : 0))).toBe(1);
    expect(analyseQuestion('translating metrics', idf, [], near).unknown.map((u) => u.word)).toEqual(['translating']);
  });

  it("does not hold the asker's own situation against an answer, only what is asked", () => {
    const told = analyseQuestion('We run a legacy warehouse app. Would integrating a model fall to the ML engineer?', idf, [mle]);
    expect(told.unknown.map((u) => u.word)).toEqual(['integrating', 'fall']);
    const asked = analyseQuestion('We are hiring. Do ML engineers get visa sponsorship?', idf, [mle]);
    expect(asked.unknown.map((u) => u.word)).toEqual(['visa', 'sponsorship']);
  });

  it('reads what follows the last question mark as an aside, not as part of what is asked', () => {
    const aside = analyseQuestion('do ML engineers need a masters? heard smth about factories', idf, [mle]);
    expect(aside.unknown.map((u) => u.word)).toEqual([]);
    const second = analyseQuestion('heard smth about factories. do ML engineers need a masters?', idf, [mle]);
    expect(second.unknown.map((u) => u.word)).toEqual(['heard', 'factories']);
  });

  it('does not hold words that only describe against an answer', () => {
    const a = analyseQuestion('what does feature engineering involve, is it basically gluing', idf);
    expect(coverage(a, (t) => (['featur', 'engin', 'involv'].includes(t) ? 1 : 0))).toBe(1);
  });

  it('lets the nouns decide when the heaviest words are verbs the passage does not use', () => {
    const a = analyseQuestion('involving models', idf);
    // "involving" outweighs "models" at face value; as a verb it counts for less.
    expect(coverage(a, (t) => (t === 'model' ? 1 : 0))).toBeGreaterThanOrEqual(MIN_COVERAGE);
  });

  it('answers a quantity question only from a passage that states one', () => {
    expect(statesQuantity('Most people make the switch in six to twelve months.', 'duration')).toBe(true);
    expect(statesQuantity('This overview explores the transition to ML engineering.', 'duration')).toBe(false);
    expect(statesQuantity('A report after every visit, usually within five to ten working days', 'duration')).toBe(true);
    expect(statesQuantity('Most nurses work a roster of 8-hour or 10-hour shifts.', 'duration')).toBe(true);
    expect(statesQuantity('Bootcamps cost $12,000 on average.', 'cost')).toBe(true);
    expect(statesQuantity('Employers accept bootcamp graduates.', 'cost')).toBe(false);
    expect(statesQuantity('About 4,000 analysts work in the region.', 'count')).toBe(true);
    expect(statesQuantity('Average total compensation: $202,331, up 12%', 'count')).toBe(false);
  });

  it('answers "how old" only from a passage that states an age, and never reads a week\'s pay or a share as one', () => {
    expect(analyseQuestion('how old do you gotta be to drive truck into the states', idf).wants).toBe('age');
    expect(analyseQuestion('is there an age limit for pilots', idf).wants).toBeNull();
    expect(statesQuantity('You can hold an AZ licence at 18, but US rules require drivers crossing the border to be at least 21.', 'age')).toBe(true);
    expect(statesQuantity('Applicants must be 18 or over.', 'age')).toBe(true);
    expect(statesQuantity('New drivers are paid around $800 to $1,000 a week for four to eight weeks.', 'age')).toBe(false);
    expect(statesQuantity('HRBP roles in London usually pay 15% to 20% more.', 'age')).toBe(false);
  });

  it('reads a bare "how much" about something that is not pay as asking its price', () => {
    expect(analyseQuestion('cipd level 5 how much', idf).wants).toBe('cost');
    expect(analyseQuestion('the diploma, how much is it?', idf).wants).toBe('cost');
    expect(analyseQuestion('machine learning engineers, how much do they earn', idf).wants).toBeNull();
    expect(analyseQuestion('how much experience do I need', idf).wants).toBeNull();
  });

  it('gives headings partial credit', () => {
    const a = analyseQuestion('ethics', idf);
    expect(coverage(a, () => 0.6)).toBeCloseTo(0.6);
  });

  it('names the places, currencies, years and jobs the documents never mention', () => {
    const gaps = scopeGaps(analyseQuestion('what do nurses make in Berlin, in euros, in 2019?', idf), scope);
    expect(gaps).toEqual(['Berlin', 'EUR', '2019', 'nurses']);
    expect(scopeGaps(analyseQuestion('ML engineer salary in Vancouver in 2024, in dollars', idf, [mle]), scope)).toEqual([]);
  });

  it('counts a country as covered when the documents name a place in it, but not a city they never name', () => {
    expect(scopeGaps(analyseQuestion('ML engineer salary in Canada', idf, [mle]), scope)).toEqual([]);
    expect(scopeGaps(analyseQuestion('ML engineer salary in Toronto', idf, [mle]), scope)).toEqual(['Toronto']);
    expect(scopeGaps(analyseQuestion('ML engineer salary in Germany', idf, [mle]), scope)).toEqual(['Germany']);
  });

  it('counts a city in a covered country as covered for anything but pay, which differs city by city', () => {
    expect(scopeGaps(analyseQuestion('do ML engineers in Toronto need a licence?', idf, [mle]), scope, false)).toEqual([]);
    expect(scopeGaps(analyseQuestion('do ML engineers in Berlin need a licence?', idf, [mle]), scope, false)).toEqual(['Berlin']);
    expect(scopeGaps(analyseQuestion('ML engineer salary in Toronto', idf, [mle]), scope, true)).toEqual(['Toronto']);
  });

  it('counts Europe as covered for anything but pay when the documents cover a European country, and not otherwise', () => {
    const germany = { ...scope, countries: new Set(['DE']) };
    expect(scopeGaps(analyseQuestion('interviews with customers in Europe, is there a privacy side?', idf), germany, false)).toEqual([]);
    expect(scopeGaps(analyseQuestion('interviews with customers in Europe, is there a privacy side?', idf), scope, false)).toEqual(['Europe']);
    expect(scopeGaps(analyseQuestion('ML engineer salary in Europe', idf), germany, true)).toEqual(['Europe']);
  });

  it('counts a city as covered when the documents name the state or province it is in, and no other', () => {
    const queensland = { ...scope, places: new Set(['queensland', 'california']), countries: new Set(['AU', 'US']) };
    expect(scopeGaps(analyseQuestion('which body issues plumbing licences in Brisbane?', idf), queensland)).toEqual([]);
    expect(scopeGaps(analyseQuestion('is there a court reporter exam in Los Angeles?', idf), queensland)).toEqual([]);
    expect(scopeGaps(analyseQuestion('which body issues plumbing licences in Sydney?', idf), queensland)).toEqual(['Sydney']);
  });

  it('reads a word the corpus lacks as the two words it uses that it is written from ("colourblind")', () => {
    const known = (t: string) => ({ colour: 2.5, blind: 3.1, driver: 1.0 })[t] ?? null;
    const a = analyseQuestion('im colourblind can i still be a train driver', known);
    expect(a.unknown.map((t) => t.word)).toEqual(['train']);
    expect(a.terms.alternatives[stem('colourblind')]).toEqual([stem('colour'), stem('blind')]);
    expect(analyseQuestion('is it stressful', known).unknown.map((t) => t.word)).toEqual(['stressful']);
  });

  it('counts the short forms of a role named in the question as the role, not as what is asked', () => {
    const admin: Role = { name: 'Salesforce Administrator', aliases: ['SA'], sources: [], documents: [] };
    const a = analyseQuestion('do SAs or salesforce admins code?', () => 1, [admin]);
    expect(a.topic.map((t) => t.word)).toEqual(['code']);
  });

  it('reads a role named short ("mech eng", "contract mech engineer") as that role, not a job the documents lack', () => {
    const me: Role = { name: 'Mechanical Engineer', aliases: [], sources: [], documents: [] };
    expect(scopeGaps(analyseQuestion('mech eng salary', idf, [me]), scope)).toEqual([]);
    expect(scopeGaps(analyseQuestion('contract mech engineer hourly rate', idf, [me]), scope)).toEqual([]);
    expect(scopeGaps(analyseQuestion('civil eng salary', idf, [me]), scope)).toEqual(['civil engineer']);
    const tae: Role = { name: 'Test Automation Engineer', aliases: [], sources: [], documents: [] };
    expect(scopeGaps(analyseQuestion('automation tester salary', idf, [tae]), scope)).toEqual([]);
  });

  it('reads a job title without the verbs and adverbs before it, and a bare job noun the corpus uses as known', () => {
    expect(scopeGaps(analyseQuestion('do hospitals actually hire engineers?', idf), scope)).toEqual([]);
    expect(scopeGaps(analyseQuestion('my engineer friend says ML is hard', idf), scope)).toEqual([]);
    expect(scopeGaps(analyseQuestion('do registered nurses code?', idf), scope)).toEqual(['registered nurses']);
    expect(scopeGaps(analyseQuestion('do civil engineers code?', idf), scope)).toEqual(['civil engineers']);
    expect(scopeGaps(analyseQuestion("I'm a nurse, how do I become a nurse practitioner?", idf), scope)).toEqual(['nurse practitioner']);
  });
});

describe('the noun a question is about', () => {
  const none = () => false;
  it.each([
    ['stock option vesting schedule', 'schedul'],
    ['whats the passing score for the aws security specialty exam?', 'score'],
    ["what's the standard notice period for QA jobs in the UK", 'period'],
    ['what metrics do ML engineers use to judge a model', 'metric'],
  ])('reads "%s" as about %s', (q, head) => {
    expect(headNoun(q, none)).toBe(head);
  });

  it('looks past nouns that only relate or hold a place ("the impact of AutoML", "the process")', () => {
    expect(headNoun('the impact of automl on hiring', none)).toBe('automl');
    expect(headNoun('the process for code reviews', none)).toBe('review');
  });

  it('skips phrases the caller ignores, such as the role itself', () => {
    expect(headNoun('ux designer junior to senior progression', (h) => h === 'design')).toBe('progress');
  });

  it('reads the nouns of the phrase with its head, leaving out the words the caller ignores', () => {
    expect(subjectNouns('the CBAP exam pass mark', none)).toEqual(['cbap', 'exam', 'pass', 'mark']);
    expect(subjectNouns('aws machine learning specialty certification worth it', (t) => t === 'machin' || t === 'learn')).toEqual([
      'aws',
      'specialti',
      'certif',
    ]);
  });

  it('has no head for questions that open with the asker or a verb', () => {
    expect(headNoun("I'm a Java dev, could I move into ML?", none)).toBeNull();
    expect(headNoun('will going remote tank my salary', none)).toBeNull();
    expect(headNoun('our apps lose data between them, who fixes that', none)).toBeNull();
  });
});
