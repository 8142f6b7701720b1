import { describe, expect, it } from 'vitest';
import type { Role } from '../../src/domain/knowledge.js';
import { understand } from '../../src/query/intent.js';

const role = (name: string): Role => ({ name, aliases: [], sources: [], documents: [] });
const roles = ['Cloud Security Engineer', 'Data Analyst', 'Data Engineer', 'DevOps Engineer', 'Product Manager', 'UX Designer'].map(role);
const named = (q: string) => understand(q, roles).roles.map((r) => r.name);

describe('roles named casually in pay questions', () => {
  it('finds a role by the words that set it apart, without its job noun', () => {
    expect(named('how much do entry lvl cloud security ppl make')).toEqual(['Cloud Security Engineer']);
    expect(named('what do devops folks earn in berlin')).toEqual(['DevOps Engineer']);
    expect(named('ux salary in austin')).toEqual(['UX Designer']);
  });

  it('does not guess from a word several roles share, or from one word that is not about people', () => {
    expect(named('what do data people make')).toEqual([]);
    expect(named('how much does product analytics software cost to make')).toEqual([]);
  });

  it('finds a role named short beside one named in full ("an electrician or an HVAC tech")', () => {
    const trades = ['Electrician', 'HVAC Technician'].map(role);
    expect(understand('torn between an electrician or an HVAC tech, which pays better?', trades).roles.map((r) => r.name)).toEqual([
      'Electrician',
      'HVAC Technician',
    ]);
  });

  it('finds a role named by its qualifier and a word for people in any question ("a backend guy")', () => {
    const seed = ['Backend Engineer', 'Backend Machine Learning Engineer', 'Machine Learning Engineer'].map(role);
    const asked = (q: string) => understand(q, seed).roles.map((r) => r.name);
    expect(asked('whats the overlap between what a backend guy does and what an ML engineer does')).toEqual(['Machine Learning Engineer', 'Backend Engineer']);
    expect(asked('do backend folks ever work weekends')).toEqual(['Backend Engineer']);
    // A longer qualifier written out is still that role.
    expect(asked('do backend machine learning folks ever work weekends')).toEqual(['Backend Machine Learning Engineer']);
  });

  it('leaves questions that are not about pay alone', () => {
    expect(named('cloud security certifications')).toEqual([]);
  });

  it('does not read "earn while you learn" as a pay question', () => {
    expect(understand('are there any earn-while-you-learn options for data engineers?', roles).intent).not.toBe('salary');
    expect(understand('what do data engineers earn', roles).intent).toBe('salary');
    expect(understand('data engineers in texas make how much an hour?', roles).intent).toBe('salary');
    // Chat's "grad" is read as "graduate": "new grad" is still the junior level.
    expect(understand('whats the pay like for a new grad data engineer', roles).level).toBe('junior');
    expect(understand('do data engineers need to know paid ads?', roles).intent).not.toBe('salary');
  });
});

describe('roles named with words of their name left out', () => {
  const catalog = ['Cloud Solutions Architect', 'Cloud Security Engineer', 'Commercial Pilot'].map(role);
  const of = (q: string) => understand(q, catalog).roles.map((r) => r.name);

  it('finds the one role whose name the words are part of, in pay questions and others', () => {
    expect(of('solutions architect india salary')).toEqual(['Cloud Solutions Architect']);
    expect(of('who earns more, a captain or a principal cloud architect?')).toEqual(['Cloud Solutions Architect']);
    expect(of('what does a cloud architect do all day')).toEqual(['Cloud Solutions Architect']);
  });

  it('outside pay questions, does not take the last words of a name for the role: they are often a job of their own', () => {
    expect(of('what do security engineers do')).toEqual([]);
    expect(of('security engineer salary')).toEqual(['Cloud Security Engineer']);
  });

  it('compares a role named in part with one named in full', () => {
    expect(of('compare cloud architect and commercial pilot')).toEqual(['Cloud Solutions Architect', 'Commercial Pilot']);
  });
});

