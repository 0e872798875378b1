import { z } from 'zod';
import { UserProfileSchema } from '../domain/user';

export const LoginRequestSchema = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});
export type LoginRequest = z.infer<typeof LoginRequestSchema>;

export const LoginResponseSchema = z.object({
  token: z.string().min(20).max(256),
  user: UserProfileSchema,
  expiresAt: z.iso.datetime({ offset: true }),
});
export type LoginResponse = z.infer<typeof LoginResponseSchema>;

export const MeResponseSchema = z.object({ user: UserProfileSchema });
