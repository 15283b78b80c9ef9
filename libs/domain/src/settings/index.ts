/** A commune's settings as rules: what the admin may store for deadlines and reports. Pure. */
export * from './deadlines';
export * from './reports';
