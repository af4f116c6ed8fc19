import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { extract } from '../../src/index.js';
import { scoreAgainstSeed, seedText } from '../helpers.js';

const find = (text: string, surface: string) => extract(text).entities.filter((e) => e.text === surface);

describe('the seed article (the user\'s own sample)', () => {
  const doc = extract(seedText(), { source: 'seed' });
  const scores = scoreAgainstSeed(doc.entities);
  test.each(['PER', 'LOC', 'ORG'] as const)('exact-span F1 for %s is at least 0.95', (type) => {
    expect(scores[type].f1).toBeGreaterThanOrEqual(95);
  });
  test('every offset slices back to the reported text', () => {
    const cps = [...seedText()];
    for (const e of doc.entities) expect(cps.slice(e.start, e.end).join('')).toBe(e.text);
  });
  test('a bare family name shares the full name\'s id', () => {
    const full = doc.entities.find((e) => e.text === 'قاسم سليماني');
    const bare = doc.entities.filter((e) => e.text === 'سليماني');
    expect(full).toBeDefined();
    expect(bare.length).toBeGreaterThan(3);
    for (const b of bare) expect(b.id).toBe(full!.id);
  });
  test('clusters count mentions per entity', () => {
    const putin = doc.clusters.find((c) => c.texts.includes('بوتين'));
    expect(putin?.type).toBe('PER');
    expect(putin?.mentions).toBe(doc.entities.filter((e) => e.id === putin?.id).length);
  });
});

describe('recognition rules', () => {
  test('the proclitic stays outside the span', () => {
    const [e] = find('التي قام بها لموسكو الجنرال', 'موسكو');
    expect(e.type).toBe('LOC');
  });
  test('لل keeps the article lam inside the span', () => {
    const es = extract('بتقديم دعمه للجيش السوري واسناد', { descriptiveOrgs: true }).entities;
    expect(es.map((e) => [e.text, e.type])).toContainEqual(['لجيش السوري', 'ORG']);
    expect(extract('وصل وفد للامم المتحدة').entities.map((e) => e.text)).toContain('لامم المتحدة');
  });
  test('descriptive organisations (army, government + nationality) only when asked for', () => {
    const text = 'وقال الجيش الإسرائيلي ان الحكومة اللبنانية';
    expect(extract(text).entities.filter((e) => e.type === 'ORG')).toEqual([]);
    const asked = extract(text, { descriptiveOrgs: true }).entities.map((e) => e.text);
    expect(asked).toEqual(expect.arrayContaining(['الجيش الإسرائيلي', 'الحكومة اللبنانية']));
  });
  test('a media label stays outside the name', () => {
    const es = extract('وقالت قناة الجزيرة نقلا عن مراسلها').entities;
    expect(es.map((e) => [e.text, e.type])).toContainEqual(['الجزيرة', 'ORG']);
  });
  test('a speech verb introduces a person', () => {
    const es = extract('وأوضح كريم ماجد أن الخطة').entities;
    expect(es.map((e) => [e.text, e.type])).toContainEqual(['كريم ماجد', 'PER']);
  });
  test('the longest, most specific reading wins', () => {
    const es = extract('قائد فيلق القدس التابع').entities;
    expect(es.map((e) => [e.text, e.type])).toEqual([['فيلق القدس', 'ORG']]);
  });
  test('nationality adjectives are not places', () => {
    const es = extract('المسؤولين الروس والامريكيين والقوات السورية').entities;
    expect(es.filter((e) => e.type === 'LOC')).toEqual([]);
  });
  test('a title introduces a person the lexicon does not know', () => {
    const es = extract('وقال الجنرال زيد الحمداني إن').entities;
    expect(es.map((e) => [e.text, e.type])).toContainEqual(['زيد الحمداني', 'PER']);
  });
  test('an organisation head with a quoted name gives the quoted name', () => {
    const es = extract('نقلت صحيفة "الصباح الجديد" عن').entities;
    expect(es.map((e) => [e.text, e.type])).toContainEqual(['الصباح الجديد', 'ORG']);
  });
  test('a place head introduces an unknown place, head outside the span', () => {
    const es = extract('في قرية كفرنبودة شمال').entities;
    expect(es.map((e) => [e.text, e.type])).toContainEqual(['كفرنبودة', 'LOC']);
  });
  test('voweled and hamza-variant spellings match with exact original spans', () => {
    const text = 'زار بُوتِين إيران';
    const es = extract(text).entities;
    expect(es.map((e) => e.text)).toEqual(['بُوتِين', 'إيران']);
  });
  test('types can be filtered', () => {
    const es = extract('زار بوتين طهران', { types: ['LOC'] }).entities;
    expect(es.every((e) => e.type === 'LOC')).toBe(true);
    expect(es).toHaveLength(1);
  });
});

