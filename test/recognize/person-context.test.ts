import { describe, expect, test } from '@jest/globals';
import { extract } from '../../src/index.js';

/** [text, type, rule] of every mention of a text. */
const mentions = (text: string) => extract(text).entities.map((e) => [e.text, e.type, e.rule]);

describe('a name after a title that no list has (rules title-run, title-name-word)', () => {
  test('two name-like words after a title are the name, though the first is on no list', () => {
    expect(mentions('وقال المدرب فلادو ستويكوفيتش إن الفريق جاهز')).toContainEqual(['فلادو ستويكوفيتش', 'PER', 'title-run']);
  });
  test('one imported name word after a title, before a function word, is a name', () => {
    expect(mentions('وقال المدرب فلادو إن الفريق جاهز')).toContainEqual(['فلادو', 'PER', 'title-name-word']);
  });
  test('a name word after a title followed by its object is a verbal noun, not a name', () => {
    expect(mentions('وقال الرئيس السوري ترسيم الحدود')).toEqual([]);
  });
});

describe('the speaker of نقل عن X قوله (rule speech-report)', () => {
  test('the words between عن and قوله are the person quoted', () => {
    expect(mentions('ونقلت الوكالة عن كاستيلو قوله إن المفاوضات مستمرة')).toContainEqual(['كاستيلو', 'PER', 'speech-report']);
  });
  test('a source described by common words is not a person', () => {
    expect(mentions('ونقلت الصحيفة عن مصدر عسكري قوله إن الهجوم فشل')).toEqual([]);
  });
});

describe('the family name after a first name of the non-Arab world', () => {
  test('is not a word with the article or a و-word of the sentence', () => {
    expect(mentions('ورفض جوزيه الإفصاح عن خطته')).toEqual([]);
    expect(mentions('ويكمل كورت وينتظره')).toEqual([]);
  });
  test('after و, a name-like family name makes a name of the list', () => {
    expect(mentions('وكان في الاجتماع ولاري هوشمان المدير السابق')).toContainEqual(['لاري هوشمان', 'PER', 'given-name']);
  });
  test('after و, a word that is also a foreign first name followed by the sentence is not a name', () => {
    expect(mentions('كان وليا للعهد في ذلك الوقت')).toEqual([]);
  });
});

describe('verbs of saying from lexicons/words/person-context.tsv', () => {
  test('introduce their subject', () => {
    expect(mentions('واعترف كوبرينكو بأن الفريق لم يستعد')).toContainEqual(['كوبرينكو', 'PER', 'speech-verb']);
  });
});

describe('a nationality used as a noun + one foreign name (rule nationality-name-one)', () => {
  test('before a function word or punctuation, the name is a person', () => {
    expect(mentions('وسجل الهدف الثاني الكاميروني صامويل في الدقيقة 40')).toContainEqual(['صامويل', 'PER', 'nationality-name-one']);
  });
  test('not after a feminine adjective of the noun before', () => {
    expect(mentions('إن الشركة الصينية غيرت خططها')).toEqual([]);
  });
});

describe('a kunya written as one word (أبوالعلا) as the family name', () => {
  test('ends a given name as a known family name does', () => {
    expect(mentions('التقى الوزير مع أحمد أبوالعلا أمس')).toContainEqual(['أحمد أبوالعلا', 'PER', 'given-name']);
  });
  test('a noun with a pronoun (أبوابها, its doors) is not one', () => {
    expect(mentions('وأغلقت المحلات أبوابها')).toEqual([]);
  });
});
