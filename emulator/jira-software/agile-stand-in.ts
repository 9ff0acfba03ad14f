/**
 * The Jira Software Agile REST API the app uses: boards of a project, their
 * sprints, one sprint, and the issues of a sprint. One scrum board per
 * project (its id is the project's id, as the Sprint field already says).
 * Permission-filtered like Jira: a board or sprint of a project you cannot
 * browse does not exist for you.
 */
import type { ExtraRoute, JiraSearch, RouteAnswer, RouteRequest, SearchActor } from '../jira/search/search-service';
import { selectFields } from '../jira/search/search-service';
import type { LocalStore, ProjectRow, SprintRow } from '../store/local-store';

const BOARD_NOT_FOUND = 'Board does not exist or you do not have permission to see it.';
const SPRINT_NOT_FOUND = 'Sprint does not exist or you do not have permission to view it.';
const STATES = ['future', 'active', 'closed'] as const;

/** Agile pages: 50 by default; boards and sprints up to 50, issues up to 100 per page. */
export const AGILE_LIMITS = { defaultMaxResults: 50, maxBoardsOrSprints: 50, maxIssues: 100 } as const;

const answer = (status: number, body: unknown): RouteAnswer => ({ status, body });
const errors = (status: number, ...messages: string[]) => answer(status, { errorMessages: messages, errors: {} });

export const boardIdOf = (project: ProjectRow): number => Number(project.id);

export class AgileStandIn {
  constructor(
    private readonly store: LocalStore,
    private readonly search: JiraSearch,
    private readonly siteUrl: () => string,
  ) {}

  routes(): ExtraRoute[] {
    return [
      { method: 'GET', template: '/rest/agile/1.0/board', handle: (r) => this.boards(r) },
      { method: 'GET', template: '/rest/agile/1.0/board/{boardId}', handle: (r, [b = '']) => this.board(r, b) },
      { method: 'GET', template: '/rest/agile/1.0/board/{boardId}/sprint', handle: (r, [b = '']) => this.boardSprints(r, b) },
      {
        method: 'GET',
        template: '/rest/agile/1.0/board/{boardId}/sprint/{sprintId}/issue',
        handle: (r, [b = '', s = '']) => this.sprintIssues(r, s, b),
      },
      { method: 'GET', template: '/rest/agile/1.0/sprint/{sprintId}', handle: (r, [s = '']) => this.sprint(r, s) },
      { method: 'GET', template: '/rest/agile/1.0/sprint/{sprintId}/issue', handle: (r, [s = '']) => this.sprintIssues(r, s) },
    ];
  }

  private visibleProjects(actor: SearchActor): ProjectRow[] {
    return this.store.listProjects().filter((p) => this.search.canBrowse(actor, p.key));
  }

  private boardJson(project: ProjectRow): Record<string, unknown> {
    const site = this.siteUrl();
    const id = boardIdOf(project);
    return {
      id,
      self: `${site}/rest/agile/1.0/board/${id}`,
      name: `${project.key} board`,
      type: 'scrum',
      location: {
        projectId: Number(project.id),
        displayName: `${project.name} (${project.key})`,
        projectName: project.name,
        projectKey: project.key,
        projectTypeKey: 'software',
        avatarURI: `${site}/__local/avatar/project-${project.key.toLowerCase()}.svg`,
        name: `${project.name} (${project.key})`,
      },
    };
  }

  private sprintJson(sprint: SprintRow): Record<string, unknown> {
    const project = this.store.getProject(sprint.projectKey);
    const out: Record<string, unknown> = {
      id: sprint.id,
      self: `${this.siteUrl()}/rest/agile/1.0/sprint/${sprint.id}`,
      state: sprint.state,
      name: sprint.name,
      startDate: sprint.startDate,
      endDate: sprint.endDate,
    };
    if (sprint.state === 'closed') out.completeDate = sprint.completeDate ?? sprint.endDate;
    out.createdDate = new Date(Date.parse(sprint.startDate) - 3 * 86_400_000).toISOString();
    out.originBoardId = project ? boardIdOf(project) : null;
    out.goal = sprint.goal ?? '';
    return out;
  }

  private page<T>(
    req: RouteRequest,
    all: T[],
    cap: number,
  ): { startAt: number; maxResults: number; values: T[]; isLast: boolean; total: number } {
    const startAt = Math.max(0, Number(req.url.searchParams.get('startAt') ?? 0) || 0);
    const asked = Number(req.url.searchParams.get('maxResults') ?? AGILE_LIMITS.defaultMaxResults);
    const maxResults = Math.min(Number.isFinite(asked) && asked > 0 ? asked : AGILE_LIMITS.defaultMaxResults, cap);
    const values = all.slice(startAt, startAt + maxResults);
    return { startAt, maxResults, values, isLast: startAt + values.length >= all.length, total: all.length };
  }

