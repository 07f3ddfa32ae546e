// The text pool of the demo maintenance: Dutch titles and descriptions with their
// English versions, per maintenance type (SLA §2.1 / §6), the products each affects and
// the impact announced; and the Dutch reasons a planned maintenance was cancelled.
import type { Impact } from '#src/domain/vocabulary.ts';
import type { Bilingual } from '#src/demo/messages.ts';
import type { DemoProduct } from '#src/demo/products.ts';

export interface MaintenanceText {
  products: readonly DemoProduct[];
  expectedImpact: Impact;
  title: Bilingual;
  description: Bilingual;
}

/** Regular (Friday night) and necessary (evening) maintenance: planned work. */
export const PLANNED_WORK: readonly MaintenanceText[] = [
  {
    products: ['voipnow'],
    expectedImpact: 'partial_outage',
    title: { nl: 'Software-update VOIPNOW-platform', en: 'VOIPNOW platform software update' },
    description: {
      nl: 'Wij installeren een nieuwe softwareversie op de VOIPNOW-servers. De servers worden een voor een bijgewerkt; lopende gesprekken kunnen eenmalig worden verbroken en toestellen registreren zich opnieuw.',
      en: 'We are installing a new software version on the VOIPNOW servers, one server at a time. Calls in progress may be dropped once and handsets will register again.',
    },
  },
  {
    products: ['teams-dr'],
    expectedImpact: 'major_outage',
    title: { nl: 'Onderhoud SBC’s Teams Direct Routing', en: 'Teams Direct Routing SBC maintenance' },
    description: {
      nl: 'De session border controllers voor Microsoft Teams Direct Routing krijgen een firmware-update. Tijdens het venster kunnen Teams-gesprekken enkele minuten niet tot stand komen.',
      en: 'The session border controllers for Microsoft Teams Direct Routing receive a firmware update. During the window Teams calls may fail for a few minutes.',
    },
  },
  {
    products: ['3cx'],
    expectedImpact: 'major_outage',
    title: { nl: 'Update 3CX-hostingplatform', en: '3CX hosting platform update' },
    description: {
      nl: 'Alle gehoste 3CX-centrales worden bijgewerkt naar de nieuwste versie. Per centrale is er een onderbreking van ongeveer vijf minuten.',
      en: 'All hosted 3CX systems are updated to the latest version. Each system is unavailable for about five minutes.',
    },
  },
  {
    products: ['connectivity', 'voipnow'],
    expectedImpact: 'partial_outage',
    title: { nl: 'Onderhoud core-routers Amsterdam', en: 'Amsterdam core router maintenance' },
    description: {
      nl: 'Wij vervangen de software van de core-routers in ons datacenter in Amsterdam. Verbindingen schakelen om naar de tweede router; dit kan een korte onderbreking geven.',
      en: 'We are upgrading the software of the core routers in our Amsterdam data centre. Connections fail over to the second router, which may cause a brief interruption.',
    },
  },
  {
    products: ['voizplus'],
    expectedImpact: 'major_outage',
    title: { nl: 'Nieuwe release voizplus', en: 'New voizplus release' },
    description: {
      nl: 'Wij brengen een nieuwe versie van het voizplus-portaal uit. Het portaal is tijdens het venster enige tijd niet beschikbaar. Telefonie werkt gewoon door.',
      en: 'We are releasing a new version of the voizplus portal. The portal is unavailable for a while during the window. Telephony is not affected.',
    },
  },
  {
    products: ['voizapps'],
    expectedImpact: 'partial_outage',
    title: { nl: 'Database-onderhoud voizApps', en: 'voizApps database maintenance' },
    description: {
      nl: 'De database van voizApps wordt naar nieuwe hardware verplaatst. Synchronisatie en gespreksopnamen zijn kort niet beschikbaar.',
      en: 'The voizApps database is moved to new hardware. Synchronisation and call recordings are briefly unavailable.',
    },
  },
  {
    products: ['voipnow', 'teams-dr'],
    expectedImpact: 'partial_outage',
    title: { nl: 'Vervanging mediaservers', en: 'Media server replacement' },
    description: {
      nl: 'Wij vervangen de mediaservers die spraak tussen ons platform en andere netwerken doorgeven. Lopende gesprekken kunnen eenmalig worden verbroken.',
      en: 'We are replacing the media servers that relay audio between our platform and other networks. Calls in progress may be dropped once.',
    },
  },
];

