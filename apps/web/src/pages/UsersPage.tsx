/**
 * Người dùng: the commune's people, for its administrator: add a person with his roles and unit, change them, lock
 * an account (it can no longer sign in) or open it again, and set a new password for someone who lost his.
 */
import { useId, useState, type FormEvent } from 'react';
import { errorMessage } from '../api/client';
import { Api } from '../api/endpoints';
import type { ManagedUser, Role, Unit } from '../api/types';
import { Dialog, DialogActions } from '../components/Dialog';
import { ErrorBox, FieldError, invalidAria, Loading, Notice, PageTitle, type NoticeState } from '../components/Feedback';
import { ROLE_LABELS } from '../lib/labels';
import { useSession } from '../lib/session';
import { useStepAction } from '../lib/stepAction';
import { useAsync } from '../lib/useAsync';
import './city.css';

const COMMUNE_ROLES: Role[] = ['STAFF', 'UNIT_HEAD', 'COORDINATOR', 'VICE_CHAIRMAN', 'CHAIRMAN', 'ADMIN'];

type Editing = { mode: 'new' } | { mode: 'edit'; user: ManagedUser } | { mode: 'password'; user: ManagedUser };

export function UsersPage() {
  const { user: me } = useSession();
  const data = useAsync(() => Promise.all([Api.managedUsers(), Api.units()]), []);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [notice, setNotice] = useState<NoticeState | null>(null);
  const { busy, run } = useStepAction({ setNotice, message: errorMessage });
  const [users, units] = data.data ?? [null, null];
  const internal = (units ?? []).filter((u) => u.kind === 'INTERNAL');

  const toggle = (u: ManagedUser) =>
    void run(async () => {
      const saved = await Api.updateUser(u.id, { active: !u.active });
      setNotice({ kind: 'success', text: saved.active ? `Đã mở khóa tài khoản ${saved.username}.` : `Đã khóa tài khoản ${saved.username}.` });
      await data.reload();
    });

  return (
    <>
      <PageTitle
        title="Người dùng"
        actions={
          <button type="button" className="btn btn-primary" onClick={() => setEditing({ mode: 'new' })}>
            Thêm người dùng
          </button>
        }
      >
        Người dùng
      </PageTitle>
      <p className="muted">Cán bộ, công chức của {me?.communeName ?? 'xã'} được dùng hệ thống: vai trò, đơn vị, khóa tài khoản và đặt lại mật khẩu.</p>
      <Notice notice={notice} onDismiss={() => setNotice(null)} />
      {data.error && !data.data && <ErrorBox message={data.error} onRetry={() => void data.reload()} />}
      {!data.data && !data.error && <Loading />}
      {users && (
        <div className="table-scroll">
          <table className="city-table users-table">
            <thead>
              <tr>
                <th scope="col">Họ và tên</th>
                <th scope="col">Tên đăng nhập</th>
                <th scope="col">Đơn vị</th>
                <th scope="col">Vai trò</th>
                <th scope="col">Trạng thái</th>
                <th scope="col">
                  <span className="visually-hidden">Thao tác</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <tr key={u.id} className={u.active ? '' : 'row-inactive'}>
                  <th scope="row" data-label="Họ và tên">{u.fullName}</th>
                  <td data-label="Tên đăng nhập">
                    <code>{u.username}</code>
                  </td>
                  <td data-label="Đơn vị">{u.unit?.name ?? '—'}</td>
                  <td data-label="Vai trò">{u.roles.map((r) => ROLE_LABELS[r] ?? r).join(', ')}</td>
                  <td data-label="Trạng thái">{u.active ? 'Đang dùng' : 'Đã khóa'}</td>
                  <td>
                    <div className="row-actions">
                      <button type="button" className="btn btn-small" onClick={() => setEditing({ mode: 'edit', user: u })}>
                        Sửa<span className="visually-hidden"> {u.fullName}</span>
                      </button>
                      <button type="button" className="btn btn-small" onClick={() => setEditing({ mode: 'password', user: u })}>
                        Đặt lại mật khẩu<span className="visually-hidden"> cho {u.fullName}</span>
                      </button>
                      {u.id !== me?.id && (
                        <button type="button" className="btn btn-small btn-ghost" disabled={busy} onClick={() => toggle(u)}>
                          {u.active ? 'Khóa' : 'Mở khóa'}
                          <span className="visually-hidden"> {u.fullName}</span>
                        </button>
                      )}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {editing?.mode === 'password' && (
        <PasswordDialog
          user={editing.user}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            setNotice({ kind: 'success', text: `Đã đặt mật khẩu mới cho ${editing.user.fullName}.` });
          }}
        />
      )}
      {editing && editing.mode !== 'password' && (
        <UserDialog
          user={editing.mode === 'edit' ? editing.user : null}
          units={internal}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            setNotice({ kind: 'success', text: `Đã lưu ${saved.fullName}.` });
            void data.reload();
          }}
        />
      )}
    </>
  );
}

