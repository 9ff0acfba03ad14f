/**
 * One team's hypothesis coverage growing sprint after sprint (issue #16's demo story): of the
 * tickets it resolves in a sprint, a set share carry a learning record with a hypothesis; the rest
 * are resolved with no record at all. A quota, not a dice roll, so the charts show the trend itself.
 */
import type { IssueRow } from '../emulator';
import type { SprintWindow } from './demo-generated-types';

export interface CoverageStory {
  projectKey: string;
  /** The target share of resolved tickets with a record, by sprint name ("GROW Sprint 18"). */
  shareBySprint: Readonly<Record<string, number>>;
}

/** GROW writes hypotheses on a fifth of its resolved tickets six sprints ago, and on four in five now. */
export const GROW_COVERAGE_STORY: CoverageStory = {
  projectKey: 'GROW',
  shareBySprint: {
    'GROW Sprint 18': 0.15,
    'GROW Sprint 19': 0.3,
    'GROW Sprint 20': 0.45,
    'GROW Sprint 21': 0.6,
    'GROW Sprint 22': 0.85,
    'GROW Sprint 23': 0.85,
  },
};

export interface RecordChoice {
  projectKey: string;
  window: SprintWindow | null;
  status: IssueRow['status'];
  /** A bug's fix is not an experiment: it never carries a record. */
  mayHaveRecord: boolean;
  /** What the seeded roll chose, kept wherever the story sets no quota. */
  rolled: boolean;
}

/** Decides which generated tickets carry a record, holding each story sprint's resolved tickets to its share. */
export class CoverageQuota {
  private readonly counts = new Map<string, { resolved: number; withRecord: number }>();

  constructor(private readonly story: CoverageStory | undefined) {}

  hasRecord({ projectKey, window, status, mayHaveRecord, rolled }: RecordChoice): boolean {
    const sprintName = window?.sprint.name ?? '';
    const share = this.story?.projectKey === projectKey ? this.story.shareBySprint[sprintName] : undefined;
    if (share === undefined || status !== 'Done') return rolled;
    const count = this.counts.get(sprintName) ?? { resolved: 0, withRecord: 0 };
    count.resolved++;
    const wanted = mayHaveRecord && count.withRecord < Math.round(share * count.resolved);
    if (wanted) count.withRecord++;
    this.counts.set(sprintName, count);
    return wanted;
  }
}
