/**
 * The coordinator imports a plan file as the commune has it (Word, Excel or text): upload, check the table as read
 * (names not in the unit list and deadlines not understood are marked, each row's warnings beside it), map an unknown
 * name to a unit once (kept, so the next import knows it), then confirm. A file for the year of a plan in progress is
 * an amendment: its difference is shown and applied under a decision. Also: activating the plan.
 */
import { useRef, useState, type FormEvent } from 'react';
import { errorMessage } from '../api/client';
import { Api } from '../api/endpoints';
import type { AmendmentResult, ImportResult, Plan, PlanPreview, Unit } from '../api/types';
import { useStepAction } from '../lib/stepAction';
import { useAsync } from '../lib/useAsync';
import { AmendmentReview } from './AmendmentReview';
import { ConfirmDialog } from './Dialog';
import { FileInput } from './FileInput';
import { FieldError, invalidAria, Notice, type NoticeState } from './Feedback';
import { FORMAT_NAMES, needsLook, PreviewTable } from './PlanPreview';

const PLAN_FILES = '.docx,.xlsx,.txt,.csv,.tsv,.md,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/plain';

export function PlanImport({ onImported, onAmended }: { onImported: (result: ImportResult) => void; onAmended: (result: AmendmentResult) => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [preview, setPreview] = useState<PlanPreview | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  // Each reading of the file (again after a name is mapped) compares it with the plan in progress afresh.
  const [reads, setReads] = useState(0);
  const [confirming, setConfirming] = useState(false);
  const [notice, setNotice] = useState<NoticeState | null>(null);
  const { busy, run } = useStepAction({ setNotice, message: errorMessage });
  const ref = useRef<HTMLInputElement>(null);

  const read = (chosen: File) =>
    run(async () => {
      setResult(null);
      setPreview(await Api.previewPlan(chosen));
      setReads((n) => n + 1);
    });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setNotice(null);
    if (!file) {
      setFieldError('Vui lòng chọn tệp kế hoạch.');
      ref.current?.focus();
      return;
    }
    setFieldError(null);
    await read(file);
  };

  const confirmImport = () =>
    run(
      async () => {
        const r = await Api.importPlan(file!);
        setConfirming(false);
        setPreview(null);
        setResult(r);
        setNotice({
          kind: r.warnings.length ? 'warning' : 'success',
          text: `Đã nhập kế hoạch với ${r.taskCount} nhiệm vụ${r.warnings.length ? `, ${r.warnings.length} cảnh báo cần xem` : ''}.`,
        });
        onImported(r);
      },
      () => setConfirming(false),
    );

  const active = preview?.existing?.status === 'ACTIVE' ? preview.existing : null;

  return (
    <section className="panel" aria-labelledby="nhap-ke-hoach">
      <h2 id="nhap-ke-hoach">Nhập kế hoạch</h2>
      <p className="muted">
        Chọn tệp kế hoạch có bảng phụ lục nhiệm vụ: Word (.docx), Excel (.xlsx) hoặc văn bản. Hệ thống đọc thử và cho xem
        bảng nhiệm vụ trước; chỉ khi bạn xác nhận mới ghi vào hệ thống. Tệp của kế hoạch đang thực hiện được xem như văn
        bản điều chỉnh.
      </p>
      <Notice notice={notice} onDismiss={() => setNotice(null)} />
      <form onSubmit={submit} noValidate className="inline-form">
        <div className="field">
          <FileInput
            ref={ref}
            id="plan-file"
            label="Chọn tệp kế hoạch"
            file={file}
            accept={PLAN_FILES}
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setPreview(null);
              setFieldError(null);
            }}
            invalid={Boolean(fieldError)}
            describedBy={fieldError ? 'plan-file-error' : undefined}
          />
          <FieldError id="plan-file-error" message={fieldError} />
        </div>
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy && !preview ? 'Đang đọc tệp…' : 'Xem trước'}
        </button>
      </form>

      {preview && file && (
        <div className="import-preview" aria-labelledby="xem-truoc">
          <h3 id="xem-truoc">
            {active ? 'Văn bản điều chỉnh kế hoạch đang thực hiện' : 'Bảng nhiệm vụ đọc được'}: {preview.title}
          </h3>
          <PreviewSummary preview={preview} />
          {preview.unknownUnits.length > 0 && <UnknownUnits preview={preview} onMapped={() => void read(file)} />}
          {active ? (
            <AmendmentReview
              key={reads}
              planId={active.planId}
              file={file}
              onApplied={(result) => {
                setPreview(null);
                setNotice({
                  kind: 'success',
                  text: `Đã áp dụng ${result.decision}: bổ sung ${result.added}, sửa đổi ${result.changed}, rút ${result.withdrawn} nhiệm vụ.`,
                });
                onAmended(result);
              }}
            />
          ) : (
            <>
              <PreviewTable preview={preview} caption={`Bảng nhiệm vụ của ${preview.title}`} />
              <div className="form-actions">
                <button type="button" className="btn btn-primary" disabled={busy} onClick={() => setConfirming(true)}>
                  Nhập kế hoạch
                </button>
                <button type="button" className="btn" disabled={busy} onClick={() => setPreview(null)}>
                  Hủy
                </button>
              </div>
            </>
          )}
        </div>
      )}

      {result && result.warnings.length > 0 && (
        <div className="warnings">
          <h3>Cảnh báo khi đọc kế hoạch ({result.warnings.length})</h3>
          <ul>
            {result.warnings.map((w, i) => (
              <li key={i}>
                {w.taskNumber != null && !/^Nhiệm vụ \S+/.test(w.message) ? <strong>Nhiệm vụ {w.taskNumber}: </strong> : null}
                {w.message}
              </li>
            ))}
          </ul>
        </div>
      )}

      {preview && (
        <ConfirmDialog
          open={confirming}
          title={preview.existing ? 'Cập nhật kế hoạch?' : 'Nhập kế hoạch?'}
          confirmLabel={preview.existing ? 'Cập nhật' : 'Nhập kế hoạch'}
          busy={busy}
          onConfirm={() => void confirmImport()}
          onCancel={() => setConfirming(false)}
        >
          <p>
            {preview.title} ({preview.tasks.length} nhiệm vụ).
            {preview.existing ? ' Kế hoạch năm này đã có và chưa kích hoạt: các nhiệm vụ sẽ được cập nhật theo tệp này.' : ''}
          </p>
          {preview.unknownUnits.length > 0 && (
            <p>Còn {preview.unknownUnits.length} tên đơn vị chưa có trong danh mục; các nhiệm vụ đó được nhập kèm cảnh báo.</p>
          )}
        </ConfirmDialog>
      )}
    </section>
  );
}

