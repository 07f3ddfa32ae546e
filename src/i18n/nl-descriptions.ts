// The Dutch meta description of each page (PageDescriptions in types.ts).
import { PROVIDER } from './provider.ts';
import type { PageDescriptions } from './types.ts';

export const nlDescriptions: PageDescriptions = {
  home: `De actuele status van de diensten van ${PROVIDER.name}: storingen, onderhoud en de beschikbaarheid van elke dienst over de laatste 90 dagen.`,
  history: `Collectieve storingen van ${PROVIDER.name} in deze maand en de 12 daarvoor, per maand, met elke update van de NOC.`,
  incident: (title) => `${title}: het verloop met elke update van de NOC, de getroffen diensten en de reactie- en oplostijd volgens de SLA.`,
  maintenanceList: `Onderhoud aan de diensten van ${PROVIDER.name}: bezig, gepland, afgerond en geannuleerd, met de regels van de SLA per soort.`,
  maintenance: (title) => `${title}: het venster, de getroffen diensten, de aankondiging en de regels van de SLA voor dit onderhoud.`,
  calendar: (month) => `De onderhoudskalender van ${month}: elk aangekondigd onderhoud van ${PROVIDER.name} per dag, met diensten en soort.`,
  availability: `De beschikbaarheid van elke dienst van ${PROVIDER.name} per maand over 12 maanden, berekend volgens de SLA, en de KPI's.`,
  product: (name) => `${name} bij ${PROVIDER.name}: de actuele status, de beschikbaarheid over 90 dagen, storingen en onderhoud.`,
  subscribe: `Meldingen van storingen en onderhoud van ${PROVIDER.name} per e-mail of webhook, of als RSS-feed en agenda, voor alle of enkele diensten.`,
  subscription: `Uw abonnement op de meldingen van ${PROVIDER.name}: bevestigen, diensten kiezen of opzeggen.`,
  embed: `De actuele status van de diensten van ${PROVIDER.name} in het kort, om op een andere site te tonen.`,
  notFound: `Deze pagina bestaat niet op de statuspagina van ${PROVIDER.name}.`,
};
