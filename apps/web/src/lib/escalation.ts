/**
 * How far up the ladder a step went, in words ("Đã nhắc", "Đã báo lãnh đạo đơn vị", "Đã báo đầu mối CCHC", "Đã
 * báo Chủ tịch"). The API gives the level (`escalationLevel`, the place in the commune's ladder of reminders and
 * rungs); what each place is comes from the commune's settings through the domain's own ladder (libs/domain, pure),
 * so the order of reminders and rungs is never written a second time here.
 */
import { useEffect, useState } from 'react';
import { DeadlinesApi, type DeadlineSettings, type EscalationTarget } from '../api/deadlines';
import { alertsFor } from '../../../../libs/domain/src/deadlines/ladder';

/** The settings, read once per page load: they change rarely, and every list needs them. */
let settingsPromise: Promise<DeadlineSettings> | null = null;
let settingsValue: DeadlineSettings | null = null;

function loadSettings(): Promise<DeadlineSettings> {
  settingsPromise ??= DeadlinesApi.deadlineSettings()
    .then((s) => (settingsValue = s))
    .catch((err: unknown) => {
      settingsPromise = null; // try again next time
      throw err;
    });
  return settingsPromise;
}

/** Forget the settings read (the admin has just saved new ones). */
export function forgetDeadlineSettings(): void {
  settingsPromise = null;
  settingsValue = null;
}

const RUNG_WORDS: [EscalationTarget, string][] = [
  ['CHAIRMAN', 'Đã báo Chủ tịch'],
  ['COORDINATOR', 'Đã báo đầu mối CCHC'],
  ['UNIT_HEAD', 'Đã báo lãnh đạo đơn vị'],
  ['HOLDER', 'Đã báo người giữ việc'],
];

/** A calendar without exceptions: the order of a ladder does not depend on holidays. */
const PLAIN_CALENDAR = { holidays: [], workingSaturdays: [] };

/** The word for level `level` (1-based) of the ladder these settings make; null for 0. Without settings: generic. */
export function escalationWord(level: number | null | undefined, settings: DeadlineSettings | null): string | null {
  if (!level || level < 1) return null;
  if (!settings) return 'Đã nhắc / báo quá hạn';
  const alert = alertsFor('2026-06-15', { settings, calendar: PLAIN_CALENDAR })[level - 1];
  if (!alert) return 'Đã báo quá hạn';
  if (alert.type === 'REMINDER') return 'Đã nhắc';
  return RUNG_WORDS.find(([target]) => alert.to.includes(target))?.[1] ?? 'Đã báo quá hạn';
}

/**
 * `word(level)` for the component: the settings are read once, the words follow when they arrive (nothing is said
 * meanwhile; if they cannot be read, a generic word).
 */
export function useEscalationWord(): (level: number | null | undefined) => string | null {
  const [settings, setSettings] = useState<DeadlineSettings | null>(settingsValue);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (settings) return;
    let live = true;
    loadSettings()
      .then((s) => live && setSettings(s))
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [settings]);
  return (level) => (settings || failed ? escalationWord(level, settings) : null);
}
