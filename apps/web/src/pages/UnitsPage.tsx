/**
 * Đơn vị: the commune's unit directory — its own units and the outside bodies its plans name — with the other names
 * plans use for each, so that an imported plan recognises them. The administrator edits it; everyone else reads it.
 */
import { useId, useState, type FormEvent } from 'react';
import { errorMessage } from '../api/client';
import { Api, type UnitInput } from '../api/endpoints';
import type { Unit, UnitKind } from '../api/types';
import { Dialog, DialogActions } from '../components/Dialog';
import { Empty, ErrorBox, FieldError, invalidAria, Loading, Notice, PageTitle, type NoticeState } from '../components/Feedback';
import { useSession } from '../lib/session';
import { useStepAction } from '../lib/stepAction';
import { useAsync } from '../lib/useAsync';

const KIND_LABELS: Record<UnitKind, string> = {
  INTERNAL: 'Đơn vị thuộc UBND xã',
  EXTERNAL: 'Cơ quan ngoài xã',
};
const REVIEWING_LABEL = 'Đơn vị thẩm định (cấp Phòng Văn hóa - Xã hội)';

type Editing = { mode: 'new' } | { mode: 'edit'; unit: Unit };

export function UnitsPage() {
  const { hasRole } = useSession();
  const canEdit = hasRole('ADMIN');
  const units = useAsync(() => Api.units(), []);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [notice, setNotice] = useState<NoticeState | null>(null);

  const sections = (['INTERNAL', 'EXTERNAL'] as const).map((kind) => ({ kind, list: (units.data ?? []).filter((u) => u.kind === kind) }));

  return (
    <>
      <PageTitle
        title="Đơn vị"
        actions={
          canEdit ? (
            <button type="button" className="btn btn-primary" onClick={() => setEditing({ mode: 'new' })}>
              Thêm đơn vị
            </button>
          ) : undefined
        }
      >
        Đơn vị
      </PageTitle>
      <p className="muted">
        Danh mục đơn vị của xã và các cơ quan ngoài xã thường được ghi trong kế hoạch. Khi nhập kế hoạch, hệ thống nhận ra
        đơn vị theo tên và các cách gọi khác ghi ở đây.
      </p>
      <Notice notice={notice} onDismiss={() => setNotice(null)} />
      {units.error && !units.data && <ErrorBox message={units.error} onRetry={() => void units.reload()} />}
      {!units.data && !units.error && <Loading />}
      {units.data &&
        sections.map(({ kind, list }) => (
          <section key={kind} className="units-section" aria-labelledby={`dv-${kind}`}>
            <h2 id={`dv-${kind}`}>
              {KIND_LABELS[kind]} ({list.length})
            </h2>
            {list.length === 0 ? (
              <Empty>Chưa có đơn vị nào.</Empty>
            ) : (
              <ul className="unit-list">
                {list.map((u) => (
                  <li key={u.code} className="unit-card" aria-labelledby={`dv-ten-${u.code}`}>
                    <div className="unit-head">
                      <h3 id={`dv-ten-${u.code}`}>{u.name}</h3>
                      <span className="unit-code">Mã {u.code}</span>
                      {u.reviewing && (
                        <span className="badge badge-review unit-reviewing" title={REVIEWING_LABEL}>
                          Đơn vị thẩm định
                        </span>
                      )}
                    </div>
                    {u.aliases.length > 0 ? (
                      <p className="unit-aliases">
                        <span className="muted">Cách gọi khác: </span>
                        {u.aliases.map((a) => (
                          <span key={a} className="alias-chip">
                            {a}
                          </span>
                        ))}
                      </p>
                    ) : (
                      <p className="muted">Chưa có cách gọi khác.</p>
                    )}
                    {canEdit && (
                      <button type="button" className="btn btn-small" onClick={() => setEditing({ mode: 'edit', unit: u })}>
                        Sửa<span className="visually-hidden"> {u.name}</span>
                      </button>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </section>
        ))}
      {editing && (
        <UnitDialog
          editing={editing}
          onClose={() => setEditing(null)}
          onSaved={(unit) => {
            setEditing(null);
            setNotice({ kind: 'success', text: `Đã lưu ${unit.name}.` });
            void units.reload();
          }}
        />
      )}
    </>
  );
}

/** Variants are typed one per line; blank lines and repeats are dropped by the server too. */
const aliasesFrom = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

function UnitDialog({ editing, onClose, onSaved }: { editing: Editing; onClose: () => void; onSaved: (unit: Unit) => void }) {
  const current = editing.mode === 'edit' ? editing.unit : null;
  const [code, setCode] = useState('');
  const [name, setName] = useState(current?.name ?? '');
  const [aliases, setAliases] = useState((current?.aliases ?? []).join('\n'));
  const [kind, setKind] = useState<UnitKind>(current?.kind ?? 'EXTERNAL');
  const [reviewing, setReviewing] = useState(current?.reviewing ?? false);
  const [errors, setErrors] = useState<{ code?: string | null; name?: string | null }>({});
  const [notice, setNotice] = useState<NoticeState | null>(null);
  const { busy, run } = useStepAction({ setNotice, message: errorMessage });
  const id = useId();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next = {
      code: current ? null : /^[A-Z][A-Z0-9_]{0,31}$/.test(code) ? null : 'Mã gồm chữ in hoa không dấu, số và dấu gạch dưới, bắt đầu bằng chữ (ví dụ HND).',
      name: name.trim().length >= 2 ? null : 'Vui lòng nhập tên đơn vị.',
    };
    setErrors(next);
    if (next.code || next.name) return;
    const input: UnitInput = { name: name.trim(), aliases: aliasesFrom(aliases), kind };
    // Only a change is sent: unchecking the reviewing unit is refused by the server (one per commune).
    if (kind === 'INTERNAL' && reviewing !== (current?.reviewing ?? false)) input.reviewing = reviewing;
    void run(async () => onSaved(current ? await Api.updateUnit(current.code, input) : await Api.createUnit(code, input)));
  };

  return (
    <Dialog open title={current ? `Sửa ${current.name}` : 'Thêm đơn vị'} onClose={onClose}>
      <form onSubmit={submit} noValidate className="unit-form">
        {!current && (
          <div className="field">
            <label htmlFor={`${id}-code`}>Mã đơn vị</label>
            <input
              id={`${id}-code`}
              value={code}
              onChange={(e) => {
                setCode(e.target.value.toUpperCase());
                setErrors((x) => ({ ...x, code: null }));
              }}
              autoCapitalize="characters"
              maxLength={32}
              {...invalidAria(`${id}-code-error`, errors.code)}
            />
            <FieldError id={`${id}-code-error`} message={errors.code} />
          </div>
        )}
        <div className="field">
          <label htmlFor={`${id}-name`}>Tên đơn vị</label>
          <input
            id={`${id}-name`}
            value={name}
            onChange={(e) => {
              setName(e.target.value);
              setErrors((x) => ({ ...x, name: null }));
            }}
            maxLength={200} {...invalidAria(`${id}-name-error`, errors.name)} />
          <FieldError id={`${id}-name-error`} message={errors.name} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-aliases`}>Các cách gọi khác (mỗi dòng một cách)</label>
          <textarea
            id={`${id}-aliases`}
            rows={5}
            value={aliases}
            onChange={(e) => setAliases(e.target.value)}
            aria-describedby={`${id}-aliases-hint`}
          />
          <p id={`${id}-aliases-hint`} className="hint">
            Ví dụ: Phòng VH-XH, Văn hóa - Xã hội. Không phân biệt chữ hoa, dấu, gạch nối, "&amp;" hay "và".
          </p>
        </div>
        <fieldset className="field">
          <legend>Loại</legend>
          {(['INTERNAL', 'EXTERNAL'] as const).map((k) => (
            <div key={k} className="field field-check">
              <input id={`${id}-${k}`} type="radio" name={`${id}-kind`} checked={kind === k} onChange={() => setKind(k)} />
              <label htmlFor={`${id}-${k}`}>{KIND_LABELS[k]}</label>
            </div>
          ))}
        </fieldset>
        {kind === 'INTERNAL' && (
          <div className="field field-check">
            <input
              id={`${id}-reviewing`}
              type="checkbox"
              checked={reviewing}
              onChange={(e) => setReviewing(e.target.checked)}
              aria-describedby={`${id}-reviewing-hint`}
            />
            <label htmlFor={`${id}-reviewing`}>{REVIEWING_LABEL}</label>
          </div>
        )}
        {kind === 'INTERNAL' && (
          <p id={`${id}-reviewing-hint`} className="hint">
            Mỗi xã có đúng một đơn vị thẩm định; chọn đơn vị này thì đơn vị thẩm định trước đó thôi giữ vai trò. Nhiệm vụ
            đang thực hiện giữ đơn vị thẩm định lúc kích hoạt.
          </p>
        )}
        {/* Beside the buttons: what the server refused is read where the user pressed Lưu. */}
        <Notice notice={notice} onDismiss={() => setNotice(null)} />
        <DialogActions busy={busy} onCancel={onClose} label="Lưu" busyLabel="Đang lưu…" />
      </form>
    </Dialog>
  );
}
