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
