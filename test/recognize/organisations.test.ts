import { describe, expect, test } from '@jest/globals';
import { extract } from '../../src/index.js';

const typed = (text: string) => extract(text, { language: 'arb' }).entities.map((e) => [e.text, e.type]);
const orgs = (text: string) => extract(text, { language: 'arb' }).entities.filter((e) => e.type === 'ORG').map((e) => e.text);

describe('organisation names headed by a label word with the article (issue 12)', () => {
  test('الوكالة + its adjective is the whole name, not a label before a name', () => {
    expect(typed('ومدير الوكالة الدولية للطاقة الذرية محمد البرادعي')).toContainEqual(['الوكالة الدولية للطاقة الذرية', 'ORG']);
    expect(typed('وقال مندوب إيران لدى الوكالة الذرية إن بلاده')).toContainEqual(['الوكالة الذرية', 'ORG']);
  });
  test('the name without its head is not a name', () => {
    expect(orgs('وتعمل المنظمات الدولية للطاقة الذرية على ذلك')).toEqual([]);
  });
  test('a nationality adjective after the label stays a description', () => {
    expect(orgs('وفي تصريحات للتلفزيون الأردني أمس أكد')).toEqual([]);
  });
  test('النادي, a label listed with its article, still leaves the club name alone', () => {
    expect(orgs('وأصدر النادي الأهلي بيانا أمس')).toContain('الأهلي');
  });
});

describe('a club followed by its country adjective in a sports passage (sport-nationality)', () => {
  test('a place before a masculine nationality adjective is the club', () => {
    expect(typed('وسجل المهاجم هدفين في المباراة أمام فريق الريان ، على عكس قطر القطري الذي خسر')).toContainEqual(['قطر', 'ORG']);
  });
  test('an unknown name before the adjective and a score is the club', () => {
    expect(typed('وقال المدرب إن الفريق تعادل مع بيهورا الروماني 1 - 1 في المباراة الأولى')).toContainEqual(['بيهورا', 'ORG']);
  });
  test('a nationality noun before a person is not a club; outside sport the place stays a place', () => {
    expect(orgs('وفي بقية مباريات الدور الثاني فاز الروسي نيكولاي دافيدنكو على منافسه')).toEqual([]);
    expect(typed('وصلت الطائرة إلى مطار عمان الأردني ثم إلى دمشق')).toContainEqual(['عمان', 'LOC']);
    expect(orgs('والتقى اللاعب مع نظيره الأسترالي قبل المباراة')).toEqual([]);
  });
});

describe('a club listed with its country adjective: the adjective stays outside', () => {
  test('النصر العماني is tagged النصر', () => {
    const es = typed('وتأهل الفريق إلى قبل النهائي بفوزه أمس على النصر العماني 2 / 1');
    expect(es).toContainEqual(['النصر', 'ORG']);
    expect(es.map((e) => e[0])).not.toContain('النصر العماني');
  });
  test('an organisation that is no club keeps its adjective', () => {
    expect(typed('وقال مسؤول في الاتحاد الأوروبي إن القرار نهائي')).toContainEqual(['الاتحاد الأوروبي', 'ORG']);
  });
});

describe('a name alone in brackets with an organisation reading (org-bracketed)', () => {
  test('( الراية ) is the newspaper', () => {
    expect(typed('ويكمل كورت حديثه ل ( الراية ) قائلاً : أهم شيء')).toContainEqual(['الراية', 'ORG']);
  });
  test('it vouches for that mention only; a common word in brackets is a gloss', () => {
    // (At most the bracketed one: the later الهلال is the crescent.)
    expect(orgs('وهذا يعني ان القمر ( الهلال ) قد وجد في السماء . وولادة الهلال الفلكية تسبق ذلك').length).toBeLessThanOrEqual(1);
    expect(orgs('ولد في 14 آذار ( مارس ) 1879')).toEqual([]);
  });
});

describe('org-head: the name keeps its لل- complement (issue 12 precision)', () => {
  test('a school head + foreign name + لل- complement is one name', () => {
    expect(orgs('وعمل أستاذا في معهد غرونستادت للتكنولوجيا قرب المدينة')).toContain('معهد غرونستادت للتكنولوجيا');
    expect(orgs('ودرس في جامعة غرونستادت للعلوم والتكنولوجيا')).toContain('جامعة غرونستادت للعلوم والتكنولوجيا');
  });
  test('a verb with و + ال after a foreign name, or a common لل- word, is not part of the name', () => {
    expect(orgs('ودرس في جامعة غرونستادت والتحق بعدها بالعمل')).toEqual(['جامعة غرونستادت']);
  });
});