describe('properties', () => {
  const anyText = fc.string({ unit: fc.oneof(fc.constantFrom(...'ابتثجحخدسشصعغفقكلمنهوي ءأإآؤئىة ً ّ، «»"\n.ـ'.split('')), fc.string({ unit: 'binary', maxLength: 1 })), maxLength: 120 });
  test('never throws on arbitrary Unicode, and offsets always slice back to the text', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const doc = extract(s);
        const cps = [...s];
        for (const e of doc.entities) {
          expect(cps.slice(e.start, e.end).join('')).toBe(e.text);
          expect(e.end).toBeGreaterThan(e.start);
        }
      }),
      { numRuns: 300 },
    );
  });
  test('known names keep exact offsets inside random surroundings', () => {
    const names = ['موسكو', 'بوتين', 'حزب الله', 'العراق'];
    fc.assert(
      fc.property(fc.constantFrom(...names), fc.string({ unit: fc.constantFrom(...'ً😀 \u200B،'.split('')), maxLength: 6 }), fc.constantFrom('', 'و', 'ب', 'ل'), (name, pad, clitic) => {
        const text = `${pad} زار ${clitic}${name} ${pad}`;
        const doc = extract(text);
        const cps = [...text];
        const hit = doc.entities.find((e) => e.normalized.length > 0 && cps.slice(e.start, e.end).join('') === e.text && e.text.includes(name.split(' ')[0]));
        expect(hit).toBeDefined();
      }),
      { numRuns: 200 },
    );
  });
});

describe('persons from name words and name evidence (issue 12)', () => {
  const persons = (text: string) => extract(text).entities.filter((e) => e.type === 'PER').map((e) => e.text);
  test('a nationality noun + two name-like words is a person', () => {
    expect(persons('وسجل التشيكي بافل نيدفيد هدفا.')).toContain('بافل نيدفيد');
  });
  test('a particle continues a name', () => {
    expect(persons('وحضر اللقاء مارك فان بومل مع زملائه.')).toContain('مارك فان بومل');
  });
  test('a negation after a name does not', () => {
    expect(persons('وقال عدنان لا يفي بوعوده.').some((p) => p.includes('يفي'))).toBe(false);
  });
  test('و + a given name right after a known person is a second person', () => {
    expect(persons('وقال الرئيس جورج بوش وصبري إن المحادثات جيدة.')).toEqual(['جورج بوش', 'صبري']);
  });
  test('a title after a known person is not a coordinated name (وزير is not و + زير)', () => {
    expect(persons('وقال فوزي صلوخ وزير الخارجية إن')).not.toContain('وزير');
  });
  test('a name word is never tagged alone because it is on a list', () => {
    expect(persons('وصل ميلر إلى المدينة.')).toEqual([]);
  });
});

describe('Latin-script names inside Arabic text', () => {
  const typed = (text: string) => extract(text, { language: 'arb' }).entities.map((e) => [e.text, e.type]);
  test('a Latin gloss in brackets takes the type of the mention before it', () => {
    expect(typed('وقال رئيس جامعة "آستون" (Aston University) إن الطلاب عادوا')).toContainEqual(['Aston University', 'ORG']);
    expect(typed('ولد ألبرت أينشتاين (Albert Einstein) في ألمانيا')).toContainEqual(['Albert Einstein', 'PER']);
  });
  test('a bracketed Latin run after no mention is not glossed', () => {
    expect(typed('ولادة الهلال الفلكية (New Moon) قبل الغروب').map(([t]) => t)).not.toContain('New Moon');
  });
  test('a capitalised Latin run with an organisation word is an organisation', () => {
    expect(typed('وقعت اتفاقا مع Promethean Technologies Group البريطانية')).toContainEqual(['Promethean Technologies Group', 'ORG']);
    expect(typed('وقعت اتفاقا مع Free University of Berlin أمس')).toContainEqual(['Free University of Berlin', 'ORG']);
  });
  test('well-known Latin names are lexicon variants', () => {
    expect(typed('وقال مسؤول في مقابلة مع BBC إن الوضع صعب')).toContainEqual(['BBC', 'ORG']);
  });
});

describe('organisation labels as ANERcorp annotates them', () => {
  const orgs = (text: string) => extract(text, { language: 'arb' }).entities.filter((e) => e.type === 'ORG').map((e) => e.text);
  test('a label before a name that is also a word is part of the name', () => {
    expect(orgs('وقال إن تنظيم القاعدة نفذ الهجوم')).toContain('تنظيم القاعدة');
    expect(orgs('وقع خلاف بين حركة فتح والحكومة')).toContain('حركة فتح');
  });
  test('a label before an unambiguous name stays outside', () => {
    expect(orgs('وقال المتحدث باسم حركة حماس إن')).toContain('حماس');
  });
});

