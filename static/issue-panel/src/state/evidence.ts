/** Evidence links in the editor: which URLs may be added. */
import { LIMITS, isHttpUrl, type EvidenceLink } from '../../../../src/domain/record/learning-record';
import { textLength } from '../../../../src/domain/record/text';

/** The sentence explaining why this URL cannot be added, or null when it can. */
export function evidenceUrlProblem(url: string, existing: readonly EvidenceLink[]): string | null {
  const value = url.trim();
  if (value === '') return 'Enter the link’s URL, starting with https://.';
  if (textLength(value) > LIMITS.evidenceUrlChars) return `A link may be at most ${LIMITS.evidenceUrlChars} characters.`;
  if (/^https?:\/\/[^/?#]*@/i.test(value)) return 'Links with a user name or password in them are not allowed: every reader would see it.';
  if (!isHttpUrl(value)) {
    return /^[a-z][a-z0-9+.-]*:/i.test(value) && !/^https?:/i.test(value)
      ? 'Only http:// and https:// links can be added.'
      : 'That is not a complete web address: it should start with https://.';
  }
  if (existing.some((link) => link.url === value)) return 'This link is already in the evidence.';
  if (existing.length >= LIMITS.evidence) return `At most ${LIMITS.evidence} evidence links: remove one to add another.`;
  return null;
}
