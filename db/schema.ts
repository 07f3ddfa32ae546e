// The whole product's data model, for both drivers (PostgreSQL server and embedded PGlite).
// To change it: edit the file of the concern under db/schema/, run `npm run db:generate`, commit the new migration in
// db/migrations. Times are timestamptz, stored in UTC; columns snake_case, properties camelCase.
// One model in four files by concern; everything is imported from here (`#db/schema.ts`).
export * from './schema/access.ts';
export * from './schema/history.ts';
export * from './schema/notifications.ts';
export * from './schema/publishing.ts';
