// The English meta description of each page (PageDescriptions in types.ts).
import { PROVIDER } from './provider.ts';
import type { PageDescriptions } from './types.ts';

export const enDescriptions: PageDescriptions = {
  home: `The current status of ${PROVIDER.name}'s services: incidents, maintenance and each service's availability over the last 90 days.`,
  history: `Collective incidents at ${PROVIDER.name} this month and the 12 before it, by month, with every update from the NOC.`,
  incident: (title) => `${title}: its course with every update from the NOC, the services affected and the response and resolution times under the SLA.`,
  maintenanceList: `Maintenance of ${PROVIDER.name}'s services: in progress, scheduled, completed and cancelled, with the SLA's rules for each type.`,
  maintenance: (title) => `${title}: the window, the services affected, the notice given and the SLA's rules for this maintenance.`,
  calendar: (month) => `The maintenance calendar of ${month}: every announced maintenance of ${PROVIDER.name} by day, with its services and type.`,
  availability: `The availability of each of ${PROVIDER.name}'s services by month over 12 months, computed under the SLA, and the KPIs.`,
  product: (name) => `${name} at ${PROVIDER.name}: its current status, availability over 90 days, incidents and maintenance.`,
  subscribe: `Notifications of ${PROVIDER.name}'s incidents and maintenance by email or webhook, or as an RSS feed and calendar, for all services or some.`,
  subscription: `Your subscription to ${PROVIDER.name}'s notifications: confirm it, choose services or unsubscribe.`,
  embed: `The current status of ${PROVIDER.name}'s services in brief, to show on another site.`,
  notFound: `This page does not exist on ${PROVIDER.name}'s status page.`,
};
