/** Today's date in the commune's zone (Asia/Ho_Chi_Minh, UTC+7, no daylight saving), ISO. */
export function todayInVietnam(now = new Date()): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}