function UserDialog({ user, units, onClose, onSaved }: { user: ManagedUser | null; units: Unit[]; onClose: () => void; onSaved: (u: ManagedUser) => void }) {
  const [fullName, setFullName] = useState(user?.fullName ?? '');
  const [username, setUsername] = useState('');
  const [email, setEmail] = useState(user?.email ?? '');
  const [unit, setUnit] = useState(user?.unit?.code ?? '');
  const [roles, setRoles] = useState<Role[]>(user?.roles ?? ['STAFF']);
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Record<string, string | null>>({});
  const [notice, setNotice] = useState<NoticeState | null>(null);
  const { busy, run } = useStepAction({ setNotice, message: errorMessage });
  const id = useId();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: Record<string, string | null> = {
      fullName: fullName.trim().length >= 2 ? null : 'Vui lòng nhập họ và tên.',
      username: user || /^[a-z0-9][a-z0-9._-]{1,49}$/.test(username) ? null : 'Tên đăng nhập gồm chữ thường không dấu, số, dấu chấm, gạch ngang (ví dụ kt.chuyenvien2).',
      roles: roles.length ? null : 'Chọn ít nhất một vai trò.',
      password: user || password.length >= 8 ? null : 'Mật khẩu cần ít nhất 8 ký tự.',
    };
    setErrors(found);
    if (Object.values(found).some(Boolean)) return;
    void run(async () => {
      const saved = user
        ? await Api.updateUser(user.id, { fullName: fullName.trim(), email: email.trim() || null, unit: unit || null, roles })
        : await Api.createUser({ username, fullName: fullName.trim(), ...(email.trim() ? { email: email.trim() } : {}), ...(unit ? { unit } : {}), roles, password });
      onSaved(saved);
    });
  };
  // A field's error goes as soon as the field is edited.
  const props = (key: string) => ({
    id: `${id}-${key}`,
    onInput: () => setErrors((x) => (x[key] ? { ...x, [key]: null } : x)),
    ...invalidAria(`${id}-${key}-error`, errors[key]),
  });

  return (
    <Dialog open title={user ? `Sửa ${user.fullName}` : 'Thêm người dùng'} onClose={onClose}>
      <form onSubmit={submit} noValidate className="city-form">
        <div className="field">
          <label htmlFor={`${id}-fullName`}>Họ và tên</label>
          <input {...props('fullName')} value={fullName} maxLength={120} onChange={(e) => setFullName(e.target.value)} />
          <FieldError id={`${id}-fullName-error`} message={errors.fullName} />
        </div>
        {!user && (
          <div className="field">
            <label htmlFor={`${id}-username`}>Tên đăng nhập</label>
            <input {...props('username')} value={username} autoCapitalize="none" spellCheck={false} maxLength={50} onChange={(e) => setUsername(e.target.value.toLowerCase())} />
            <FieldError id={`${id}-username-error`} message={errors.username} />
          </div>
        )}
        <div className="field">
          <label htmlFor={`${id}-email`}>Thư điện tử (nhận thông báo)</label>
          <input id={`${id}-email`} type="email" value={email} maxLength={200} onChange={(e) => setEmail(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-unit`}>Đơn vị</label>
          <select id={`${id}-unit`} value={unit} onChange={(e) => setUnit(e.target.value)}>
            <option value="">— Không thuộc đơn vị (lãnh đạo, quản trị) —</option>
            {units.map((u) => (
              <option key={u.code} value={u.code}>
                {u.name}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="field" aria-describedby={errors.roles ? `${id}-roles-error` : undefined}>
          <legend>Vai trò</legend>
          {COMMUNE_ROLES.map((r) => (
            <div key={r} className="field field-check">
              <input
                id={`${id}-role-${r}`}
                type="checkbox"
                checked={roles.includes(r)}
                onChange={(e) => setRoles((list) => (e.target.checked ? [...list, r] : list.filter((x) => x !== r)))}
              />
              <label htmlFor={`${id}-role-${r}`}>{ROLE_LABELS[r]}</label>
            </div>
          ))}
          <FieldError id={`${id}-roles-error`} message={errors.roles} />
        </fieldset>
        {!user && (
          <div className="field">
            <label htmlFor={`${id}-password`}>Mật khẩu ban đầu</label>
            <input {...props('password')} type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />
            <FieldError id={`${id}-password-error`} message={errors.password} />
          </div>
        )}
        <Notice notice={notice} onDismiss={() => setNotice(null)} />
        <DialogActions busy={busy} onCancel={onClose} label="Lưu" busyLabel="Đang lưu…" />
      </form>
    </Dialog>
  );
}

function PasswordDialog({ user, onClose, onSaved }: { user: ManagedUser; onClose: () => void; onSaved: () => void }) {
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<NoticeState | null>(null);
  const { busy, run } = useStepAction({ setNotice, message: errorMessage });
  const id = useId();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (password.length < 8) {
      setError('Mật khẩu cần ít nhất 8 ký tự.');
      return;
    }
    void run(async () => {
      await Api.resetPassword(user.id, password);
      onSaved();
    });
  };
  return (
    <Dialog open title={`Đặt lại mật khẩu cho ${user.fullName}`} onClose={onClose}>
      <form onSubmit={submit} noValidate className="city-form">
        <div className="field">
          <label htmlFor={`${id}-password`}>Mật khẩu mới</label>
          <input id={`${id}-password`} type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} {...invalidAria(`${id}-error`, error)} />
          <FieldError id={`${id}-error`} message={error} />
          <p className="hint">Báo mật khẩu này cho người dùng; họ tự đổi ở trang Đổi mật khẩu.</p>
        </div>
        <Notice notice={notice} onDismiss={() => setNotice(null)} />
        <DialogActions busy={busy} onCancel={onClose} label="Đặt mật khẩu" busyLabel="Đang lưu…" />
      </form>
    </Dialog>
  );
}
