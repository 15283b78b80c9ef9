/** The coordinator imports a plan file (seeing the parser's warnings) and activates the plan. */
import { useRef, useState, type FormEvent } from 'react';
import { errorMessage } from '../api/client';
import { Api } from '../api/endpoints';
import type { ImportResult, Plan } from '../api/types';
import { useStepAction } from '../lib/stepAction';
import { ConfirmDialog } from './Dialog';
import { FileInput } from './FileInput';
import { FieldError, Notice, type NoticeState } from './Feedback';

export function PlanImport({ onImported }: { onImported: (result: ImportResult) => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [notice, setNotice] = useState<NoticeState | null>(null);
  const { busy, run } = useStepAction({ setNotice, message: errorMessage });
  const ref = useRef<HTMLInputElement>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setNotice(null);
    if (!file) {
      setFieldError('Vui lòng chọn tệp kế hoạch.');
      ref.current?.focus();
      return;
    }
    setFieldError(null);
    setResult(null);
    await run(async () => {
      const r = await Api.importPlan(file);
      setResult(r);
      setNotice({
        kind: r.warnings.length ? 'warning' : 'success',
        text: `Đã nhập kế hoạch với ${r.taskCount} nhiệm vụ${r.warnings.length ? `, ${r.warnings.length} cảnh báo cần xem` : ''}.`,
      });
      onImported(r);
    });
  };

  return (
    <section className="panel" aria-labelledby="nhap-ke-hoach">
      <h2 id="nhap-ke-hoach">Nhập kế hoạch</h2>
      <p className="muted">
        Chọn tệp văn bản kế hoạch (có bảng phụ lục nhiệm vụ). Nhập lại cùng kế hoạch sẽ cập nhật, không tạo bản trùng.
      </p>
      <Notice notice={notice} onDismiss={() => setNotice(null)} />
      <form onSubmit={submit} noValidate className="inline-form">
        <div className="field">
          <FileInput
            ref={ref}
            id="plan-file"
            label="Chọn tệp kế hoạch"
            file={file}
            accept=".txt,.md,text/plain,text/markdown"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setFieldError(null);
            }}
            invalid={Boolean(fieldError)}
            describedBy={fieldError ? 'plan-file-error' : undefined}
          />
          <FieldError id="plan-file-error" message={fieldError} />
        </div>
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? 'Đang nhập…' : 'Nhập kế hoạch'}
        </button>
      </form>
      {result && result.warnings.length > 0 && (
        <div className="warnings">
          <h3>Cảnh báo khi đọc kế hoạch ({result.warnings.length})</h3>
          <ul>
            {result.warnings.map((w, i) => (
              <li key={i}>
                {w.taskNumber != null && !/^Nhiệm vụ \d+/.test(w.message) ? <strong>Nhiệm vụ {w.taskNumber}: </strong> : null}
                {w.message}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
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
