import type { Db } from '../db/connection.ts';
import { findUserByEmail } from '../users/user-repository.ts';
import { verifyPassword } from './passwords.ts';
import { deleteSession, insertSession } from './session-repository.ts';
import { newToken, tokenDigest } from './session-token.ts';
import { SESSION_DAYS } from '../web/sessions.ts';

export interface AuthService {
  /** A new session token for the user, or null when the e-mail or password is wrong (never says which). */
  signIn(email: string, password: string): Promise<string | null>;
  startSession(user: { id: string; organisation_id: string }): Promise<string>;
  signOut(sessionToken: string): Promise<void>;
}

export function createAuthService(db: Db, secret: string): AuthService {
  const startSession = async (user: { id: string; organisation_id: string }) => {
    const token = newToken();
    await insertSession(db, {
      id: tokenDigest(secret, 'session', token),
      organisationId: user.organisation_id,
      userId: user.id,
      expiresAt: new Date(Date.now() + SESSION_DAYS * 86_400_000),
    });
    return token;
  };
  return {
    async signIn(email, password) {
      const user = await findUserByEmail(db, email.trim());
      const ok = await verifyPassword(user?.password_hash, password);
      if (!user || !ok || user.disabled_at) return null;
      return startSession(user);
    },
    startSession,
    async signOut(sessionToken) {
      await deleteSession(db, tokenDigest(secret, 'session', sessionToken));
    },
  };
}
