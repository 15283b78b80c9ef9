/**
 * Xã/phường: the deployment's communes; the SUPERADMIN adds one with its first administrator, who then sets up its
 * people, units, calendar and plan.
 */
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { errorMessage } from '../api/client';
import { Api } from '../api/endpoints';
import { Dialog, DialogActions } from '../components/Dialog';
import { Empty, ErrorBox, FieldError, invalidAria, Loading, Notice, PageTitle, type NoticeState } from '../components/Feedback';
import { useStepAction } from '../lib/stepAction';
import { useAsync } from '../lib/useAsync';
import './city.css';

/** "Xã Kiến Thụy" → "kien-thuy": a code suggestion from the name, which the SUPERADMIN may change. */
export function codeFromName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/^(xa|phuong|thi tran|dac khu)\s+/, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
}

export function CommunesPage() {
  const communes = useAsync(() => Api.communes(), []);
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<NoticeState | null>(null);

  return (
    <>
      <PageTitle
        title="Xã/phường"
        actions={
          <button type="button" className="btn btn-primary" onClick={() => setAdding(true)}>
            Thêm xã/phường
          </button>
        }
      >
        Xã/phường
      </PageTitle>
      <p className="muted">Mỗi xã/phường có người dùng, đơn vị, lịch làm việc và kế hoạch riêng; người của xã này không xem được dữ liệu của xã khác.</p>
      <Notice notice={notice} onDismiss={() => setNotice(null)} />
      {communes.error && !communes.data && <ErrorBox message={communes.error} onRetry={() => void communes.reload()} />}
      {!communes.data && !communes.error && <Loading />}
      {communes.data &&
        (communes.data.length === 0 ? (
          <Empty>Chưa có xã/phường nào.</Empty>
        ) : (
          <div className="table-scroll">
            <table className="city-table">
              <thead>
                <tr>
                  <th scope="col">Tên</th>
                  <th scope="col">Mã</th>
                  <th scope="col">Tỉnh/thành phố</th>
                </tr>
              </thead>
              <tbody>
                {communes.data.map((c) => (
                  <tr key={c.code}>
                    <th scope="row">{c.name}</th>
                    <td>
                      <code>{c.code}</code>
                    </td>
                    <td>{c.province ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
      {adding && (
        <CommuneDialog
          onClose={() => setAdding(false)}
          onSaved={(name, admin) => {
            setAdding(false);
            setNotice({ kind: 'success', text: `Đã tạo ${name}, quản trị: ${admin}.` });
            void communes.reload();
          }}
        />
      )}
    </>
  );
}

function CommuneDialog({ onClose, onSaved }: { onClose: () => void; onSaved: (name: string, admin: string) => void }) {
  const [name, setName] = useState('');
  const [code, setCode] = useState('');
  const [codeTouched, setCodeTouched] = useState(false);
  const [province, setProvince] = useState('Hải Phòng');
  const [adminName, setAdminName] = useState('');
  const [username, setUsername] = useState('admin');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Record<string, string | null>>({});
  const [notice, setNotice] = useState<NoticeState | null>(null);
  const { busy, run } = useStepAction({ setNotice, message: errorMessage });
  const id = useId();
  const shownCode = codeTouched ? code : codeFromName(name);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: Record<string, string | null> = {
      name: name.trim().length >= 2 ? null : 'Vui lòng nhập tên xã/phường, ví dụ "Xã Kiến Thụy".',
      code: /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(shownCode) ? null : 'Mã gồm chữ thường không dấu, số và dấu gạch ngang, ví dụ kien-thuy.',
      province: province.trim().length >= 2 ? null : 'Vui lòng nhập tỉnh/thành phố.',
      adminName: adminName.trim().length >= 2 ? null : 'Vui lòng nhập họ tên người quản trị.',
      username: /^[a-z0-9][a-z0-9._-]{1,49}$/.test(username) ? null : 'Tên đăng nhập gồm chữ thường không dấu, số, dấu chấm, gạch ngang.',
      password: password.length >= 8 ? null : 'Mật khẩu cần ít nhất 8 ký tự.',
    };
    setErrors(found);
    if (Object.values(found).some(Boolean)) return;
    void run(async () => {
      const created = await Api.createCommune({
        code: shownCode,
        name: name.trim(),
        province: province.trim(),
        admin: { username, password, fullName: adminName.trim() },
      });
      onSaved(created.name, username);
    });
  };

  const field = (key: string, label: string, input: ReactNode, hint?: string) => (
    <div className="field">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      {input}
      {hint && <p className="hint">{hint}</p>}
      <FieldError id={`${id}-${key}-error`} message={errors[key]} />
    </div>
  );
  // A field's error goes as soon as the field is edited.
  const props = (key: string) => ({
    id: `${id}-${key}`,
    onInput: () => setErrors((x) => (x[key] ? { ...x, [key]: null } : x)),
    ...invalidAria(`${id}-${key}-error`, errors[key]),
  });

  return (
    <Dialog open title="Thêm xã/phường" onClose={onClose}>
      <form onSubmit={submit} noValidate className="city-form">
        {field('name', 'Tên xã/phường', <input {...props('name')} value={name} maxLength={120} onChange={(e) => setName(e.target.value)} />)}
        {field(
          'code',
          'Mã',
          <input
            {...props('code')}
            value={shownCode}
            maxLength={40}
            autoCapitalize="none"
            spellCheck={false}
            onChange={(e) => {
              setCodeTouched(true);
              setCode(e.target.value.toLowerCase());
            }}
          />,
          'Có trong mã mọi quy trình của xã; không đổi được sau khi tạo.',
        )}
        {field('province', 'Tỉnh/thành phố', <input {...props('province')} value={province} maxLength={120} onChange={(e) => setProvince(e.target.value)} />)}
        <fieldset className="field">
          <legend>Quản trị đầu tiên của xã/phường</legend>
          {field('adminName', 'Họ và tên', <input {...props('adminName')} value={adminName} maxLength={120} onChange={(e) => setAdminName(e.target.value)} />)}
          {field(
            'username',
            'Tên đăng nhập',
            <input {...props('username')} value={username} autoCapitalize="none" spellCheck={false} onChange={(e) => setUsername(e.target.value.toLowerCase())} />,
          )}
          {field('password', 'Mật khẩu', <input {...props('password')} type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />)}
        </fieldset>
        <Notice notice={notice} onDismiss={() => setNotice(null)} />
        <DialogActions busy={busy} onCancel={onClose} label="Tạo xã/phường" busyLabel="Đang tạo…" />
      </form>
    </Dialog>
  );
}