function PreviewSummary({ preview }: { preview: PlanPreview }) {
  const unknownDeadlines = preview.tasks.filter((t) => t.deadline.kind === 'UNKNOWN').length;
  const rows = preview.tasks.filter(needsLook).length;
  return (
    <>
      <p className="plan-stats" role="status">
        {[
          `Tệp ${FORMAT_NAMES[preview.format]}`,
          `năm ${preview.year}`,
          `${preview.groups.length} nhóm`,
          `${preview.tasks.length} nhiệm vụ`,
          ...(rows === 0
            ? ['không có dòng nào cần xem lại']
            : [
                ...(preview.unknownUnits.length ? [`${preview.unknownUnits.length} tên đơn vị chưa có trong danh mục`] : []),
                ...(unknownDeadlines ? [`${unknownDeadlines} thời hạn chưa hiểu`] : []),
                `${rows} dòng cần xem lại`,
              ]),
        ].join(' · ')}
      </p>
      {preview.warnings.length > 0 && (
        <div className="warnings">
          <h4>Cảnh báo về văn bản ({preview.warnings.length})</h4>
          <ul>
            {preview.warnings.map((w, i) => (
              <li key={i}>{w.message}</li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}

/** Each name the unit list does not know, to be mapped to a unit once; kept as that unit's variant. */
function UnknownUnits({ preview, onMapped }: { preview: PlanPreview; onMapped: () => void }) {
  const units = useAsync(() => Api.units(), []);
  return (
    <section className="panel unknown-units" aria-labelledby="ten-chua-co">
      <h4 id="ten-chua-co">Tên đơn vị chưa có trong danh mục ({preview.unknownUnits.length})</h4>
      <p className="hint">
        Chọn đơn vị mà kế hoạch gọi bằng tên này. Tên được ghi nhận là một cách gọi của đơn vị, lần nhập sau hệ thống tự
        nhận ra. Tên không thuộc đơn vị nào có thể để nguyên.
      </p>
      <ul className="mapping-list">
        {preview.unknownUnits.map((u, i) => (
          <MappingRow key={u.name} index={i} name={u.name} tasks={u.tasks} units={units.data ?? []} onMapped={onMapped} />
        ))}
      </ul>
    </section>
  );
}

function MappingRow({ index, name, tasks, units, onMapped }: { index: number; name: string; tasks: string[]; units: Unit[]; onMapped: () => void }) {
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<NoticeState | null>(null);
  const { busy, run } = useStepAction({ setNotice, message: errorMessage });
  const id = `map-${index}`;
  const save = (e: FormEvent) => {
    e.preventDefault();
    if (!code) {
      setError('Vui lòng chọn đơn vị.');
      return;
    }
    setError(null);
    void run(async () => {
      await Api.addUnitAlias(code, name);
      onMapped();
    });
  };
  const group = (kind: Unit['kind']) => units.filter((u) => u.kind === kind);
  return (
    <li className="mapping-row">
      <form onSubmit={save} noValidate>
        <p>
          <mark className="unit-unknown">{name}</mark> <span className="muted">— nhiệm vụ {tasks.join(', ')}</span>
        </p>
        <div className="field-inline">
          <label htmlFor={id}>Là đơn vị</label>
          <select id={id} value={code} onChange={(e) => setCode(e.target.value)} {...invalidAria(`${id}-error`, error)}>
            <option value="">— Chọn đơn vị —</option>
            <optgroup label="Đơn vị thuộc UBND xã">
              {group('INTERNAL').map((u) => (
                <option key={u.code} value={u.code}>
                  {u.name}
                </option>
              ))}
            </optgroup>
            <optgroup label="Cơ quan ngoài xã">
              {group('EXTERNAL').map((u) => (
                <option key={u.code} value={u.code}>
                  {u.name}
                </option>
              ))}
            </optgroup>
          </select>
          <button type="submit" className="btn btn-small" disabled={busy}>
            {busy ? 'Đang ghi…' : 'Ghi nhận'}
          </button>
        </div>
        <FieldError id={`${id}-error`} message={error} />
        <Notice notice={notice} />
      </form>
    </li>
  );
}

export function ActivatePlan({ plan, onActivated }: { plan: Plan; onActivated: () => void }) {
  const [open, setOpen] = useState(false);
  const [notice, setNotice] = useState<NoticeState | null>(null);
  const { busy, run } = useStepAction({ setNotice, message: errorMessage });
  const activate = () =>
    run(
      async () => {
        await Api.activatePlan(plan.id);
        setOpen(false);
        setNotice({ kind: 'success', text: 'Đã kích hoạt kế hoạch. Các quy trình nhiệm vụ đã được khởi động.' });
        onActivated();
      },
      () => setOpen(false),
    );
  return (
    <>
      <Notice notice={notice} onDismiss={() => setNotice(null)} />
      {plan.status !== 'ACTIVE' && (
        <button type="button" className="btn btn-primary" onClick={() => setOpen(true)}>
          Kích hoạt kế hoạch
        </button>
      )}
      <ConfirmDialog
        open={open}
        title="Kích hoạt kế hoạch?"
        confirmLabel="Kích hoạt"
        busy={busy}
        onConfirm={() => void activate()}
        onCancel={() => setOpen(false)}
      >
        <p>
          {plan.title} ({plan.taskCount} nhiệm vụ). Hệ thống sẽ khởi động quy trình cho từng nhiệm vụ và gửi việc tới
          các đơn vị chủ trì.
        </p>
      </ConfirmDialog>
    </>
  );
}
