/**
 * Activities that tell people: each task event (TaskActivities.notifyTaskEvent), the late list at a plan's
 * activation (PlanActivities.notifyLateAtActivation) and the coordinator's daily digest (DigestActivities). Who is
 * told and what they read is libs/notifications'; these only connect it to Temporal (heartbeats, attempts).
 */
import { Context } from '@temporalio/activity';
import type { DigestActivities, PlanActivities, TaskActivities } from '@app/contracts';
import type { Notifier } from '@app/notifications';

/** Heartbeat after each message, so a worker that dies mid-batch is noticed by the heartbeat timeout, if any. */
function heartbeat(): void {
  try {
    Context.current().heartbeat();
  } catch {
    // called outside an activity (tests of the notifier): nothing to report to
  }
}

function attempt(): number {
  try {
    return Context.current().info.attempt;
  } catch {
    return 1;
  }
}

/** After this many attempts the late list goes out with the tasks that have opened, rather than waiting forever. */
const LATE_LIST_WAIT_ATTEMPTS = 20;

export function createNotificationActivities(notifier: Notifier): Pick<TaskActivities, 'notifyTaskEvent'> & Pick<PlanActivities, 'notifyLateAtActivation'> & DigestActivities {
  return {
    async notifyTaskEvent(change) {
      await notifier.taskEvent(change, heartbeat);
    },
    async notifyLateAtActivation(input) {
      await notifier.lateAtActivation(input, { giveUpWaiting: attempt() > LATE_LIST_WAIT_ATTEMPTS, onProgress: heartbeat });
    },
    async sendDailyDigest({ commune, date }) {
      const r = await notifier.digest(commune, date, heartbeat);
      const nothing = r.overdue === 0 && r.dueSoon === 0;
      return { date, skipped: nothing ? 'NOTHING_TO_REPORT' : null, overdue: r.overdue, dueSoon: r.dueSoon, sent: r.sent };
    },
  };
}
