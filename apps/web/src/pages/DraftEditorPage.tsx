import { useEffect, useMemo, useRef, useState, type ChangeEvent } from 'react';
import { errorMessage } from '../api/client';
import { Api } from '../api/endpoints';
import type { UploadProgress } from '../api/client';
import type { Attachment, DraftVersion, HistoryEvent, TaskDetail, TaskUpdate, UnitCode } from '../api/types';
import { ExtensionRequestPanel, RequestContributionsPanel } from '../components/ActionPanels';
import { ConfirmDialog } from '../components/Dialog';
import { FileInput } from '../components/FileInput';
import { ErrorBox, Loading, Notice, PageTitle, type NoticeState } from '../components/Feedback';
import { AttachmentList, ContributionList, findReturnEvent, ReturnReason, TaskSummary } from '../components/TaskParts';
import { setFlash } from '../lib/flash';
import { formatBytes, formatDate, formatDateTime } from '../lib/format';
import { headOfUnit, unitName } from '../lib/labels';
import { Link, navigate, useLeaveGuard } from '../lib/router';
import { useConfig, useSession } from '../lib/session';
import { actionError, isStepClosed, STEP_CLOSED_TEXT } from '../lib/stepAction';
import { can, mergeUpdate, stepFor } from '../lib/taskActions';
import { useAsync } from '../lib/useAsync';

const LEAVE_TEXT = 'Bạn có nội dung dự thảo chưa lưu. Rời trang sẽ mất các thay đổi này. Bạn vẫn muốn rời đi?';

/**
 * The assignee writes the product: versions, files, contributions, then submits it up the chain. What the page lets
 * the user do follows the server's `allowedActions` (saveDraft, addAttachment, submit, requestContributions,
 * requestExtension); after an action it shows the task the action answered with and reads the trail again.
 */
export function DraftEditorPage({ taskId }: { taskId: string }) {
  const { user, refreshInboxCount } = useSession();
  const data = useAsync(async () => {
    const [task, history] = await Promise.all([Api.task(taskId), Api.history(taskId)]);
    return { task, history };
  }, [taskId]);
  const [local, setLocal] = useState<{ base: unknown; task: TaskDetail; history: HistoryEvent[] } | null>(null);

  if (!data.data) {
    return (
      <>
        <p className="backlink">
          <Link to="/viec-cua-toi">← Việc của tôi</Link>
        </p>
        <PageTitle title="Soạn dự thảo">Soạn dự thảo</PageTitle>
        {data.error ? <ErrorBox message={data.error} onRetry={() => void data.reload()} /> : <Loading />}
      </>
    );
  }

  const base = data.data;
  const fresh = local && local.base === base ? local : null;
  const task = fresh?.task ?? base.task;
  const history = fresh?.history ?? base.history;
  // The part I draft: the DRAFT step the server lets me write on (a task led by several units has one per unit).
  const myStep = stepFor(task, 'saveDraft', { unit: user?.unit?.code ?? null });
  const unit = (myStep?.unit ?? user?.unit?.code ?? task.leadUnit.code) as UnitCode;

  // Functional: two updates of one submission (the version saved, then the file) both count.
  const update: Updater = (updated, keep = {}) => {
    setLocal((prev) => {
      const current = prev && prev.base === base ? prev : { base, task: base.task, history: base.history };
      const merged = mergeUpdate(current.task, updated ?? current.task);
      return {
        ...current,
        task: {
          ...merged,
          ...(keep.drafts ? { drafts: keep.drafts(merged.drafts ?? []) } : {}),
          ...(keep.attachments ? { attachments: keep.attachments(merged.attachments ?? []) } : {}),
        },
      };
    });
    void refreshInboxCount();
    if (updated) {
      Api.history(taskId)
        .then((h) => setLocal((prev) => (prev && prev.base === base ? { ...prev, history: h } : prev)))
        .catch(() => undefined);
    }
  };

  return (
    <Editor
      key={task.id}
      task={task}
      history={history}
      stepId={myStep?.stepId}
      unit={unit}
      update={update}
      reload={async () => {
        setLocal(null);
        await data.reload();
        await refreshInboxCount();
      }}
    />
  );
}

/**
 * Applies an action's answer (null: nothing new from the server); `keep` adds what the answer does not carry (the
 * version just saved, the file just uploaded) to the drafts and attachments the page has.
 */
