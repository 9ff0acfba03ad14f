import { epicJql, epicKeyOf, epicSearchJql } from '../../src/domain/macro/epic-query';

describe("the epic preset's JQL", () => {
  it('searches recent epics, one epic by key, or epics by the words typed (the last as a prefix)', () => {
    expect(epicSearchJql('  ')).toBe('issuetype = Epic ORDER BY updated DESC');
    expect(epicSearchJql(' flex-101 ')).toBe('issuetype = Epic AND key = "FLEX-101"');
    expect(epicSearchJql('refunds for low-pri')).toBe('issuetype = Epic AND summary ~ "refunds for low pri*" ORDER BY updated DESC');
  });

  it('lets only letters and digits of the text into the query', () => {
    expect(epicSearchJql('") OR project = GROW --')).toBe('issuetype = Epic AND summary ~ "OR project GROW*" ORDER BY updated DESC');
    expect(epicSearchJql('*ref?nd \\ "')).toBe('issuetype = Epic AND summary ~ "ref nd*" ORDER BY updated DESC');
    expect(epicSearchJql('Éte ünï')).toBe('issuetype = Epic AND summary ~ "Éte ünï*" ORDER BY updated DESC');
    expect(epicSearchJql('a b c d e f g h i j')).toBe('issuetype = Epic AND summary ~ "a b c d e f g h*" ORDER BY updated DESC');
  });

  it('writes the epic and its children, and reads the epic back from that query only', () => {
    expect(epicJql('SHOP-2')).toBe('parent = SHOP-2 OR key = SHOP-2');
    expect(epicKeyOf('parent = SHOP-2 OR key = SHOP-2')).toBe('SHOP-2');
    expect(epicKeyOf(' parent=shop-2  or  key = SHOP-2 ')).toBe('SHOP-2');
    expect(epicKeyOf('parent = SHOP-2 OR key = SHOP-3')).toBeNull();
    expect(epicKeyOf('parent = SHOP-2 OR key = SHOP-2 AND learningSurprise = "true"')).toBeNull();
    expect(epicKeyOf('learningUpdated >= -90d')).toBeNull();
  });
});
