import {
  HIDDEN_LINK_TITLE,
  hideLinkedIssues,
  linkedIssueIdOf,
  linkedIssueIdsOf,
  linkedIssueLinkId,
  restoreHiddenLinks,
} from '../../src/domain/record/evidence-visibility';
import { draftOf } from '../../src/domain/record/learning-record';
import { aDraft, aRecord } from '../support/learning-mother';

const helped = {
  id: linkedIssueLinkId('10009'),
  url: 'https://site.example/browse/GROW-9',
  title: 'Learned before: GROW-9 Referral credit',
};
const plain = { id: 'l1', url: 'https://analytics.example/dash', title: 'Dashboard' };
const record = aRecord({ ...aDraft().withHypothesis('H').build(), evidence: [plain, helped] });

describe('"This helped" links and who may read them', () => {
  it('knows which links point at an earlier issue', () => {
    expect(linkedIssueIdOf(helped)).toBe('10009');
    expect(linkedIssueIdOf(plain)).toBeNull();
    expect(linkedIssueIdsOf([record, record])).toEqual(['10009']);
  });

  it('shows a reader who cannot browse the earlier issue a placeholder without its key or summary', () => {
    const shown = hideLinkedIssues(record, new Set(['10009']));
    expect(shown.evidence).toEqual([plain, { id: helped.id, url: 'https://site.example/', title: HIDDEN_LINK_TITLE }]);
    expect(JSON.stringify(shown)).not.toMatch(/GROW-9|Referral/);
    expect(hideLinkedIssues(record, new Set())).toBe(record);
  });

  it('puts the stored link back when that reader saves, so hiding loses nothing', () => {
    const seen = draftOf(hideLinkedIssues(record, new Set(['10009'])));
    expect(restoreHiddenLinks(seen, record).evidence).toEqual([plain, helped]);
  });

  it('drops a placeholder with nothing stored behind it, and leaves other drafts alone', () => {
    const forged = {
      ...draftOf(record),
      evidence: [{ id: linkedIssueLinkId('777'), url: 'https://site.example/', title: HIDDEN_LINK_TITLE }],
    };
    expect(restoreHiddenLinks(forged, record).evidence).toEqual([]);
    const untouched = draftOf(record);
    expect(restoreHiddenLinks(untouched, null)).toBe(untouched);
  });
});