describe('pay questions without a pay word', () => {
  it('reads an offer with an amount as a pay question', () => {
    expect(understand("I'm a UX designer offered $100k in Austin - is that low or fine?", roles).intent).toBe('salary');
  });

  it('leaves an amount without a role alone', () => {
    expect(understand('is a $15k bootcamp worth it?', roles).intent).not.toBe('salary');
  });
});

describe('questions about getting into a job', () => {
  it.each([
    'how do I become a data analyst',
    'how to break into data engineering',
    'how can someone get into ux design?',
    'how do i qualify',
    'how do i get in',
    'what qualifications do i need to be a data analyst',
    'what quals do i need',
  ])('reads "%s" as asking the way in', (q) => {
    expect(understand(q, roles).intent).toBe('education');
  });

  it('leaves "what does a data analyst become later" alone', () => {
    expect(understand('what do data analysts become later in their careers', roles).intent).not.toBe('education');
  });
});

describe('questions about where a job leads', () => {
  it.each([
    'physio career progression nhs',
    'how do testers move up',
    "what's next after senior data analyst",
    'how long to make partner',
    'data analyst career path',
  ])('reads "%s" as asking about progression', (q) => {
    expect(understand(q, roles).intent).toBe('progression');
  });
});

describe('questions about what a role does', () => {
  it.each(['ux designer typical tasks', 'data analyst duties', 'product manager responsibilities'])('reads "%s" as asking what the role does', (q) => {
    expect(understand(q, roles).intent).toBe('role');
  });
});

describe('pay questions', () => {
  it.each(['what daily rate could a contract data analyst charge', 'ux designer hourly rates', 'data engineer day rate'])('reads "%s" as about pay', (q) => {
    expect(understand(q, roles).intent).toBe('salary');
  });
});

describe('asking how to get into a role', () => {
  it.each(['im a carpenter, could i become a data engineer?', 'can i still become a data analyst with a history degree', 'should i retrain as a UX designer'])(
    'reads "%s" as a question about the route in',
    (q) => {
      expect(understand(q, roles).intent).toBe('education');
    },
  );
});

describe('asking which roles the documents cover', () => {
  it.each(['list all roles', 'what jobs can you tell me about', 'show me the careers', 'what roles do you have'])(
    'reads "%s" as a request for the role list',
    (q) => {
      expect(understand(q, roles).intent).toBe('roles');
    },
  );

  it('leaves questions about jobs in general alone', () => {
    expect(understand('what jobs can a data analyst move into', roles).intent).not.toBe('roles');
  });
});

describe('a job named by a trade nickname', () => {
  it('reads "long haul truckers" as the Long-Haul Truck Driver, in pay questions and others', () => {
    const trucking = [role('Long-Haul Truck Driver'), role('Mechanical Engineer')];
    expect(understand('ok what about long haul truckers, what do they make', trucking).roles.map((r) => r.name)).toEqual(['Long-Haul Truck Driver']);
    expect(understand('do long-haul truckers sleep in the truck', trucking).roles.map((r) => r.name)).toEqual(['Long-Haul Truck Driver']);
  });
});

describe('a job named by the doer of a word of its name', () => {
  const testing = [role('Test Automation Engineer'), role('Train Driver'), role('Data Engineer')];
  const names = (q: string) => understand(q, testing).roles.map((r) => r.name);

  it('reads "automation testers" as the Test Automation Engineer (a tester tests)', () => {
    expect(names('do automation testers deal with flaky tests a lot??')).toEqual(['Test Automation Engineer']);
    expect(names('automation tester salary uk')).toEqual(['Test Automation Engineer']);
  });

  it('needs another word of the name beside it: "testers" or "personal trainers" name nobody', () => {
    expect(names('do testers need to code')).toEqual([]);
    expect(names('what do personal trainers earn')).toEqual([]);
  });
});
