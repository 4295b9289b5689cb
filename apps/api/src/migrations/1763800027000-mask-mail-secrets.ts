import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The exact strings of a mail that the admins' "Sent mail" list must not show (an invitation's secret token: an
 * admin who read the accept link could accept as the invitee). The body itself stays whole, since the worker sends
 * it as it is and may send it again after a crash; the list masks these strings when it shows the text. One array
 * on the row rather than masked copies of the bodies: nothing to keep in step, and a mail without secrets costs
 * an empty array.
 */
export class MaskMailSecrets1763800027000 implements MigrationInterface {
  name = 'MaskMailSecrets1763800027000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE mail_outbox ADD COLUMN secrets text[] NOT NULL DEFAULT '{}'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE mail_outbox DROP COLUMN secrets`);
  }
}
