/** Empty states that say what to do next. */
import type { ReactNode } from 'react';
import { token } from '@atlaskit/tokens';
import { Notice, type NoticeAction } from '../../../shared/notice';

export function NoBoard({ projectKey }: { projectKey: string }) {
  return (
    <Notice appearance="information" title={`${projectKey} has no board with sprints`}>
      <p style={{ margin: 0 }}>
        This view follows a Scrum board's sprints. Create a Scrum board for {projectKey} (or ask a Jira admin to), start a sprint, and its
        surprises will appear here.
      </p>
    </Notice>
  );
}

export function NoSprint({ boardName, hasFuture }: { boardName: string; hasFuture: boolean }) {
  return (
    <Notice appearance="information" title={`No sprint has started on ${boardName} yet`}>
      <p style={{ margin: 0 }}>
        {hasFuture
          ? 'The sprints planned on this board are listed in the picker. Once one starts, what the team learns in it shows up here.'
          : 'Plan and start a sprint on this board; what the team learns in it shows up here.'}
      </p>
    </Notice>
  );
}

export function HowToFlag({ children }: { children?: ReactNode }) {
  return (
    <p style={{ margin: 0 }}>
      To flag one: open an issue of the sprint, and in its <strong>Hypothesis / What we learned</strong> panel turn on{' '}
      <strong>Surprise</strong> next to a learning (or press <kbd style={{ font: token('font.code') }}>Alt+S</kbd> while editing it).{' '}
      {children}
    </p>
  );
}

export function NoSurprises({ sprintName, learnings, actions }: { sprintName: string; learnings: number; actions: NoticeAction[] }) {
  return (
    <Notice appearance="information" title={`No surprises flagged in ${sprintName} yet`} actions={actions}>
      <HowToFlag>
        {learnings > 0
          ? `The team has captured ${learnings === 1 ? 'one learning' : `${learnings} learnings`} in this sprint so far.`
          : null}
      </HowToFlag>
    </Notice>
  );
}
