import { z } from 'zod';
import { nameText } from '../domain/common';
import { UserProfileSchema } from '../domain/user';
import { DeviceIdSchema } from './sync';

export const LoginRequestSchema = z.object({
  username: nameText().trim().min(1).max(64),
  password: z.string().min(1).max(256),
  /** This device's id for this user (the server registers it; an admin can revoke it). */
  deviceId: DeviceIdSchema.optional(),
});
export type LoginRequest = z.infer<typeof LoginRequestSchema>;

/** A password a user or an administrator chooses. */
export const NewPasswordSchema = z.string().min(8).max(256);

/**
 * A user chooses their own password, proving the current one (no session needed: a user with an
 * initial password gets none before this).
 */
export const ChangePasswordRequestSchema = z
  .object({
    username: z.string().trim().min(1).max(64),
    password: z.string().min(1).max(256),
    newPassword: NewPasswordSchema,
  })
  .refine((b) => b.newPassword !== b.password, {
    path: ['newPassword'],
    message: 'The new password must differ from the current one',
  });
export type ChangePasswordRequest = z.infer<typeof ChangePasswordRequestSchema>;

export const LoginResponseSchema = z.object({
  token: z.string().min(20).max(256),
  user: UserProfileSchema,
  expiresAt: z.iso.datetime({ offset: true }),
  /** The device the session is bound to (the one sent, or a new one if none was sent). */
  deviceId: DeviceIdSchema.optional(),
  /**
   * A random secret the server keeps per (user, device), base64url. The device wraps its local
   * data key with it too, so after a password change an online login can still open the data.
   */
  deviceSecret: z.string().min(32).max(128).optional(),
});
export type LoginResponse = z.infer<typeof LoginResponseSchema>;

export const MeResponseSchema = z.object({ user: UserProfileSchema });

/** GET /api/auth/config (no session needed): what the login page offers. */
export const AuthConfigResponseSchema = z.object({
  /** Single sign-on is configured: the login page shows "Log ind med kommunens login". */
  sso: z.boolean(),
  /** The provider's logout, offered after a Fremskudt logout of an SSO user. */
  endSessionUrl: z.url().optional(),
});
export type AuthConfigResponse = z.infer<typeof AuthConfigResponseSchema>;

/**
 * POST /api/auth/oidc/exchange: collects the session of a finished single sign-on (the one-time
 * code travels in an HttpOnly cookie). The app names the device ids it already uses per user, so
 * the session is bound to the same device — and its device secret — as before.
 */
export const OidcExchangeRequestSchema = z.object({
  devices: z
    .array(z.object({ userId: z.string().min(1).max(64), deviceId: DeviceIdSchema }))
    .max(50)
    .default([]),
});
export type OidcExchangeRequest = z.infer<typeof OidcExchangeRequestSchema>;
