/**
 * One task of the plan in progress edited from the board — new content, product or deadline, or withdrawn from the
 * plan — under the decision that amends it. It goes through the same path as a revised plan file, so the task's
 * workflow moves its dates or ends, and the change is recorded with its decision.
 */
import { useId, useState, type FormEvent } from 'react';
import { errorMessage } from '../api/client';
import { Api, type TaskAmendment } from '../api/endpoints';
import type { AmendmentResult, Task } from '../api/types';
import { useStepAction } from '../lib/stepAction';
import { DECISION_PLACEHOLDER, validDecision } from './AmendmentReview';
import { Dialog } from './Dialog';
import { FieldError, invalidAria, Notice, type NoticeState } from './Feedback';

export function TaskAmendDialog({ task, onClose, onDone }: { task: Task; onClose: () => void; onDone: (result: AmendmentResult) => void }) {
  const [content, setContent] = useState(task.content);
  const [product, setProduct] = useState(task.product);
  const [deadline, setDeadline] = useState(task.deadline.raw);
  const [withdraw, setWithdraw] = useState(false);
  const [decision, setDecision] = useState('');
  const [errors, setErrors] = useState<{ decision?: string | null; form?: string | null }>({});
  const [notice, setNotice] = useState<NoticeState | null>(null);
  const { busy, run } = useStepAction({ setNotice, message: errorMessage });
  const id = useId();
  const number = task.displayNumber ?? String(task.number);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setNotice(null);
    const body: TaskAmendment = { decision: decision.trim() };
    if (withdraw) body.withdraw = true;
    else {
      if (content.trim() !== task.content) body.content = content.trim();
      if (product.trim() !== task.product) body.product = product.trim();
      if (deadline.trim() !== task.deadline.raw) body.deadline = deadline.trim();
    }
    const next = {
      decision: validDecision(decision),
      form: Object.keys(body).length === 1 ? 'Hãy sửa nội dung, sản phẩm hoặc thời hạn, hoặc chọn rút nhiệm vụ khỏi kế hoạch.' : null,
    };
    setErrors(next);
    if (next.decision || next.form) return;
    void run(async () => onDone(await Api.amendTask(task.id, body)));
  };

  return (
    <Dialog open title={`Điều chỉnh nhiệm vụ ${number}`} onClose={onClose}>
      <form onSubmit={submit} noValidate className="amend-task">
        <div className="field field-check">
          <input id={`${id}-withdraw`} type="checkbox" checked={withdraw} onChange={(e) => setWithdraw(e.target.checked)} />
          <label htmlFor={`${id}-withdraw`}>Rút nhiệm vụ này khỏi kế hoạch</label>
        </div>
        {withdraw ? (
          <p className="hint">
            Quy trình của nhiệm vụ dừng lại; nhiệm vụ vẫn hiện trên bảng theo dõi với trạng thái đã rút, giữ nguyên quá trình xử lý.
          </p>
        ) : (
          <>
            <div className="field">
              <label htmlFor={`${id}-content`}>Nội dung</label>
              <textarea id={`${id}-content`} rows={4} value={content} onChange={(e) => setContent(e.target.value)} maxLength={4000} />
            </div>
            <div className="field">
              <label htmlFor={`${id}-product`}>Sản phẩm</label>
              <input id={`${id}-product`} value={product} onChange={(e) => setProduct(e.target.value)} maxLength={2000} />
            </div>
            <div className="field">
              <label htmlFor={`${id}-deadline`}>Thời hạn (ghi như trong kế hoạch)</label>
              <input
                id={`${id}-deadline`}
                value={deadline}
                onChange={(e) => setDeadline(e.target.value)}
                placeholder="Ví dụ: Trước 30/11/2026, Quý IV/2026"
                maxLength={500}
                aria-describedby={`${id}-deadline-hint`}
              />
              <p id={`${id}-deadline-hint`} className="hint">
                Thời hạn mới được chuyển tới quy trình của nhiệm vụ; hạn ban đầu vẫn được giữ để tính đúng hạn.
              </p>
            </div>
          </>
        )}
        <div className="field">
          <label htmlFor={`${id}-decision`}>Quyết định điều chỉnh</label>
          <input
            id={`${id}-decision`}
            value={decision}
            onChange={(e) => {
              setDecision(e.target.value);
              setErrors((x) => ({ ...x, decision: null }));
            }}
            placeholder={DECISION_PLACEHOLDER}
            maxLength={500}
            {...invalidAria(`${id}-decision-error`, errors.decision)}
          />
          <FieldError id={`${id}-decision-error`} message={errors.decision} />
        </div>
        <FieldError id={`${id}-form-error`} message={errors.form} />
        {/* Beside the buttons: what the server refused is read where the user pressed. */}
        <Notice notice={notice} onDismiss={() => setNotice(null)} />
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={onClose} disabled={busy}>
            Hủy
          </button>
          <button type="submit" className={`btn ${withdraw ? 'btn-danger' : 'btn-primary'}`} disabled={busy}>
            {busy ? 'Đang gửi…' : withdraw ? 'Rút khỏi kế hoạch' : 'Lưu điều chỉnh'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
