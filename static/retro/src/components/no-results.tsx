/** What an empty list says: nothing matches a custom JQL, no surprises (offer everything), or nothing learned yet. */
import { Notice } from '../../../shared/notice';
import { NoSurprises } from './empty-states';

interface Props {
  custom: boolean;
  surprisesShown: boolean;
  sprintName: string;
  learningsInSprint: number;
  onBackToSurprises: () => void;
  onEverything: () => void;
}

export function NoResults({ custom, surprisesShown, sprintName, learningsInSprint, onBackToSurprises, onEverything }: Props) {
  return custom ? (
    <Notice
      appearance="information"
      title="Nothing matches this JQL"
      actions={[{ label: 'Back to the sprint\u2019s surprises', onClick: onBackToSurprises }]}
    >
      <p style={{ margin: 0 }}>No issue with learnings matches it, or you cannot browse the ones that do.</p>
    </Notice>
  ) : surprisesShown ? (
    <NoSurprises
      sprintName={sprintName}
      learnings={learningsInSprint}
      actions={learningsInSprint > 0 ? [{ label: 'Everything we learned this sprint', onClick: onEverything }] : []}
    />
  ) : (
    <Notice appearance="information" title={`Nothing learned in ${sprintName} yet`}>
      <p style={{ margin: 0 }}>Write a hypothesis and what you learn in the Hypothesis / What we learned panel of the sprint's issues.</p>
    </Notice>
  );
}
