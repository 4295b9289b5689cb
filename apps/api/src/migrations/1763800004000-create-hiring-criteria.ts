import type { MigrationInterface, QueryRunner } from 'typeorm';
import { publishedOnlyForClients, tenantIsolation } from './tenant-table.js';

/**
 * Hiring criteria per client: role profiles with weighted criteria, and candidate scorecards scored against them.
 * Fit, flags and ranks are computed from these rows by @csp/domain and never stored. The composite foreign keys
 * carry client_id and profile_id down the chain, so a score can only name a criterion of its own scorecard's profile,
 * and deleting a criterion deletes its scores with it.
 */
export class CreateHiringCriteria1763800004000 implements MigrationInterface {
  name = 'CreateHiringCriteria1763800004000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE role_profiles (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        client_id uuid NOT NULL,
        title text NOT NULL,
        summary text,
        revision integer NOT NULL DEFAULT 1 CHECK (revision >= 1),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        UNIQUE (tenant_id, client_id, id),
        FOREIGN KEY (tenant_id, client_id) REFERENCES clients (tenant_id, id) ON DELETE CASCADE
      );
      CREATE INDEX role_profiles_by_client ON role_profiles (tenant_id, client_id, title, id);

      CREATE TABLE hiring_criteria (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        client_id uuid NOT NULL,
        profile_id uuid NOT NULL,
        key text NOT NULL,
        category text NOT NULL CHECK (category IN ('PERSONALITY_TRAIT', 'INDUSTRY_EXPERIENCE', 'SKILL',
          'VALUE_FIT', 'PRODUCT_KNOWLEDGE')),
        title text NOT NULL,
        weight integer NOT NULL CHECK (weight BETWEEN 1 AND 100),
        must_have boolean NOT NULL DEFAULT false,
        evidence text NOT NULL,
        aeiou_value text CHECK (aeiou_value IN ('ACCOUNTABLE', 'ENERGETIC', 'INNOVATIVE', 'OPTIMISTIC', 'UNIQUE')),
        position integer NOT NULL,
        PRIMARY KEY (tenant_id, id),
        UNIQUE (tenant_id, profile_id, key),
        UNIQUE (tenant_id, profile_id, id),
        FOREIGN KEY (tenant_id, client_id, profile_id)
          REFERENCES role_profiles (tenant_id, client_id, id) ON DELETE CASCADE
      );
      CREATE INDEX hiring_criteria_by_profile ON hiring_criteria (tenant_id, profile_id, position, id);

      CREATE TABLE candidate_scorecards (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        client_id uuid NOT NULL,
        profile_id uuid NOT NULL,
        -- A name or a reference the client recognises, and nothing more about the person.
        candidate_ref text NOT NULL,
        assessor_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        UNIQUE (tenant_id, profile_id, id),
        FOREIGN KEY (tenant_id, client_id, profile_id)
          REFERENCES role_profiles (tenant_id, client_id, id) ON DELETE CASCADE,
        FOREIGN KEY (tenant_id, assessor_id) REFERENCES users (tenant_id, id)
      );
      -- One scorecard per candidate and profile, whatever the case, so a ranking never lists a person twice.
      CREATE UNIQUE INDEX candidate_scorecards_one_per_candidate
        ON candidate_scorecards (tenant_id, profile_id, lower(candidate_ref));
      CREATE INDEX candidate_scorecards_by_profile ON candidate_scorecards (tenant_id, profile_id, created_at, id);
      CREATE INDEX candidate_scorecards_by_assessor ON candidate_scorecards (tenant_id, assessor_id);

      CREATE TABLE candidate_scores (
        tenant_id uuid NOT NULL,
        client_id uuid NOT NULL,
        profile_id uuid NOT NULL,
        scorecard_id uuid NOT NULL,
        criterion_id uuid NOT NULL,
        score integer NOT NULL CHECK (score BETWEEN 1 AND 5),
        note text,
        PRIMARY KEY (tenant_id, scorecard_id, criterion_id),
        FOREIGN KEY (tenant_id, profile_id, scorecard_id)
          REFERENCES candidate_scorecards (tenant_id, profile_id, id) ON DELETE CASCADE,
        FOREIGN KEY (tenant_id, profile_id, criterion_id)
          REFERENCES hiring_criteria (tenant_id, profile_id, id) ON DELETE CASCADE
      );
      CREATE INDEX candidate_scores_by_criterion ON candidate_scores (tenant_id, criterion_id);
    `);
    for (const table of ['role_profiles', 'hiring_criteria', 'candidate_scorecards', 'candidate_scores']) {
      await db.query(tenantIsolation(table, { clientColumn: 'client_id' }));
    }
    // Candidates are people applying to the client: their scorecards stay with the consultancy, and a client
    // fence (a client leader, or a key fenced to one client) finds none, whatever permission it holds.
    await db.query(publishedOnlyForClients('candidate_scorecards', 'false'));
    await db.query(publishedOnlyForClients('candidate_scores', 'false'));
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE candidate_scores, candidate_scorecards, hiring_criteria, role_profiles');
  }
}
