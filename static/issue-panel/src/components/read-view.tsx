/** The compact read view of a learning record. */
import { useEffect, useRef } from 'react';
import Button from '@atlaskit/button/default/button';
import AddIcon from '@atlaskit/icon/core/add';
import EditIcon from '@atlaskit/icon/core/edit';
import { token } from '@atlaskit/tokens';
import type { LearningRecord, SizeReport } from '../../../../src/domain/record/learning-record';
import { CONFIDENCE_LABELS, fullDate, shortDate, timeAgo } from '../../../shared/format';
import { PersonName } from '../../../shared/people-names';
import { LearnedBeforeReuses } from './learned-before-reuses';
import { EvidenceAnchor, OutcomeLozenge, SectionLabel, SurpriseMark, Tag, VisuallyHidden } from '../../../shared/learning-marks';
import { SizeMeter } from './size-meter';
import { bodyText, subtleSmall } from '../../../shared/styles';
import { UserText, withoutBidiControls } from '../../../shared/user-text';

interface Props {
  record: LearningRecord;
  size: SizeReport;
  canEdit: boolean;
  viewerAccountId: string;
  now: Date;
  onEdit: () => void;
  onAddLearning: () => void;
  onHistory: () => void;
  /** Set when coming back from editing or history, so keyboard focus lands on an action again, not on the page. */
  takeFocus?: boolean;
}

export function ReadView({ record, size, canEdit, viewerAccountId, now, onEdit, onAddLearning, onHistory, takeFocus }: Props) {
  return (
    <div style={{ display: 'grid', gap: token('space.200') }}>
      <HypothesisSection record={record} />

      <LearningsSection record={record} />

      {record.tags.length > 0 || record.evidence.length > 0 ? <TagsAndEvidence record={record} /> : null}

      <LearnedBeforeReuses />

      <ReadFooter
        record={record}
        canEdit={canEdit}
        viewerAccountId={viewerAccountId}
        now={now}
        onEdit={onEdit}
        onAddLearning={onAddLearning}
        onHistory={onHistory}
        takeFocus={takeFocus}
      />
      {size.level !== 'ok' && canEdit ? <SizeMeter size={size} /> : null}
    </div>
  );
}

function HypothesisSection({ record }: { record: LearningRecord }) {
  return (
    <section aria-labelledby="ll-hypothesis" style={{ display: 'grid', gap: token('space.050') }}>
      <div style={{ display: 'flex', alignItems: 'center', gap: token('space.100'), flexWrap: 'wrap' }}>
        <SectionLabel id="ll-hypothesis">Hypothesis</SectionLabel>
        <OutcomeLozenge outcome={record.outcome} />
        {record.confidence ? <span style={subtleSmall}>Confidence: {CONFIDENCE_LABELS[record.confidence].toLowerCase()}</span> : null}
      </div>
      {record.hypothesis ? (
        <>
          <p dir="auto" style={bodyText}>
            {withoutBidiControls(record.hypothesis)}
          </p>
          {record.hypothesisAt ? (
            <p style={subtleSmall}>
              Hypothesis written{' '}
              <time dateTime={record.hypothesisAt} title={fullDate(record.hypothesisAt)}>
                {shortDate(record.hypothesisAt)}
              </time>
            </p>
          ) : null}
        </>
      ) : (
        <p style={{ ...bodyText, color: token('color.text.subtlest') }}>No hypothesis written yet.</p>
      )}
    </section>
  );
}

function LearningsSection({ record }: { record: LearningRecord }) {
  const surprises = record.learnings.filter((entry) => entry.surprise).length;
  return (
    <section aria-labelledby="ll-learned" style={{ display: 'grid', gap: token('space.075') }}>
      <SectionLabel id="ll-learned">
        What we learned
        {record.learnings.length > 0 ? (
          <span style={{ ...subtleSmall, marginInlineStart: token('space.075') }}>
            {record.learnings.length}
            {surprises ? ` · ${surprises} surprising` : ''}
          </span>
        ) : null}
      </SectionLabel>
      {record.learnings.length === 0 ? (
        <p style={{ ...bodyText, color: token('color.text.subtlest') }}>Nothing learned yet.</p>
      ) : (
        <ul className="ll-list" style={{ display: 'grid', gap: token('space.075') }}>
          {record.learnings.map((entry) => (
            <li
              key={entry.id}
              style={{
                display: 'flex',
                gap: token('space.100'),
                alignItems: 'baseline',
                paddingInlineStart: token('space.100'),
                borderInlineStart: `${token('border.width.selected')} solid ${
                  entry.surprise ? token('color.border.discovery') : token('color.border')
                }`,
              }}
            >
              <span style={{ ...bodyText, flex: 1 }}>
                <UserText text={entry.text} />
                {entry.surprise ? (
                  <span style={{ marginInlineStart: token('space.075'), whiteSpace: 'nowrap' }}>
                    <SurpriseMark />
                  </span>
                ) : null}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function TagsAndEvidence({ record }: { record: LearningRecord }) {
  return (
    <div style={{ display: 'grid', gap: token('space.100') }}>
      {record.tags.length > 0 ? (
        <div style={{ display: 'flex', gap: token('space.050'), flexWrap: 'wrap', alignItems: 'center' }}>
          <VisuallyHidden>Tags:</VisuallyHidden>
          {record.tags.map((tag) => (
            <Tag key={tag}>
              <UserText text={tag} />
            </Tag>
          ))}
        </div>
      ) : null}
      {record.evidence.length > 0 ? (
        <section aria-labelledby="ll-evidence" style={{ display: 'grid', gap: token('space.050') }}>
          <SectionLabel id="ll-evidence">Evidence</SectionLabel>
          <ul className="ll-list" style={{ display: 'grid', gap: token('space.025') }}>
            {record.evidence.map((link) => (
              <li key={link.id}>
                <EvidenceAnchor link={link} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

/** When it was updated and by whom, and the actions; takes keyboard focus when coming back to the read view. */
function ReadFooter({ record, canEdit, viewerAccountId, now, onEdit, onAddLearning, onHistory, takeFocus }: Omit<Props, 'size'>) {
  const editButton = useRef<HTMLButtonElement>(null);
  const historyButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (takeFocus) (editButton.current ?? historyButton.current)?.focus();
  }, [takeFocus]);
  return (
    <div
      style={{
        display: 'flex',
        alignItems: 'center',
        gap: token('space.100'),
        flexWrap: 'wrap',
        justifyContent: 'space-between',
      }}
    >
      <p style={subtleSmall}>
        Updated{' '}
        <time dateTime={record.updatedAt} title={fullDate(record.updatedAt)}>
          {timeAgo(record.updatedAt, now)}
        </time>{' '}
        by <PersonName accountId={record.updatedBy} viewerAccountId={viewerAccountId} /> · revision {record.revision}
      </p>
      <div style={{ display: 'flex', gap: token('space.050'), flexWrap: 'wrap' }}>
        {canEdit ? (
          <>
            <Button ref={editButton} appearance="default" spacing="compact" iconBefore={EditIcon} onClick={onEdit}>
              Edit
            </Button>
            <Button appearance="subtle" spacing="compact" iconBefore={AddIcon} onClick={onAddLearning}>
              Add a learning
            </Button>
          </>
        ) : null}
        <Button ref={historyButton} appearance="subtle" spacing="compact" onClick={onHistory}>
          History
        </Button>
      </div>
    </div>
  );
}
