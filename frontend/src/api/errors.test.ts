import { describe, expect, it } from 'vitest';
import { ApiError, NETWORK_MESSAGE, cleanMessage, parseValidation, toApiError, unwrap } from './errors';

describe('parseValidation', () => {
  it('keys messages by the last loc element and keeps whole-body errors apart', () => {
    const { fields, general } = parseValidation([
      { loc: ['body', 'password'], msg: 'String should have at least 10 characters', type: 'string_too_short' },
      { loc: ['body', 'password'], msg: 'second message for the same field is dropped', type: 'x' },
      { loc: ['body', 'timezone'], msg: "Value error, unknown timezone 'Mars/Base'", type: 'value_error' },
      { loc: ['body'], msg: 'Value error, current_password is required to set a new password', type: 'value_error' },
    ]);
    expect(fields).toEqual({
      password: 'String should have at least 10 characters',
      timezone: "Unknown timezone 'Mars/Base'",
    });
    expect(general).toEqual(['Current_password is required to set a new password']);
  });

  it('ignores a detail that is not a list', () => {
    expect(parseValidation('nope')).toEqual({ fields: {}, general: [] });
  });
});

describe('toApiError', () => {
  it('uses the server detail string', () => {
    const err = toApiError(409, { detail: 'Email already registered' });
    expect(err.status).toBe(409);
    expect(err.message).toBe('Email already registered');
  });

  it('says how long to wait on 429', () => {
    const res = new Response(null, { status: 429, headers: { 'Retry-After': '120' } });
    expect(toApiError(429, { detail: 'Too many' }, res).message).toBe('Too many attempts. Try again in 2 minutes.');
  });

  it('has words for a bare 5xx', () => {
    expect(toApiError(502, undefined).message).toMatch(/server had a problem \(502\)/);
  });

  it('strips pydantic prefixes', () => {
    expect(cleanMessage('Value error, bad')).toBe('Bad');
  });
});

describe('unwrap', () => {
  it('returns data on success', async () => {
    await expect(unwrap(Promise.resolve({ data: 1, response: new Response('1', { status: 200 }) }))).resolves.toBe(1);
  });

  it('throws an ApiError for an error status even with an empty body', async () => {
    const call = Promise.resolve({ error: undefined, response: new Response(null, { status: 404 }) });
    await expect(unwrap(call)).rejects.toMatchObject({ status: 404, message: 'Not found.' });
  });

  it('turns a network failure into status 0 with a readable message', async () => {
    const err = await unwrap(Promise.reject(new TypeError('Failed to fetch'))).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 0, message: NETWORK_MESSAGE });
  });
});
