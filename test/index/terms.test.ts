import { describe, expect, it } from 'vitest';
import { gradeTerms, isFraming, normaliseChat, queryTerms, queryWords, stem, terms } from '../../src/index/terms.js';
import { roleKey } from '../../src/ingest/knowledge/role-names.js';

describe('terms', () => {
  it('folds British "-isation" spellings onto "-ization" on both sides', () => {
    expect(terms('localisation and organisations')).toEqual(terms('localization and organizations'));
    expect(terms('promise of precise work')).toEqual(['promis', 'precis', 'work']);
    expect(roleKey('Localisation Engineers')).toBe(roleKey('localization engineer'));
  });

  it.each([
    ['a PE licence', 'a PE license'],
    ['HR advisers', 'HR advisors'],
    ['a training programme', 'a training program'],
    ['an approved centre', 'an approved center'],
    ['organise and specialise', 'organize and specialize'],
    ['colour and labour', 'color and labor'],
    ['travelling', 'traveling'],
    ['to analyse', 'to analyze'],
  ])('meets the British and American spellings of a word ("%s", "%s") on both sides', (british, american) => {
    expect(terms(british)).toEqual(terms(american));
    expect(queryWords(british).map((w) => w.term)).toEqual(terms(american));
  });

  it('meets British and American spellings in a role name ("HR Adviser" is an "hr advisor")', () => {
    expect(roleKey('HR Adviser')).toBe(roleKey('hr advisor'));
    expect(roleKey('Programme Manager')).toBe(roleKey('program manager'));
  });

  it('reads chat greetings inside a question as framing ("yo whats a TAM do")', () => {
    expect(['yo', 'ya', 'sup'].every(isFraming)).toBe(true);
    expect(isFraming('localization')).toBe(false);
  });

  it('reads a judgement asked of the topic as framing ("or is that overkill")', () => {
    const topic = (q: string) =>
      queryWords(q)
        .filter((w) => !w.framing)
        .map((w) => w.word);
    expect(topic('do pms need to know sql or is that overkill')).toEqual(['pms', 'sql']);
    expect(topic('is a masters worth it or is the hype a myth')).toEqual(['masters']);
  });

  it('reads chat short forms as the words they stand for ("tho", "smth", "grad", "tech cos")', () => {
    const topic = (q: string) =>
      queryWords(q)
        .filter((w) => !w.framing)
        .map((w) => w.word);
    expect(topic('how much maths do u really need tho')).toEqual(['maths']);
    expect(topic('is there a bootcamp or smth')).toEqual(['bootcamp']);
    expect(topic('wats the pay like for devops')).toEqual(['pay', 'devops']);
    expect(topic('grad pay at tech cos')).toEqual(['graduate', 'pay', 'tech', 'companies']);
  });

  it('reads "compare" as asking for a comparison, like "vs", not as what is compared', () => {
    expect(queryTerms('compare vet tech and vet assistant').topic).not.toContain(stem('compare'));
  });

  it('reads "realistic", "reasonable" and "decent" as framing and "incl" as "including"', () => {
    expect(queryTerms('What day rate is realistic?').topic).not.toContain(stem('realistic'));
    expect(queryTerms('is that incl super').own).not.toContain('incl');
  });

  it('reads how precise an answer should be as framing ("ballpark", "loads of")', () => {
    expect(['ballpark', 'loads'].every(isFraming)).toBe(true);
  });

  it('lets a remote-work question match what pages say of hybrid work', () => {
    expect(queryTerms('can firmware engineers work remotely').alternatives[stem('remotely')]).toContain(stem('hybrid'));
    expect(queryTerms('is it a hybrid role').alternatives[stem('hybrid')]).toBeUndefined();
  });

  it('lets career progression meet a career path, and other job titles meet what a role is also called', () => {
    expect(queryTerms('data engineer career progression').alternatives[stem('progression')]).toContain(stem('path'));
    expect(queryTerms('technical writer other job title').alternatives[stem('title')]).toContain(stem('called'));
  });

  it('keeps an exam or form code whole ("AZ-305", "B-13"), the same in questions and passages', () => {
    expect(terms('requires passing exam AZ-305 ($165)')).toContain('az305');
    expect(queryWords('AZ-305 exam fee').map((w) => w.term)).toEqual(['az305', 'exam', 'fee']);
  });

  it('keeps a numbered grade after an acronym as one term ("CRA II", "CRA 1s", "SQE 1"), the same in questions and passages', () => {
    expect(terms('A CRA II monitors independently; a CRA I has support.')).toEqual(['cra', 'cra2', 'monitor', 'independ', 'cra', 'cra1', 'support']);
    expect(queryWords('what do CRA 1s make').map((w) => w.term)).toContain('cra1');
    expect(gradeTerms('UK CRA II: £40,000; SQE 1 and SQE 2')).toEqual(['cra2', 'sqe1', 'sqe2']);
    // Not a pronoun after a word, nor a figure.
    expect(gradeTerms('As a nurse I work nights; UK 2024 pay rose 3%')).toEqual([]);
  });

  it('reads nouns a general stop-word list carries as topics ("from home", "test centre", "computer science")', () => {
    expect(['home', 'test', 'computer', 'course'].some(isFraming)).toBe(false);
    expect(['numbers', 'whereas', 'thereafter'].every(isFraming)).toBe(true);
  });

  it('reads "percentage" as the "percent" pages write', () => {
    expect(terms('CRA travel percentage')).toEqual(terms('CRA travel percent'));
  });

  it('reads "on call", "on-call" and "on call rota" as one term, the same in questions and passages', () => {
    expect(terms('There is no on-call rota')).toEqual(terms('on call rota'));
    expect(queryTerms('grc analyst on call').topic).toContain(terms('on-call')[0]);
  });

  it('reads being paged or woken up at night as on-call', () => {
    const onCall = terms('on-call')[0] ?? '';
    expect(queryTerms('do finops analysts get paged at 3am').alternatives[stem('paged')]).toContain(onCall);
    expect(queryTerms('would I get woken up at night by alerts').alternatives[stem('woken')]).toContain(onCall);
    expect(Object.values(queryTerms('what do finops analysts do at 3 levels').alternatives).flat()).not.toContain(onCall);
  });

  it('reads "comp sci" as computer science, "data sci" as data science and "xmas" as Christmas, while "comp" alone stays compensation', () => {
    expect(normaliseChat('no comp sci degree, busy at xmas, total comp')).toBe('no computer science degree, busy at christmas, total compensation');
    expect(normaliseChat('between coding and data sci??')).toBe('between coding and data science??');
    expect(normaliseChat('at a big org, which dept, project mgmt? other orgs')).toBe(
      'at a big organisation, which department, project management? other organisations',
    );
  });

  it('lets weekly tasks meet a typical week and an hourly rate meet pay an hour', () => {
    expect(queryTerms('grc analyst weekly tasks').alternatives[stem('weekly')]).toContain(stem('week'));
    expect(queryTerms('senior hourly rate').alternatives[stem('hourly')]).toContain(stem('hour'));
  });

  it('reads trade nicknames as the jobs they name ("sparkies", "a chippy")', () => {
    expect(normaliseChat('how much do sparkies earn, and a chippy?')).toBe('how much do electricians earn, and a carpenter?');
  });

  it('reads a trucker or a truckie as a truck driver', () => {
    expect(normaliseChat('what do long haul truckers make, and a truckie?')).toBe('what do long haul truck drivers make, and a truck driver?');
  });

  it('reads "next role" and "go next" as career progression', () => {
    expect(queryTerms('supply chain analyst next role').topic).toEqual(expect.arrayContaining(terms('career progression')));
    expect(queryTerms('where do grc analysts go next').topic).toEqual(expect.arrayContaining(terms('career progression')));
  });
});
