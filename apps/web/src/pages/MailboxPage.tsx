import { useState } from 'react';
import { Api } from '../api/endpoints';
import type { MailboxMessage } from '../api/types';
import { Empty, ErrorBox, Loading, PageTitle } from '../components/Feedback';
import { formatBytes, formatDateTime } from '../lib/format';
import { Link } from '../lib/router';
import { useAsync } from '../lib/useAsync';

/**
 * Hộp thư thử: the e-mails the product wrote to the local mailbox (no SMTP_URL), for trying it out. ADMIN only, and
 * absent in production (the API answers 404 there).
 */
export function MailboxPage({ messageId }: { messageId?: string }) {
  const list = useAsync(() => Api.mailbox(), []);
  return (
    <>
      <PageTitle title="Hộp thư thử">Hộp thư thử</PageTitle>
      <p className="lead">
        Thư điện tử hệ thống đã gửi khi chưa cấu hình máy chủ thư (<code>SMTP_URL</code>): mỗi thư là một tệp <code>.eml</code> trong thư mục hộp thư. Trang
        này chỉ có ở môi trường thử nghiệm.
      </p>
      {messageId && <MessageView id={messageId} />}
      {list.loading && !list.data ? (
        <Loading label="Đang tải hộp thư…" />
      ) : list.error ? (
        <ErrorBox message={list.error} onRetry={() => void list.reload()} />
      ) : (list.data ?? []).length === 0 ? (
        <Empty>Hộp thư chưa có thư nào.</Empty>
      ) : (
        <section aria-labelledby="ds-thu">
          <div className="page-head">
            <h2 id="ds-thu">{list.data!.length} thư, mới nhất trước</h2>
            <button type="button" className="btn btn-small" onClick={() => void list.reload()}>
              Tải lại
            </button>
          </div>
          <table className="mailbox-table">
            <thead>
              <tr>
                <th scope="col">Thời gian</th>
                <th scope="col">Người nhận</th>
                <th scope="col">Tiêu đề</th>
                <th scope="col">Dung lượng</th>
              </tr>
            </thead>
            <tbody>
              {list.data!.map((m) => (
                <tr key={m.id} className={m.id === messageId ? 'selected' : undefined} data-testid="mailbox-row">
                  <td data-label="Thời gian">{formatDateTime(m.date)}</td>
                  <td data-label="Người nhận">{m.to.join(', ')}</td>
                  <td data-label="Tiêu đề">
                    <Link to={`/hop-thu-thu/${encodeURIComponent(m.id)}`} aria-current={m.id === messageId ? 'true' : undefined}>
                      {m.subject || '(không có tiêu đề)'}
                    </Link>
                  </td>
                  <td data-label="Dung lượng" className="nowrap">
                    {formatBytes(m.size)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </>
  );
}

function MessageView({ id }: { id: string }) {
  const message = useAsync(() => Api.mailboxMessage(id), [id]);
  const [asText, setAsText] = useState(false);
  if (message.loading && !message.data) return <Loading label="Đang mở thư…" />;
  if (message.error) return <ErrorBox message={message.error} onRetry={() => void message.reload()} />;
  const m = message.data as MailboxMessage;
  return (
    <article className="panel mail" aria-labelledby="tieu-de-thu">
      <h2 id="tieu-de-thu">{m.subject || '(không có tiêu đề)'}</h2>
      <table className="mail-headers">
        <tbody>
          <tr>
            <th scope="row">Người gửi</th>
            <td>{m.from}</td>
          </tr>
          <tr>
            <th scope="row">Người nhận</th>
            <td>{m.to.join(', ')}</td>
          </tr>
          <tr>
            <th scope="row">Thời gian</th>
            <td>{formatDateTime(m.date)}</td>
          </tr>
          <tr>
            <th scope="row">Mã thư (Message-ID)</th>
            <td className="mail-id">{m.messageId ?? '—'}</td>
          </tr>
          {m.attachments.length > 0 && (
            <tr>
              <th scope="row">Tệp đính kèm</th>
              <td>{m.attachments.map((a) => `${a.filename ?? '(không tên)'} (${formatBytes(a.size)})`).join(', ')}</td>
            </tr>
          )}
        </tbody>
      </table>
      {m.html && (
        <div className="actions" role="group" aria-label="Cách xem thư">
          <button type="button" className={`btn btn-small ${!asText ? 'btn-primary' : ''}`} aria-pressed={!asText} onClick={() => setAsText(false)}>
            Dạng trình bày (HTML)
          </button>
          <button type="button" className={`btn btn-small ${asText ? 'btn-primary' : ''}`} aria-pressed={asText} onClick={() => setAsText(true)}>
            Dạng văn bản
          </button>
        </div>
      )}
      {m.html && !asText ? (
        // Sandboxed: the message's HTML runs no script and cannot reach the app; its links open in a new tab.
        <iframe
          className="mail-html"
          title={`Nội dung thư: ${m.subject}`}
          sandbox="allow-popups allow-popups-to-escape-sandbox"
          srcDoc={m.html.includes('<head>') ? m.html.replace('<head>', '<head><base target="_blank">') : `<base target="_blank">${m.html}`}
        />
      ) : (
        <pre className="mail-text">{m.text}</pre>
      )}
      <p>
        <Link to="/hop-thu-thu">Đóng thư</Link>
      </p>
    </article>
  );
}
