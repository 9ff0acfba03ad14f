import { loadedWords, navigatorLink, totalOf, totalWords } from '../../static/learnings-macro/src/state/total';

describe("the macro's total", () => {
  it('is exact once everything is loaded, and needs no estimate', () => {
    expect(totalOf(211, false, null)).toEqual({ count: 211, approximate: false });
    expect(totalOf(211, false, 190)).toEqual({ count: 211, approximate: false });
    expect(totalWords({ count: 211, approximate: false })).toBe('211 issues with learnings');
    expect(totalWords({ count: 1, approximate: false })).toBe('1 issue with learnings');
  });

  it("is Jira's estimate while more is to load, never fewer than is loaded plus one", () => {
    expect(totalOf(100, true, null)).toBeNull();
    expect(totalOf(100, true, 211)).toEqual({ count: 211, approximate: true });
    expect(totalOf(100, true, 90)).toEqual({ count: 101, approximate: true });
    expect(totalWords({ count: 1234, approximate: true })).toBe('about 1,234 issues with learnings');
    expect(loadedWords(100, { count: 211, approximate: true })).toBe('100 of about 211 loaded');
    expect(loadedWords(100, null)).toBe('100 loaded');
  });

  it("links to Jira's issue navigator with the JQL, through the router's path and as a full address", () => {
    expect(navigatorLink('https://acme.atlassian.net/', 'project = FLEX AND learningOutcome IS NOT EMPTY')).toEqual({
      path: '/issues/?jql=project%20%3D%20FLEX%20AND%20learningOutcome%20IS%20NOT%20EMPTY',
      href: 'https://acme.atlassian.net/issues/?jql=project%20%3D%20FLEX%20AND%20learningOutcome%20IS%20NOT%20EMPTY',
    });
    expect(navigatorLink(null, 'a = "b"').href).toBe('/issues/?jql=a%20%3D%20%22b%22');
  });
});
