/** Đổi mật khẩu: everyone changes his own password, giving the current one. */
import { useId, useState, type FormEvent } from 'react';
import { errorMessage } from '../api/client';
import { Api } from '../api/endpoints';
import { FieldError, invalidAria, Notice, PageTitle, type NoticeState } from '../components/Feedback';

const MIN_LENGTH = 8;

export function PasswordPage() {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [errors, setErrors] = useState<{ next?: string | null; again?: string | null }>({});
  const [notice, setNotice] = useState<NoticeState | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found = {
      next: next.length >= MIN_LENGTH ? null : `Mật khẩu mới cần ít nhất ${MIN_LENGTH} ký tự.`,
      again: next === again ? null : 'Hai lần nhập mật khẩu mới không khớp.',
    };
    setErrors(found);
    if (found.next || found.again || !current) {
      if (!current) setNotice({ kind: 'error', text: 'Vui lòng nhập mật khẩu hiện tại.' });
      return;
    }
    setBusy(true);
    try {
      await Api.changePassword(current, next);
      setCurrent('');
      setNext('');
      setAgain('');
      setNotice({ kind: 'success', text: 'Đã đổi mật khẩu. Lần đăng nhập sau dùng mật khẩu mới.' });
    } catch (err) {
      setNotice({ kind: 'error', text: errorMessage(err) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageTitle title="Đổi mật khẩu">Đổi mật khẩu</PageTitle>
      <form className="card city-form" onSubmit={submit} noValidate>
        <Notice notice={notice} onDismiss={() => setNotice(null)} />
        <div className="field">
          <label htmlFor={`${id}-current`}>Mật khẩu hiện tại</label>
          <input id={`${id}-current`} type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-next`}>Mật khẩu mới</label>
          <input
            id={`${id}-next`}
            type="password"
            autoComplete="new-password"
            value={next}
            onChange={(e) => setNext(e.target.value)}
            {...invalidAria(`${id}-next-error`, errors.next)}
          />
          <FieldError id={`${id}-next-error`} message={errors.next} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-again`}>Nhập lại mật khẩu mới</label>
          <input
            id={`${id}-again`}
            type="password"
            autoComplete="new-password"
            value={again}
            onChange={(e) => setAgain(e.target.value)}
            {...invalidAria(`${id}-again-error`, errors.again)}
          />
          <FieldError id={`${id}-again-error`} message={errors.again} />
        </div>
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? 'Đang lưu…' : 'Đổi mật khẩu'}
          </button>
        </div>
      </form>
    </>
  );
}
