import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from './config.ts';

describe('DATABASE_POOL_SIZE', () => {
  it('defaults to 10 connections, also when set empty', () => {
    expect(readConfig({}).databasePoolSize).toBe(10);
    expect(readConfig({ DATABASE_POOL_SIZE: '' }).databasePoolSize).toBe(10);
  });

  it('takes a whole number from 1 to 200', () => {
    expect(readConfig({ DATABASE_POOL_SIZE: '1' }).databasePoolSize).toBe(1);
    expect(readConfig({ DATABASE_POOL_SIZE: '40' }).databasePoolSize).toBe(40);
    expect(readConfig({ DATABASE_POOL_SIZE: '200' }).databasePoolSize).toBe(200);
  });

  it.each(['0', '201', '2.5', 'ten', '-3'])('refuses %s, naming the variable', (value) => {
    expect(() => readConfig({ DATABASE_POOL_SIZE: value })).toThrow(ConfigError);
    expect(() => readConfig({ DATABASE_POOL_SIZE: value })).toThrow(/DATABASE_POOL_SIZE: /);
  });
});

describe('PGLITE_SHARED_BUFFERS', () => {
  it('defaults to 32MB, also when set empty, and takes whole megabytes', () => {
    expect(readConfig({}).pgliteSharedBuffers).toBe('32MB');
    expect(readConfig({ PGLITE_SHARED_BUFFERS: '' }).pgliteSharedBuffers).toBe('32MB');
    expect(readConfig({ PGLITE_SHARED_BUFFERS: '128MB' }).pgliteSharedBuffers).toBe('128MB');
  });

  it.each(['32', '0MB', '1.5MB', '32mb', "32MB'; drop", '1GB'])('refuses %s, naming the variable', (value) => {
    expect(() => readConfig({ PGLITE_SHARED_BUFFERS: value })).toThrow(/PGLITE_SHARED_BUFFERS: must be a whole number of megabytes/);
  });
});