  private findBoard(actor: SearchActor, boardId: string): ProjectRow | undefined {
    return this.visibleProjects(actor).find((p) => String(boardIdOf(p)) === boardId);
  }

  private findSprint(actor: SearchActor, sprintId: string): SprintRow | undefined {
    if (!/^\d+$/.test(sprintId)) return undefined;
    const sprint = this.store.getSprint(Number(sprintId));
    return sprint && this.search.canBrowse(actor, sprint.projectKey) ? sprint : undefined;
  }

  private boards(req: RouteRequest): RouteAnswer {
    let projects = this.visibleProjects(req.actor);
    const ref = req.url.searchParams.get('projectKeyOrId');
    if (ref) {
      const project = projects.find((p) => p.key === ref.toUpperCase() || p.id === ref);
      if (!project) return errors(400, `No project could be found with key or id '${ref}'.`);
      projects = [project];
    }
    const type = req.url.searchParams.get('type');
    if (type && !type.split(',').includes('scrum')) projects = [];
    const name = req.url.searchParams.get('name');
    const boards = projects.map((p) => this.boardJson(p)).filter((b) => !name || String(b.name).toLowerCase().includes(name.toLowerCase()));
    const { startAt, maxResults, values, isLast, total } = this.page(req, boards, AGILE_LIMITS.maxBoardsOrSprints);
    return answer(200, { maxResults, startAt, total, isLast, values });
  }

  private board(req: RouteRequest, boardId: string): RouteAnswer {
    const project = this.findBoard(req.actor, boardId);
    return project ? answer(200, this.boardJson(project)) : errors(404, BOARD_NOT_FOUND);
  }

  private boardSprints(req: RouteRequest, boardId: string): RouteAnswer {
    const project = this.findBoard(req.actor, boardId);
    if (!project) return errors(404, BOARD_NOT_FOUND);
    const stateParam = req.url.searchParams
      .getAll('state')
      .flatMap((s) => s.split(','))
      .map((s) => s.trim().toLowerCase())
      .filter(Boolean);
    const bad = stateParam.filter((s) => !(STATES as readonly string[]).includes(s));
    if (bad.length > 0) return errors(400, `The sprint state '${bad[0]}' is not valid. Valid states are: future, active, closed.`);
    const order = { closed: 0, active: 1, future: 2 } as const;
    const sprints = this.store
      .listSprints(project.key)
      .filter((s) => stateParam.length === 0 || stateParam.includes(s.state))
      .sort((a, b) => order[a.state] - order[b.state] || Date.parse(a.startDate) - Date.parse(b.startDate) || a.id - b.id);
    const { startAt, maxResults, values, isLast, total } = this.page(req, sprints, AGILE_LIMITS.maxBoardsOrSprints);
    // As the spec's example: isLast, maxResults, startAt, total, values.
    return answer(200, { isLast, maxResults, startAt, total, values: values.map((s) => this.sprintJson(s)) });
  }

  private sprint(req: RouteRequest, sprintId: string): RouteAnswer {
    const sprint = this.findSprint(req.actor, sprintId);
    return sprint ? answer(200, this.sprintJson(sprint)) : errors(404, SPRINT_NOT_FOUND);
  }

  private sprintIssues(req: RouteRequest, sprintId: string, boardId?: string): RouteAnswer {
    if (boardId !== undefined && !this.findBoard(req.actor, boardId)) return errors(404, BOARD_NOT_FOUND);
    const sprint = this.findSprint(req.actor, sprintId);
    if (!sprint) return errors(404, SPRINT_NOT_FOUND);
    const properties = req.url.searchParams
      .getAll('properties')
      .flatMap((p) => p.split(','))
      .map((p) => p.trim())
      .filter(Boolean);
    if (properties.length > 5) return errors(400, 'The number of properties requested exceeds the limit of 5.');
    const inSprint = this.store.listIssues().filter((i) => i.sprintId === sprint.id);
    // The optional jql narrows the sprint's issues; without it, board order (rank).
    const jql = req.url.searchParams.get('jql');
    const { compiled, issues } = this.search.run(req.actor, jql && jql.trim() ? jql : 'ORDER BY rank ASC', { within: inSprint });
    if (compiled.errors.length > 0) return answer(400, { errorMessages: compiled.errors, errors: {} });
    const fields = req.url.searchParams
      .getAll('fields')
      .flatMap((f) => f.split(','))
      .map((f) => f.trim())
      .filter(Boolean);
    const selection = selectFields(fields, true);
    const { startAt, maxResults, values, total } = this.page(req, issues, AGILE_LIMITS.maxIssues);
    return answer(200, {
      expand: 'schema,names',
      startAt,
      maxResults,
      total,
      issues: values.map((issue) => this.search.renderIssue(issue, { ...selection, full: true }, properties)),
    });
  }
}
