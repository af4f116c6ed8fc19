import { describe, expect, test } from '@jest/globals';
import { bareStems, procliticAnalyses } from '../../src/text/clitics.js';

const forms = (t: string): string[] => procliticAnalyses(t).map((a) => a.form);
const skipOf = (t: string, form: string): number | undefined => procliticAnalyses(t).find((a) => a.form === form)?.skip;

describe('proclitics', () => {
  test('the whole token comes first', () => {
    expect(forms('بوتين')[0]).toBe('بوتين');
  });
  test('single proclitics و ف ب ك ل', () => {
    expect(skipOf('لموسكو', 'موسكو')).toBe(1);
    expect(skipOf('وسوريا', 'سوريا')).toBe(1);
    expect(skipOf('فالعراق', 'العراق')).toBe(1);
    expect(skipOf('بسوريا', 'سوريا')).toBe(1);
    expect(skipOf('كقائد', 'قائد')).toBe(1);
  });
  test('combinations وب، ول، فب keep the article', () => {
    expect(skipOf('وبالعراق', 'العراق')).toBe(2);
    expect(skipOf('ولسوريا', 'سوريا')).toBe(2);
  });
  test('لل is ل + ال: the span starts at the second lam', () => {
    expect(skipOf('للجيش', 'الجيش')).toBe(1);
    expect(skipOf('وللجيش', 'الجيش')).toBe(2);
    expect(skipOf('فللحرس', 'الحرس')).toBe(2);
  });
  test('stems stay at least two letters', () => {
    expect(forms('بل')).toEqual(['بل']);
  });
  test('bare stems drop the article too', () => {
    expect(bareStems('والرئيس')).toContain('رئيس');
    expect(bareStems('للرئيس')).toContain('رئيس');
  });
});