type Updater = (
  updated: TaskUpdate | null,
  keep?: { drafts?: (drafts: DraftVersion[]) => DraftVersion[]; attachments?: (attachments: Attachment[]) => Attachment[] },
) => void;

function Editor({
  task,
  history,
  stepId,
  unit,
  update,
  reload,
}: {
  task: TaskDetail;
  history: HistoryEvent[];
  stepId: string | undefined;
  unit: UnitCode;
  update: Updater;
  reload: () => Promise<void>;
}) {
  const { user } = useSession();
  const config = useConfig();
  const myDrafts = useMemo(
    () => (task.drafts ?? []).filter((d) => d.unit === unit).sort((a, b) => b.version - a.version),
    [task.drafts, unit],
  );
  const latest: DraftVersion | undefined = myDrafts[0];
  const [saved, setSaved] = useState(latest?.content ?? '');
  const [content, setContent] = useState(latest?.content ?? '');
  const [notice, setNotice] = useState<NoticeState | null>(null);
  const [saving, setSaving] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const [confirmSubmit, setConfirmSubmit] = useState(false);
  const [note, setNote] = useState('');
  const [submitting, setSubmitting] = useState(false);
  /** What the submission is doing now: saving the draft, uploading the chosen file, or submitting. */
  const [phase, setPhase] = useState<'saving' | 'uploading' | 'submitting' | null>(null);
  const [progress, setProgress] = useState<(UploadProgress & { name: string }) | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const editorRef = useRef<HTMLTextAreaElement>(null);
  const dirty = content !== saved;
  const part = task.parts?.find((p) => p.unit === unit);
  const canEdit = can(task, 'saveDraft');
  const canUpload = can(task, 'addAttachment');
  // "Trình duyệt" saves unsaved text first (saveDraft), after which the server lists `submit` (it needs a version).
  const canSubmit = can(task, 'submit') || canEdit;
  const extensionStep = stepFor(task, 'requestExtension', { mine: stepId ? [stepId] : [], unit });
  const returnReason = part?.returnReason ?? (task.status === 'RETURNED' ? task.lastReturnReason : null);

  useLeaveGuard(
    dirty || Boolean(file),
    dirty ? LEAVE_TEXT : `Bạn đã chọn tệp “${file?.name ?? ''}” nhưng chưa tải lên. Rời trang sẽ bỏ tệp này. Bạn vẫn muốn rời đi?`,
  );

  // When a new version arrives from the server and nothing is being edited, show it.
  useEffect(() => {
    if (latest && !dirty) {
      setSaved(latest.content);
      setContent(latest.content);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [latest?.version]);

  const save = async (): Promise<boolean> => {
    if (!content.trim()) {
      setNotice({ kind: 'error', text: 'Dự thảo đang trống. Vui lòng nhập nội dung trước khi lưu.' });
      editorRef.current?.focus();
      return false;
    }
    setSaving(true);
    setNotice(null);
    try {
      const updated = await Api.saveDraft(task.id, content);
      const version = updated.parts?.find((p) => p.unit === unit)?.draftVersion ?? (latest?.version ?? 0) + 1;
      const draft: DraftVersion = {
        version,
        unit,
        content,
        author: { id: user?.id ?? '', fullName: user?.fullName ?? '' },
        createdAt: new Date().toISOString(),
      };
      setSaved(content);
      // The answer has no drafts: the version just saved is what was sent.
      update(updated, { drafts: (drafts) => [draft, ...drafts] });
      setNotice({ kind: 'success', text: `Đã lưu phiên bản ${version} của dự thảo.` });
      return true;
    } catch (err) {
      setNotice({ kind: 'error', text: actionError(err) });
      return false;
    } finally {
      setSaving(false);
    }
  };

  const onFile = (e: ChangeEvent<HTMLInputElement>) => {
    const f = e.target.files?.[0] ?? null;
    setFile(f);
    setFileError(
      f && f.size > config.maxAttachmentBytes
        ? `Tệp “${f.name}” có dung lượng ${formatBytes(f.size)}, vượt quá giới hạn ${formatBytes(config.maxAttachmentBytes)}. Vui lòng chọn tệp nhỏ hơn.`
        : null,
    );
  };

  const clearFile = () => {
    setFile(null);
    setFileError(null);
    setProgress(null);
    if (fileRef.current) fileRef.current.value = '';
  };

  /** A file now on the server joins the list (the upload answers with the file, not the task). */
  const showAttachment = (att: Attachment) =>
    update(null, {
      attachments: (attachments) => [
        ...attachments,
        { ...att, uploadedBy: att.uploadedBy ?? (user ? { id: user.id, fullName: user.fullName } : undefined), createdAt: att.createdAt ?? new Date().toISOString() },
      ],
    });

  /** Uploads the chosen file, reporting progress; the chosen file is cleared once it is on the server. */
  const sendFile = async (f: File): Promise<Attachment> => {
    setProgress({ name: f.name, sent: 0, total: f.size });
    try {
      const att = await Api.uploadAttachment(task.id, f, (p) => setProgress({ name: f.name, ...p }));
      clearFile();
      return att;
    } finally {
      setProgress(null);
    }
  };

  const upload = async () => {
    if (!file) {
      setFileError('Vui lòng chọn tệp cần tải lên.');
      fileRef.current?.focus();
      return;
    }
    if (fileError) {
      fileRef.current?.focus();
      return;
    }
    setUploading(true);
    setNotice(null);
    try {
      const att = await sendFile(file);
      setNotice({ kind: 'success', text: `Đã tải lên tệp “${att.name}” (${formatBytes(att.size)}).` });
      showAttachment(att);
    } catch (err) {
      // The server's 413 message names its limit.
      setFileError(actionError(err));
      fileRef.current?.focus();
    } finally {
      setUploading(false);
    }
  };

  const askSubmit = () => {
    setNotice(null);
    if (!content.trim()) {
      setNotice({ kind: 'error', text: 'Vui lòng soạn dự thảo trước khi trình.' });
      editorRef.current?.focus();
      return;
    }
    // A chosen file goes up with the submission; one that cannot (too big) must be dealt with first.
    if (file && fileError) {
      setNotice({
        kind: 'error',
        text: `Chưa trình được: tệp “${file.name}” đã chọn không gửi kèm được. Hãy chọn tệp khác hoặc bấm “Bỏ chọn tệp”.`,
      });
      fileRef.current?.focus();
      return;
    }
    setConfirmSubmit(true);
  };

  const submit = async () => {
    setSubmitting(true);
    let attached: Attachment | null = null;
    try {
      if (dirty || !latest) {
        setPhase('saving');
        if (!(await save())) {
          setConfirmSubmit(false);
          return;
        }
      }
      if (file) {
        setPhase('uploading');
        try {
          attached = await sendFile(file);
        } catch (err) {
          setConfirmSubmit(false);
          setFileError(actionError(err));
          setNotice({
            kind: 'error',
            text: `Chưa trình: không tải lên được tệp “${file.name}”. ${actionError(err)} Dự thảo chưa được gửi đi.`,
          });
          fileRef.current?.focus();
          return;
        }
      }
      setPhase('submitting');
      await Api.submit(task.id, stepId, note.trim());
      setSaved(content); // nothing left unsaved: leave without a prompt
      setConfirmSubmit(false);
      setFlash({
        kind: 'success',
        text: attached
          ? `Đã trình dự thảo nhiệm vụ ${task.number} để duyệt, kèm tệp “${attached.name}” (${formatBytes(attached.size)}).`
          : `Đã trình dự thảo nhiệm vụ ${task.number} để duyệt.`,
      });
      navigate('/viec-cua-toi', { force: true });
    } catch (err) {
      setConfirmSubmit(false);
      if (attached) showAttachment(attached); // the file is on the server now: show it in the list
      if (isStepClosed(err)) {
        setNotice({ kind: 'warning', text: STEP_CLOSED_TEXT });
        await reload();
      } else setNotice({ kind: 'error', text: errorMessage(err) });
    } finally {
      setSubmitting(false);
      setPhase(null);
    }
  };

  return (
    <>
      <p className="backlink">
        <Link to="/viec-cua-toi">← Việc của tôi</Link>
      </p>
      <PageTitle title={`Soạn dự thảo nhiệm vụ ${task.number}`}>
        <span className="title-number">Nhiệm vụ {task.number}</span> {task.content}
      </PageTitle>

      {returnReason && (
        <div className="alert alert-warning return-banner" role="note">
          <span className="alert-icon" aria-hidden="true">
            !
          </span>
          <div>
            <p className="alert-title">Dự thảo bị trả lại, cần chỉnh sửa và trình lại.</p>
            <p>
              <ReturnReason reason={returnReason} event={findReturnEvent(history, returnReason, unit)} />
            </p>
          </div>
        </div>
      )}
      {!canEdit && (
        <div className="alert alert-info" role="note">
          <p>
            Nhiệm vụ này hiện không ở bước soạn thảo của bạn; bạn chỉ có thể xem.{' '}
            <Link to={`/nhiem-vu/${encodeURIComponent(task.id)}?tu=viec-cua-toi`}>Xem trang nhiệm vụ</Link>
          </p>
        </div>
      )}
      <Notice notice={notice} onDismiss={() => setNotice(null)} />

      <div className="task-layout">
        <div className="task-main">
          <section className="panel" aria-labelledby="soan">
            <h2 id="soan">Dự thảo sản phẩm{unit !== task.leadUnit.code ? ` — ${unitName(unit)}` : ''}</h2>
            <p className="muted">Sản phẩm yêu cầu: {task.product || '—'}</p>
            <div className="field">
              <label htmlFor="draft-content">Nội dung dự thảo</label>
              <textarea
                ref={editorRef}
                id="draft-content"
                className="editor"
                rows={14}
                value={content}
                onChange={(e) => setContent(e.target.value)}
                readOnly={!canEdit}
                aria-describedby="draft-state"
              />
              <p id="draft-state" className="muted" aria-live="polite">
                {dirty
                  ? 'Có thay đổi chưa lưu.'
                  : latest
                    ? `Đã lưu phiên bản ${latest.version} lúc ${formatDateTime(latest.createdAt)}.`
                    : 'Chưa có phiên bản nào.'}
              </p>
            </div>
            {(canEdit || canSubmit) && (
              <div className="actions">
                {canEdit && (
                  <button type="button" className="btn" onClick={() => void save()} disabled={saving || !dirty}>
                    {saving ? 'Đang lưu…' : 'Lưu bản nháp'}
                  </button>
                )}
                {canSubmit && (
                  <button type="button" className="btn btn-primary" onClick={askSubmit} disabled={saving || submitting}>
                    Trình duyệt
                  </button>
                )}
              </div>
            )}
          </section>

          <section className="panel" aria-labelledby="phien-ban">
            <h2 id="phien-ban">Các phiên bản đã lưu ({myDrafts.length})</h2>
            {myDrafts.length === 0 ? (
              <p className="muted">Chưa có phiên bản nào.</p>
            ) : (
              <ol className="versions">
                {myDrafts.map((d) => (
                  <li key={d.version}>
                    <details>
                      <summary>
                        Phiên bản {d.version} · {d.author.fullName} · {formatDateTime(d.createdAt)}
                      </summary>
                      <div className="draft-text">{d.content}</div>
                      {canEdit && d.version !== latest?.version && (
                        <button
                          type="button"
                          className="btn btn-small"
                          onClick={() => {
                            setContent(d.content);
                            editorRef.current?.focus();
                            setNotice({
                              kind: 'info',
                              text: `Đã đưa nội dung phiên bản ${d.version} vào trình soạn thảo. Bấm “Lưu bản nháp” để lưu thành phiên bản mới.`,
                            });
                          }}
                        >
                          Dùng lại nội dung này
                        </button>
                      )}
                    </details>
                  </li>
                ))}
              </ol>
            )}
          </section>

          <section className="panel" aria-labelledby="tep">
            <h2 id="tep">Tệp đính kèm</h2>
            <AttachmentList taskId={task.id} attachments={task.attachments ?? []} />
            {canUpload && (
              <div className="upload">
                <div className="field">
                  <FileInput
                    ref={fileRef}
                    id="file"
                    label={`Chọn tệp (tối đa ${formatBytes(config.maxAttachmentBytes)})`}
                    file={file}
                    onChange={onFile}
                    invalid={Boolean(fileError)}
                    describedBy={fileError ? 'file-error' : undefined}
                  />
                  {fileError && (
                    <p id="file-error" className="field-error" role="alert">
                      {fileError}
                    </p>
                  )}
                  {file && !fileError && !progress && (
                    <p className="muted file-hint">Tệp đã chọn được tải lên khi bấm “Tải lên”, hoặc cùng dự thảo khi trình duyệt.</p>
                  )}
                </div>
                <div className="actions">
                  <button type="button" className="btn" onClick={() => void upload()} disabled={uploading || submitting || Boolean(fileError)}>
                    {uploading ? 'Đang tải lên…' : 'Tải lên'}
                  </button>
                  {file && (
                    <button type="button" className="btn btn-ghost" onClick={clearFile} disabled={uploading || submitting}>
                      Bỏ chọn tệp
                    </button>
                  )}
                </div>
                {progress && !confirmSubmit && <ProgressLine progress={progress} />}
              </div>
            )}
          </section>
        </div>

        <aside className="task-side" aria-label="Thông tin và phối hợp">
          <section className="panel" aria-labelledby="thong-tin">
            <h2 id="thong-tin">Thông tin nhiệm vụ</h2>
            <TaskSummary task={task} />
          </section>
          {can(task, 'requestContributions') && (
            <RequestContributionsPanel
              task={task}
              onDone={(text, updated) => {
                setNotice({ kind: 'success', text });
                update(updated);
              }}
            />
          )}
          {extensionStep && (
            <ExtensionRequestPanel
              key={extensionStep.stepId}
              task={task}
              step={extensionStep}
              onStale={(message) => {
                setNotice({ kind: 'warning', text: message });
                void reload();
              }}
              onDone={(updated, date) => {
                setNotice({
                  kind: 'success',
                  text: `Đã gửi đề nghị gia hạn đến ${formatDate(date)}. Thời hạn hiện tại giữ nguyên cho đến khi có quyết định.`,
                });
                update(updated);
              }}
            />
          )}
          <section className="panel" aria-labelledby="y-kien">
            <h2 id="y-kien">Ý kiến đơn vị phối hợp</h2>
            <ContributionList contributions={task.contributions ?? []} />
          </section>
        </aside>
      </div>

      <ConfirmDialog
        open={confirmSubmit}
        title="Trình dự thảo để duyệt?"
        confirmLabel="Trình duyệt"
        busy={submitting}
        onConfirm={() => void submit()}
        onCancel={() => setConfirmSubmit(false)}
      >
        <p>
          Dự thảo {dirty ? '(cùng các thay đổi chưa lưu, sẽ được lưu trước) ' : ''}sẽ được chuyển tới {headOfUnit(unit)}{' '}
          duyệt. Sau khi trình, bạn không sửa được cho đến khi dự thảo được trả lại.
        </p>
        {file && (
          <p className="dialog-file">
            Tệp <strong>{file.name}</strong> ({formatBytes(file.size)}) bạn đã chọn chưa được tải lên: tệp sẽ được tải lên
            cùng dự thảo.
          </p>
        )}
        <div className="field">
          <label htmlFor="submit-note">Ghi chú khi trình (không bắt buộc)</label>
          <textarea id="submit-note" rows={2} value={note} onChange={(e) => setNote(e.target.value)} disabled={submitting} />
        </div>
        {phase && (
          <div className="submit-phase">
            {phase === 'uploading' && progress ? (
              <ProgressLine progress={progress} />
            ) : (
              <p role="status">{phase === 'saving' ? 'Đang lưu dự thảo…' : phase === 'uploading' ? 'Đang tải lên tệp…' : 'Đang trình…'}</p>
            )}
          </div>
        )}
      </ConfirmDialog>
    </>
  );
}

/** "Đang tải lên “x.pdf”: 45% (1,2 MB / 2,7 MB)" with a bar. */
function ProgressLine({ progress }: { progress: UploadProgress & { name: string } }) {
  const pct = progress.total ? Math.min(100, Math.round((progress.sent / progress.total) * 100)) : 0;
  return (
    <div className="upload-progress" role="status">
      <p>
        Đang tải lên “{progress.name}”: {pct}% ({formatBytes(progress.sent)} / {formatBytes(progress.total)})
      </p>
      <progress value={progress.sent} max={progress.total || 1} aria-label={`Tiến độ tải lên ${progress.name}`} />
    </div>
  );
}
