/** Local services for `npm start` and the tests: ports, embedded PostgreSQL, the Temporal CLI dev server. */
export * from './binaries';
export * from './child';
export * from './embedded-postgres';
export * from './free-port';
export * from './ports';
export * from './progress';
export * from './temporal-dev-server';
export * from './wait';
export * from './throwaway';