/** Emergency maintenance: urgent work announced shortly before it starts. */
export const URGENT_WORK: readonly MaintenanceText[] = [
  {
    products: ['voipnow'],
    expectedImpact: 'partial_outage',
    title: { nl: 'Spoedonderhoud: beveiligingsupdate SIP-proxy’s', en: 'Emergency maintenance: SIP proxy security update' },
    description: {
      nl: 'Een leverancier heeft een kritieke beveiligingsupdate uitgebracht. Wij installeren deze direct op de SIP-proxy’s. Gesprekken kunnen kort worden onderbroken.',
      en: 'A vendor has released a critical security update, which we are installing on the SIP proxies right away. Calls may be briefly interrupted.',
    },
  },
  {
    products: ['connectivity'],
    expectedImpact: 'major_outage',
    title: { nl: 'Spoedonderhoud: vervanging defecte switch', en: 'Emergency maintenance: replacing a faulty switch' },
    description: {
      nl: 'Een switch in ons datacenter vertoont fouten en wordt direct vervangen. Verbindingen op deze switch zijn enkele minuten onderbroken.',
      en: 'A switch in our data centre shows errors and is being replaced right away. Connections on this switch are down for a few minutes.',
    },
  },
  {
    products: ['teams-dr'],
    expectedImpact: 'major_outage',
    title: { nl: 'Spoedonderhoud: herstart SBC Teams Direct Routing', en: 'Emergency maintenance: Teams Direct Routing SBC restart' },
    description: {
      nl: 'Na een verstoring eerder vandaag herstarten wij een van de SBC’s om het probleem definitief op te lossen. Teams-gesprekken kunnen kort niet tot stand komen.',
      en: 'After a disruption earlier today we are restarting one of the SBCs to fix the problem for good. Teams calls may briefly fail.',
    },
  },
  {
    products: ['3cx'],
    expectedImpact: 'partial_outage',
    title: { nl: 'Spoedonderhoud: 3CX-hosts', en: 'Emergency maintenance: 3CX hosts' },
    description: {
      nl: 'Een van de hosts van het 3CX-platform heeft een hardwarefout. Wij verplaatsen de centrales naar een andere host; per centrale is er een korte onderbreking.',
      en: 'One of the 3CX platform hosts has a hardware fault. We are moving the systems to another host; each system is briefly interrupted.',
    },
  },
];

/** Unannounced maintenance: a moment of work without notice, under a minute of downtime. */
export const QUICK_WORK: readonly MaintenanceText[] = [
  {
    products: ['voipnow'],
    expectedImpact: 'partial_outage',
    title: { nl: 'Herstart registrar-proces', en: 'Registrar process restart' },
    description: { nl: 'Het registrar-proces is herstart om een configuratiewijziging te activeren.', en: 'The registrar process was restarted to activate a configuration change.' },
  },
  {
    products: ['voizplus'],
    expectedImpact: 'major_outage',
    title: { nl: 'Herstart webserver voizplus', en: 'voizplus web server restart' },
    description: { nl: 'De webserver van voizplus is herstart na een certificaatwissel.', en: 'The voizplus web server was restarted after a certificate change.' },
  },
  {
    products: ['connectivity'],
    expectedImpact: 'partial_outage',
    title: { nl: 'Omschakeling BGP-sessie', en: 'BGP session switchover' },
    description: { nl: 'Een BGP-sessie met een transitpartner is opnieuw opgezet.', en: 'A BGP session with a transit partner was re-established.' },
  },
  {
    products: ['voizapps'],
    expectedImpact: 'partial_outage',
    title: { nl: 'Herstart synchronisatiedienst voizApps', en: 'voizApps sync service restart' },
    description: { nl: 'De synchronisatiedienst van voizApps is herstart.', en: 'The voizApps synchronisation service was restarted.' },
  },
];

export const CANCEL_REASONS: readonly string[] = [
  'De leverancier heeft de nieuwe softwareversie teruggetrokken. Wij plannen het onderhoud opnieuw zodra er een gecorrigeerde versie is.',
  'De benodigde hardware is niet op tijd geleverd. Een nieuwe datum volgt.',
  'Het onderhoud is samengevoegd met een later gepland onderhoudsvenster.',
];
