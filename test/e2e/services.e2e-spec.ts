/** The e2e services are real: PostgreSQL answers SQL, Temporal answers gRPC, the SMTP helper receives real mail. */
import { Connection } from '@temporalio/client';
import * as nodemailer from 'nodemailer';
import { Client } from 'pg';
import { createTestDatabase, testServices } from '../support/services';
import { startSmtpServer, TestSmtpServer } from '../support/smtp';

describe('test services (global setup)', () => {
  it('PostgreSQL answers SELECT 1 on the test database', async () => {
    const { databaseUrl } = testServices();
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query('SELECT 1 AS one, current_database() AS db, current_setting($1) AS enc', ['server_encoding']);
      expect(rows[0].one).toBe(1);
      expect(rows[0].enc).toBe('UTF8');
      if (process.env.CCHC_TEST_PG_EMBEDDED) expect(rows[0].db).toBe('cchc_test');
    } finally {
      await client.end();
    }
  });

  it('createTestDatabase gives an isolated database and drops it', async () => {
    const db = await createTestDatabase('cchc_svc');
    const client = new Client({ connectionString: db.url });
    await client.connect();
    const { rows } = await client.query('SELECT current_database() AS db');
    await client.end();
    expect(rows[0].db).toBe(db.name);
    await db.drop();
  });

  it('Temporal answers getSystemInfo and knows the default namespace', async () => {
    const connection = await Connection.connect({ address: testServices().temporalAddress });
    try {
      const info = await connection.workflowService.getSystemInfo({});
      expect(info.serverVersion).toMatch(/^\d+\.\d+/);
      const ns = await connection.workflowService.describeNamespace({ namespace: 'default' });
      expect(ns.namespaceInfo?.name).toBe('default');
    } finally {
      await connection.close();
    }
  });

  describe('SMTP helper', () => {
    let smtp: TestSmtpServer;
    beforeAll(async () => {
      smtp = await startSmtpServer();
    });
    afterAll(() => smtp.stop());

    it('receives a nodemailer message with its attachment', async () => {
      const transport = nodemailer.createTransport(smtp.url);
      await transport.sendMail({
        from: 'CCHC xã An Lão <cchc@an-lao.local>',
        to: 'vhxh.cchc@an-lao.local',
        bcc: 'chutich@an-lao.local',
        subject: 'Báo cáo CCHC quý II/2026',
        text: 'Kính gửi Sở Nội vụ: báo cáo kèm theo.',
        attachments: [{ filename: 'bao-cao-quy-2.docx', content: Buffer.from('PK fake docx') }],
      });
      transport.close();
      const [mail] = await smtp.waitForMessages(1);
      expect(mail.to).toEqual(['vhxh.cchc@an-lao.local', 'chutich@an-lao.local']);
      expect(mail.headerTo).toEqual(['vhxh.cchc@an-lao.local']);
      expect(mail.subject).toBe('Báo cáo CCHC quý II/2026');
      expect(mail.text).toContain('Sở Nội vụ');
      expect(mail.attachments).toHaveLength(1);
      expect(mail.attachments[0].filename).toBe('bao-cao-quy-2.docx');
      expect(mail.attachments[0].content.toString()).toBe('PK fake docx');
    });
  });
});
