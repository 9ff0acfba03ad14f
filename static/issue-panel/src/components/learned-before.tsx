/**
 * "Learned before": earlier learnings from other issues (other teams first)
 * that match what is being written. Runs beside the editor and never blocks
 * it: debounced, quiet when nothing is relevant, a small retry on failure.
 */
import { UserText, withoutBidiControls } from '../../../shared/user-text';
import { useEffect, useReducer, useRef, useState } from 'react';
import Button from '@atlaskit/button/default/button';
import { token } from '@atlaskit/tokens';
import type { LearnedBeforeItem } from '../../../../src/contract/learned-before';
import type { EvidenceLink, LearningDraft } from '../../../../src/domain/record/learning-record';
import { call, openInProduct } from '../../../shared/bridge-client';
import { fullDate, timeAgo } from '../../../shared/format';
import { OutcomeLozenge, SurpriseMark, VisuallyHidden } from '../../../shared/learning-marks';
import { DEBOUNCE_MS, isLinked, learnedBeforePayloadOf, learnedBeforeReducer, questionKeyOf } from '../state/learned-before';
import { bodyText, card, subtleSmall } from '../../../shared/styles';

interface Props {
  draft: Pick<LearningDraft, 'hypothesis' | 'tags'>;
  /** Used while there is no hypothesis yet. */
  summary: string;
  /** Evidence already on the record or the draft: a linked learning shows as such. */
  evidence: readonly EvidenceLink[];
  canEdit: boolean;
  /** "This helped": the link to add to the draft (saved with it). */
  onHelped: (link: EvidenceLink) => void;
}

