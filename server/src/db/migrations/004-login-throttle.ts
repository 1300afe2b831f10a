/**
 * Issue 8, login throttling: failures count per account *and* client address (so no one can lock an
 * agent out from elsewhere), with a ceiling per address across accounts. Replaces the lock per e-mail.
 */
export const loginThrottleSchema = `
DROP TABLE login_failures;
DROP TABLE login_locks;

-- Consecutive failed logins of one account from one address, since its last success there.
CREATE TABLE login_throttle (
  email TEXT NOT NULL,
  address TEXT NOT NULL,
  failures INTEGER NOT NULL,
  last_failed_at INTEGER NOT NULL,
  PRIMARY KEY (email, address)
);

-- Every recent failed login of an address, whatever the account: its ceiling.
CREATE TABLE login_address_failures (
  address TEXT NOT NULL,
  failed_at INTEGER NOT NULL
);
CREATE INDEX login_address_failures_by_address ON login_address_failures(address, failed_at);
`;