describe('sports results tables', () => {
  const typed = (text: string) => extract(text, { language: 'arb' }).entities.map((e) => [e.text, e.type]);
  test('name ( country ) - name ( country ): both names are clubs, the countries places', () => {
    const es = typed('نتائج المباريات :\nليل ( فرنسا ) - ميلان ( ايطاليا ) صفر - صفر .\nستيوا بوخارست ( رومانيا ) - ليون ( فرنسا ) صفر - 3 .');
    expect(es).toContainEqual(['ليل', 'ORG']);
    expect(es).toContainEqual(['ميلان', 'ORG']);
    expect(es).toContainEqual(['ليون', 'ORG']);
    expect(es).toContainEqual(['ستيوا بوخارست', 'ORG']);
    expect(es).toContainEqual(['فرنسا', 'LOC']);
  });
  test('a dateline city ( country ) - text stays a place', () => {
    expect(typed('ساو باولو ( البرازيل ) - أعلنت الحكومة البرازيلية أمس')).toContainEqual(['ساو باولو', 'LOC']);
  });
});

describe('company and media names closed by a nationality adjective', () => {
  const orgs = (text: string) => extract(text, { language: 'arb' }).entities.filter((e) => e.type === 'ORG').map((e) => e.text);
  test('label + unknown words + nationality adjective: the words are the name', () => {
    expect(orgs('وقدم السيد شيمزو من شركة شيودا اليابانية ورقة')).toContain('شيودا');
    expect(orgs('وقدم ممثل شركة كونكو فيليبس الأميركية ورقة')).toContain('كونكو فيليبس');
  });
  test('an adjective after the label is not a name', () => {
    expect(orgs('وقعت شركة صينية محلية عقدا مع شركة نفطية البريطانية')).toEqual([]);
  });
});

describe('dateline sources', () => {
  const typed = (text: string) => extract(text, { language: 'arb' }).entities.map((e) => [e.text, e.type]);
  test('place - source : the source is an organisation, even when it is also a place', () => {
    expect(typed('الدوحة - قنا : عقد أمير البلاد اجتماعا')).toContainEqual(['قنا', 'ORG']);
  });
});

describe('a bare family name repeating a person a rule found', () => {
  const full = 'سمير قندوزي';
  test('is the same person, with or without a clitic, under the rule that names its source', () => {
    for (const text of [
      'التقى الوزير أمس مع سمير قندوزي في العاصمة. وأكد قندوزي أن المحادثات كانت مثمرة، ثم غادر قندوزي القاعة.',
      'زار سمير قندوزي المصنع. وأشاد لقندوزي بالجهود.',
    ]) {
      const doc = extract(text);
      const head = doc.entities.find((e) => e.text === full);
      expect(head?.source).toBe('pattern');
      const repeats = doc.entities.filter((e) => e.text === 'قندوزي' && e.source === 'propagated');
      expect(repeats).toHaveLength(1);
      expect(repeats[0].type).toBe('PER');
      expect(repeats[0].rule).toBe(`family name of a found name (${head!.rule})`);
      expect(repeats[0].id).toBe(head!.id);
    }
  });
  test('is left alone where it is part of a longer name (after بن, before a given name)', () => {
    for (const text of ['زار سمير قندوزي المصنع. ثم وصل بن قندوزي إلى المدينة.', 'زار سمير قندوزي المصنع. ثم وصل قندوزي حسن إلى المدينة.']) {
      expect(extract(text).entities.filter((e) => e.source === 'propagated')).toEqual([]);
    }
  });
});

describe('a bare given name repeating the first word of a person found in the document', () => {
  test('is that person, with or without a clitic', () => {
    for (const text of ['وصل الكاتب سيمون بيركوفيتش إلى المطار مساء أمس. وبعد ساعة عاد سيمون إلى الفندق.', 'وصل الكاتب سيمون بيركوفيتش إلى المطار. وشكر لسيمون الحضور.']) {
      const doc = extract(text);
      const head = doc.entities.find((e) => e.text === 'سيمون بيركوفيتش');
      expect(head?.type).toBe('PER');
      const repeats = doc.entities.filter((e) => e.text === 'سيمون');
      expect(repeats).toHaveLength(1);
      expect(repeats[0].source).toBe('propagated');
      expect(repeats[0].rule).toBe(`given name of a found name (${head!.rule})`);
      expect(repeats[0].id).toBe(head!.id);
    }
  });
  test('is not tagged after بن (a longer name)', () => {
    const doc = extract('وصل الكاتب سيمون بيركوفيتش إلى المطار. ثم وصل بن سيمون إلى المدينة.');
    expect(doc.entities.filter((e) => e.source === 'propagated')).toEqual([]);
  });
});
