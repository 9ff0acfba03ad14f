/**
 * "What we hoped to learn" in the retro export: each of the sprint's learning goals with how
 * the team answered it, what it learned instead, its owner and the tickets that tested it.
 * Every piece of a person's text is a text node (ADF and mdast), as in the rest of the export.
 */
import { em, heading, link, paragraph, status, strong, text } from '@atlaskit/adf-utils/builders';
import type { RootContent } from 'mdast';
import { GOAL_ANSWER_LABELS, type GoalAnswer } from '../sprint-goals/goals-document';
import { clean, issueUrlOf, oneLine } from './export-model';
import * as md from './markdown-writer';

/** A goal as exported: the owner's name already looked up, only the tickets the person may browse. */
export interface ExportedGoal {
  question: string;
  answer: GoalAnswer;
  answerNote: string;
  ownerName: string | null;
  issueKeys: string[];
  /** The name of the sprint it was carried over to, when it was. */
  carriedToSprint: string | null;
}

type Block = ReturnType<typeof paragraph> | ReturnType<ReturnType<typeof heading>>;

export const GOALS_HEADING = 'What we hoped to learn';

const ANSWER_COLOURS: Record<GoalAnswer, 'blue' | 'green' | 'yellow' | 'red'> = {
  open: 'blue',
  answered: 'green',
  partly: 'yellow',
  'not-answered': 'red',
};

/** An answered goal's note says what was learned; the others' what was learned instead. */
const noteLabelOf = (goal: ExportedGoal): string => (goal.answer === 'answered' ? 'What we learned:' : 'What we learned instead:');

/** "Owner: … · carried over to …": the goal's last line, empty when it has neither. */
function trailerOf(goal: ExportedGoal): string {
  const parts: string[] = [];
  if (goal.ownerName) parts.push(`Owner: ${oneLine(goal.ownerName)}`);
  if (goal.carriedToSprint) parts.push(`carried over to ${oneLine(goal.carriedToSprint)}`);
  return parts.join(' · ');
}

export function goalsAdf(goals: readonly ExportedGoal[], siteUrl: string | null, ids: () => string): Block[] {
  if (goals.length === 0) return [];
  const blocks: Block[] = [heading({ level: 3 })(text(GOALS_HEADING))];
  for (const goal of goals) {
    const label = GOAL_ANSWER_LABELS[goal.answer];
    const question = clean(goal.question).trim();
    blocks.push(
      paragraph(
        status({ text: label.toUpperCase(), color: ANSWER_COLOURS[goal.answer], localId: ids() }),
        ...(question ? [text(` ${question}`)] : []),
      ),
    );
    const note = clean(goal.answerNote).trim();
    if (note) blocks.push(paragraph(strong(`${noteLabelOf(goal)} `), text(note)));
    if (goal.issueKeys.length > 0) {
      const keys = goal.issueKeys.flatMap((key, i) => {
        const href = issueUrlOf(siteUrl, key);
        return [...(i > 0 ? [text(', ')] : []), href ? link({ href })(key) : text(key)];
      });
      blocks.push(paragraph(strong('Tickets: '), ...keys));
    }
    const trailer = trailerOf(goal);
    if (trailer) blocks.push(paragraph(em(trailer)));
  }
  return blocks;
}

export function goalsMarkdown(goals: readonly ExportedGoal[], siteUrl: string | null): RootContent[] {
  if (goals.length === 0) return [];
  const blocks: RootContent[] = [md.heading(3, md.text(GOALS_HEADING))];
  for (const goal of goals) {
    blocks.push(md.labelled(`${GOAL_ANSWER_LABELS[goal.answer]}:`, oneLine(goal.question)));
    const note = oneLine(goal.answerNote);
    if (note) blocks.push(md.labelled(noteLabelOf(goal), note));
    if (goal.issueKeys.length > 0) {
      const keys = goal.issueKeys.flatMap((key, i) => [...(i > 0 ? [md.text(', ')] : []), ...md.linked(key, issueUrlOf(siteUrl, key))]);
      blocks.push(md.paragraph(md.strong('Tickets:'), md.text(' '), ...keys));
    }
    const trailer = trailerOf(goal);
    if (trailer) blocks.push(md.paragraph(md.emphasis(trailer)));
  }
  return blocks;
}
