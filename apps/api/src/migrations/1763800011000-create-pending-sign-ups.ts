import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sign-up by email confirmation: a sign-up waits here until its link is followed, and only then becomes a
 * consultancy. Global like the sign-in directory (no tenant exists yet), and like it reached by the API role only
 * through the SECURITY DEFINER functions below, never by a bare SELECT: the rows hold password hashes and the
 * addresses of people who are not customers yet.
 */
export class CreatePendingSignUps1763800011000 implements MigrationInterface {
  name = 'CreatePendingSignUps1763800011000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE pending_sign_ups (
        token_hash bytea PRIMARY KEY,
        email text NOT NULL CHECK (email = lower(email)),
        consultancy_name text NOT NULL,
        name text NOT NULL,
        -- Cleared once the link is used: the member's row holds it from then on.
        password_hash text,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        consumed_at timestamptz,
        CHECK ((consumed_at IS NULL) = (password_hash IS NOT NULL))
      );
      CREATE INDEX pending_sign_ups_by_expiry ON pending_sign_ups (expires_at);

      -- Stores the sign-up unless the email already signs in somewhere, and says which so the right email is sent.
      -- Rows a week past their expiry go: until then a late link is told "expired" rather than "unknown".
      CREATE FUNCTION begin_sign_up(
        p_email text, p_token_hash bytea, p_consultancy_name text, p_name text, p_password_hash text,
        p_expires_at timestamptz
      ) RETURNS boolean
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = public
        AS $$
        BEGIN
          DELETE FROM pending_sign_ups WHERE expires_at < now() - interval '7 days';
          IF EXISTS (SELECT 1 FROM sign_in_directory WHERE email = lower(p_email)) THEN
            RETURN false;
          END IF;
          INSERT INTO pending_sign_ups (token_hash, email, consultancy_name, name, password_hash, expires_at)
            VALUES (p_token_hash, lower(p_email), p_consultancy_name, p_name, p_password_hash, p_expires_at);
          RETURN true;
        END
        $$;

      -- The sign-up a link stands for, and whether it can still be used; the password hash only while it can.
      CREATE FUNCTION pending_sign_up(p_token_hash bytea)
        RETURNS TABLE (email text, consultancy_name text, name text, password_hash text, state text)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
        AS $$
          SELECT s.email, s.consultancy_name, s.name,
                 CASE WHEN s.consumed_at IS NULL AND s.expires_at > now() THEN s.password_hash END,
                 CASE WHEN s.consumed_at IS NOT NULL THEN 'USED' WHEN s.expires_at <= now() THEN 'EXPIRED'
                      ELSE 'OPEN' END
            FROM pending_sign_ups s WHERE s.token_hash = p_token_hash
        $$;

      -- Marks the link used, once: of two confirmations racing, the second waits for the first and gets false.
      CREATE FUNCTION consume_sign_up(p_token_hash bytea) RETURNS boolean
        LANGUAGE sql SECURITY DEFINER SET search_path = public
        AS $$
          UPDATE pending_sign_ups SET consumed_at = now(), password_hash = NULL
           WHERE token_hash = p_token_hash AND consumed_at IS NULL AND expires_at > now()
          RETURNING true
        $$;

      REVOKE ALL ON FUNCTION begin_sign_up(text, bytea, text, text, text, timestamptz), pending_sign_up(bytea),
        consume_sign_up(bytea) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION begin_sign_up(text, bytea, text, text, text, timestamptz), pending_sign_up(bytea),
        consume_sign_up(bytea) TO csp_app;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP FUNCTION begin_sign_up(text, bytea, text, text, text, timestamptz), pending_sign_up(bytea),
        consume_sign_up(bytea);
      DROP TABLE pending_sign_ups;
    `);
  }
}
