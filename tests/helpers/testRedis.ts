/** The Redis the tests may use: always in CI, otherwise when REDIS_URL is set; undefined means skip. */
export function redisUrlForTests(): string | undefined {
  if (process.env.REDIS_URL) return process.env.REDIS_URL;
  if (process.env.CI === 'true') throw new Error('CI=true but REDIS_URL is not set: the Redis tests must run in CI');
  return undefined;
}

/** Runs `body` when Redis is there; otherwise one skipped test that says why. */
export function withRedis(title: string, body: (url: string) => void): void {
  const url = redisUrlForTests();
  if (url) return body(url);
  describe(title, () => {
    it('is skipped', function () {
      console.log('      skipped: REDIS_URL is not set');
      this.skip();
    });
  });
}
