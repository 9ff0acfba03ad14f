/** The count line: the whole result's total, linking to Jira's issue navigator with the macro's query, and how much is loaded. */
import { OutboundLink } from '../../../shared/outbound-link';
import { plural } from '../../../shared/format';
import { loadedWords, navigatorLink, totalWords, type Total } from '../state/total';

interface Props {
  loaded: number;
  total: Total | null;
  /** The JQL the macro ran: the navigator shows the same issues. */
  jql: string;
  siteUrl: string | null;
}

export function TotalLine({ loaded, total, jql, siteUrl }: Props) {
  if (!total) return <>{plural(loaded, 'issue')} with learnings so far.</>;
  const link = navigatorLink(siteUrl, jql);
  return (
    <>
      <OutboundLink href={link.href} open={link.path} title="Open these issues in Jira's issue navigator">
        {totalWords(total)}
      </OutboundLink>
      {total.approximate ? ` · ${loadedWords(loaded, total)}` : ''}.
    </>
  );
}
