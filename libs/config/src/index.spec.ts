import { ConfigError, DEV_JWT_SECRET, loadConfig } from './index';

const STRONG = 'x'.repeat(16) + 'y'.repeat(16);

describe('loadConfig: mode and secrets (row 8)', () => {
  it('development and test use the public development secret; only development creates demo accounts', () => {
    expect(loadConfig({ NODE_ENV: 'development' })).toMatchObject({ nodeEnv: 'development', jwtSecret: DEV_JWT_SECRET, demoAccounts: true, production: false });
    expect(loadConfig({ NODE_ENV: 'test' })).toMatchObject({ nodeEnv: 'test', jwtSecret: DEV_JWT_SECRET, demoAccounts: false, production: false });
  });

  it('an unset NODE_ENV is production: no demo accounts, a strong JWT_SECRET required', () => {
    expect(() => loadConfig({})).toThrow(ConfigError);
    expect(() => loadConfig({})).toThrow(/JWT_SECRET là bắt buộc ở chế độ production \(NODE_ENV chưa đặt/);
    expect(loadConfig({ JWT_SECRET: STRONG })).toMatchObject({ nodeEnv: 'production', nodeEnvImplicit: true, production: true, demoAccounts: false });
  });

  it('refuses an unknown NODE_ENV, naming the variable and the accepted values', () => {
    for (const value of ['prod', 'Production', 'dev', 'staging']) {
      expect(() => loadConfig({ NODE_ENV: value, JWT_SECRET: STRONG })).toThrow(
        `Biến môi trường NODE_ENV phải là một trong development, test, production (đang là "${value}").`,
      );
    }
  });

  it('refuses a short or the public JWT_SECRET in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'a' })).toThrow(/JWT_SECRET quá yếu: cần ít nhất 32 ký tự/);
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'a'.repeat(31) })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: DEV_JWT_SECRET })).toThrow(ConfigError);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: STRONG }).jwtSecret).toBe(STRONG);
  });

  it('lists the demo passwords a production start looks for: demo and DEMO_PASSWORD', () => {
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: STRONG }).demoPasswords).toEqual(['demo']);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: STRONG, DEMO_PASSWORD: 'abc' }).demoPasswords).toEqual(['demo', 'abc']);
  });
});

describe('loadConfig: login throttling (row 9)', () => {
  it('defaults to 10 attempts per username and 30 per address a minute, each a setting', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).loginThrottle).toEqual({ windowSeconds: 60, perUsername: 10, perAddress: 30 });
    const env = { NODE_ENV: 'test', LOGIN_THROTTLE_WINDOW_SECONDS: '300', LOGIN_THROTTLE_PER_USERNAME: '5', LOGIN_THROTTLE_PER_ADDRESS: '100' };
    expect(loadConfig(env).loginThrottle).toEqual({ windowSeconds: 300, perUsername: 5, perAddress: 100 });
    expect(() => loadConfig({ NODE_ENV: 'test', LOGIN_THROTTLE_PER_USERNAME: '0' })).toThrow(/LOGIN_THROTTLE_PER_USERNAME phải là số nguyên dương/);
  });
});

describe('loadConfig: Swagger (row 12)', () => {
  it('serves the OpenAPI document by default in development and test, not in production unless SWAGGER says so', () => {
    expect(loadConfig({ NODE_ENV: 'development' }).swagger).toBe(true);
    expect(loadConfig({ NODE_ENV: 'test' }).swagger).toBe(true);
    expect(loadConfig({ NODE_ENV: 'test', SWAGGER: 'false' }).swagger).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: STRONG }).swagger).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: STRONG, SWAGGER: 'true' }).swagger).toBe(true);
    expect(() => loadConfig({ NODE_ENV: 'test', SWAGGER: 'maybe' })).toThrow('Biến môi trường SWAGGER phải là true hoặc false (đang là "maybe").');
  });
});