export function LearnedBefore({ draft, summary, evidence, canEdit, onHelped }: Props) {
  const [state, dispatch] = useReducer(learnedBeforeReducer, { status: 'idle' });
  const [expanded, setExpanded] = useState(true);
  const [retry, setRetry] = useState(0);
  const payload = learnedBeforePayloadOf(draft, summary);
  const key = questionKeyOf(payload);
  const latestPayload = useRef(payload);
  useEffect(() => {
    latestPayload.current = payload;
  });

  useEffect(() => {
    if (!key) {
      dispatch({ type: 'cleared' });
      return;
    }
    const timer = window.setTimeout(() => {
      const asked = latestPayload.current;
      if (!asked) return;
      dispatch({ type: 'asked', key });
      void call('learnedBefore/find', asked).then((result) => {
        dispatch(result.ok ? { type: 'answered', key, items: result.value.items } : { type: 'failed', key, error: result.error });
      });
    }, DEBOUNCE_MS);
    return () => {
      window.clearTimeout(timer);
    };
  }, [key, retry]);

  const items = state.status === 'idle' ? [] : state.items;
  if (state.status !== 'error' && items.length === 0) return null;

  return (
    <section
      aria-labelledby="ll-learned-before"
      style={{ ...card, display: 'grid', gap: token('space.100'), background: token('color.background.neutral.subtle') }}
    >
      <div style={{ display: 'flex', alignItems: 'center', gap: token('space.100'), justifyContent: 'space-between' }}>
        <h3 id="ll-learned-before" style={{ margin: 0, font: token('font.heading.xxsmall'), color: token('color.text.subtle') }}>
          Learned before
          {items.length > 0 ? <span style={{ ...subtleSmall, marginInlineStart: token('space.075') }}>{items.length}</span> : null}
          {state.status === 'loading' ? <VisuallyHidden> (updating)</VisuallyHidden> : null}
        </h3>
        <Button
          spacing="compact"
          appearance="subtle"
          aria-expanded={expanded}
          aria-controls="ll-learned-before-list"
          onClick={() => {
            setExpanded(!expanded);
          }}
        >
          {expanded ? 'Hide' : 'Show'}
        </Button>
      </div>
      {state.status === 'error' ? (
        <div role="status" style={{ display: 'flex', alignItems: 'center', gap: token('space.100') }}>
          <span style={subtleSmall}>Could not look for earlier learnings.</span>
          <Button
            spacing="compact"
            appearance="subtle"
            onClick={() => {
              setRetry((n) => n + 1);
            }}
          >
            Retry
          </Button>
        </div>
      ) : null}
      {expanded && items.length > 0 ? (
        <ul id="ll-learned-before-list" className="ll-list" style={{ display: 'grid', gap: token('space.100') }}>
          {items.map((item) => (
            <LearnedItem key={item.issue.id} item={item} linked={isLinked(evidence, item)} canEdit={canEdit} onHelped={onHelped} />
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function LearnedItem({
  item,
  linked,
  canEdit,
  onHelped,
}: {
  item: LearnedBeforeItem;
  linked: boolean;
  canEdit: boolean;
  onHelped: (link: EvidenceLink) => void;
}) {
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const helped = async () => {
    setSaving(true);
    setProblem(null);
    const result = await call('learnedBefore/markHelped', { sourceIssueKey: item.issue.key });
    setSaving(false);
    if (result.ok) onHelped(result.value.link);
    else setProblem(result.error.message);
  };
  return (
    <li aria-label={`${item.issue.key} ${item.issue.summary}`} style={{ display: 'grid', gap: token('space.050') }}>
      <div style={{ display: 'flex', alignItems: 'baseline', gap: token('space.075'), flexWrap: 'wrap' }}>
        <IssueKeyLink issueKey={item.issue.key} summary={item.issue.summary} />
        <span style={subtleSmall}>
          {item.issue.projectName || item.issue.projectKey}
          {item.otherTeam ? ' · another team' : ''}
        </span>
      </div>
      {item.hypothesis ? (
        <p dir="auto" style={{ ...bodyText, font: token('font.body.small') }}>
          {withoutBidiControls(item.hypothesis)}
        </p>
      ) : null}
      {item.learnings.length > 0 ? <FirstLearnings learnings={item.learnings} /> : null}
      <div style={{ display: 'flex', alignItems: 'center', gap: token('space.100'), flexWrap: 'wrap' }}>
        <OutcomeLozenge outcome={item.outcome} />
        <time dateTime={item.updatedAt} title={fullDate(item.updatedAt)} style={subtleSmall}>
          {timeAgo(item.updatedAt, new Date())}
        </time>
        {item.reasons.length > 0 ? <span style={subtleSmall}>· {item.reasons.join(' · ')}</span> : null}
        {linked ? (
          <span style={{ ...subtleSmall, color: token('color.text.success') }}>Added as evidence: save to keep it</span>
        ) : canEdit ? (
          <Button
            spacing="compact"
            appearance="default"
            isDisabled={saving}
            onClick={() => void helped()}
            aria-label={`This helped: add ${item.issue.key} as evidence`}
          >
            {saving ? 'Adding…' : 'This helped'}
          </Button>
        ) : null}
      </div>
      {problem ? (
        <p role="alert" style={{ ...subtleSmall, color: token('color.text.danger') }}>
          {problem}
        </p>
      ) : null}
    </li>
  );
}

/** The first three learnings of an earlier record, surprises marked. */
function FirstLearnings({ learnings }: { learnings: LearnedBeforeItem['learnings'] }) {
  return (
    <ul className="ll-list" style={{ display: 'grid', gap: token('space.025') }}>
      {learnings.slice(0, 3).map((entry, index) => (
        <li
          key={index}
          style={{
            ...bodyText,
            font: token('font.body.small'),
            paddingInlineStart: token('space.100'),
            borderInlineStart: `${token('border.width')} solid ${entry.surprise ? token('color.border.discovery') : token('color.border')}`,
          }}
        >
          <UserText text={entry.text} />
          {entry.surprise ? (
            <span style={{ marginInlineStart: token('space.050') }}>
              <SurpriseMark />
            </span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** The issue, opened through the host's router (a sandboxed iframe cannot navigate the site itself). */
export function IssueKeyLink({ issueKey, summary }: { issueKey: string; summary: string }) {
  return (
    <button
      type="button"
      onClick={() => void openInProduct(`/browse/${issueKey}`)}
      style={{
        all: 'unset',
        cursor: 'pointer',
        color: token('color.link'),
        font: token('font.body'),
        overflowWrap: 'anywhere',
      }}
      className="ll-text-action"
    >
      <span style={{ fontWeight: token('font.weight.semibold') }}>{issueKey}</span> {summary}
    </button>
  );
}
