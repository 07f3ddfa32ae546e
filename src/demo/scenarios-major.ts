// Demo incidents of category 2 (SLA §2.2: large impact, more than 10 % of calls): the
// collective outages a hosted-VoIP provider's 24/7 watch handles. Dutch NOC updates per
// stage with their English versions, and the report published after each that can be a
// month's severe incident (an outage of a product with a target); see messages.ts for the shape.
import type { IncidentScenario } from '#src/demo/messages.ts';
import { DOWN_THEN_BETTER, PARTIAL_THEN_BETTER, PARTIAL_THEN_GONE } from '#src/demo/messages.ts';

export const MAJOR_SCENARIOS: readonly IncidentScenario[] = [
  {
    category: 2,
    impacts: { voipnow: DOWN_THEN_BETTER },
    title: { nl: 'Registraties van SIP-trunks en toestellen mislukken', en: 'SIP trunk and handset registrations failing' },
    investigating: {
      nl: 'Wij ontvangen meldingen dat SIP-trunks en toestellen zich niet kunnen registreren op het VOIPNOW-platform. Hierdoor kunnen veel gebruikers niet bellen of gebeld worden. Onze engineers onderzoeken de oorzaak.',
      en: 'We are receiving reports that SIP trunks and handsets cannot register with the VOIPNOW platform, so many users cannot make or receive calls. Our engineers are investigating.',
    },
    identified: {
      nl: 'De oorzaak is gevonden: een van de registrar-servers weigerde nieuwe registraties na een geheugenprobleem. Het verkeer is omgezet naar de tweede registrar; de meeste toestellen registreren zich weer.',
      en: 'The cause has been found: one of the registrar servers refused new registrations after a memory problem. Traffic has been moved to the second registrar; most handsets are registering again.',
    },
    monitoring: {
      nl: 'Sinds {since} zijn alle registraties hersteld. Toestellen die nog niet geregistreerd zijn, kunnen worden herstart. Wij houden het platform nauwlettend in de gaten.',
      en: 'All registrations have recovered since {since}. Handsets that are still unregistered can be restarted. We are monitoring the platform closely.',
    },
    resolved: {
      nl: 'De storing is opgelost. De getroffen registrar is hersteld en weer aan het cluster toegevoegd. Excuses voor het ongemak.',
      en: 'The incident has been resolved. The affected registrar has been repaired and added back to the cluster. We apologise for the inconvenience.',
    },
    report: {
      nl: 'Wat er gebeurde: een van de twee registrar-servers van het VOIPNOW-platform raakte overbelast en weigerde nieuwe registraties. Toestellen en SIP-trunks die zich in die periode opnieuw registreerden, konden niet bellen of gebeld worden.\n\nOorzaak: een geheugenlek in de module die registraties bijhoudt. Het lek trad alleen op bij veel gelijktijdige herregistraties. De bewaking sloeg alarm, maar zette het verkeer niet automatisch om naar de tweede registrar.\n\nMaatregelen: de leverancier heeft een correctie geleverd, die op beide registrars is geïnstalleerd. De bewaking zet het verkeer voortaan zelf om zodra een registrar registraties weigert, en wij testen elke nieuwe versie met een piek aan herregistraties.',
      en: 'What happened: one of the two registrar servers of the VOIPNOW platform was overloaded and refused new registrations. Handsets and SIP trunks that registered again in that period could not make or receive calls.\n\nCause: a memory leak in the module that keeps track of registrations. The leak only occurred with many simultaneous re-registrations. Monitoring raised an alarm, but did not move traffic to the second registrar automatically.\n\nMeasures: the vendor has supplied a fix, installed on both registrars. Monitoring now moves the traffic itself as soon as a registrar refuses registrations, and we test every new version with a peak of re-registrations.',
    },
  },
  {
    category: 2,
    impacts: { voipnow: DOWN_THEN_BETTER, '3cx': PARTIAL_THEN_GONE },
    title: { nl: 'Gesprekken naar mobiele nummers mislukken', en: 'Calls to mobile numbers failing' },
    investigating: {
      nl: 'Uitgaande gesprekken naar mobiele nummers (06) mislukken voor een groot deel van onze klanten. Gesprekken naar vaste nummers werken normaal. Wij onderzoeken de storing met onze carrier.',
      en: 'Outgoing calls to Dutch mobile numbers (06) are failing for a large share of our customers. Calls to landlines work normally. We are investigating with our carrier.',
    },
    identified: {
      nl: 'Een storing bij onze carrier op de interconnectie naar mobiele netwerken is de oorzaak. Wij hebben het verkeer naar mobiele nummers omgeleid via een tweede carrier; het merendeel van de gesprekken komt weer tot stand.',
      en: 'A fault at our carrier on the interconnect to the mobile networks is the cause. We have rerouted calls to mobile numbers through a second carrier; most calls are connecting again.',
    },
    monitoring: {
      nl: 'Sinds {since} komen gesprekken naar mobiele nummers weer normaal tot stand. Wij blijven de routering monitoren.',
      en: 'Calls to mobile numbers have connected normally since {since}. We continue to monitor the routing.',
    },
    resolved: {
      nl: 'De carrier heeft de storing verholpen en het verkeer loopt weer via de normale route. De storing is opgelost.',
      en: 'The carrier has fixed the fault and traffic is back on its normal route. The incident has been resolved.',
    },
    report: {
      nl: 'Wat er gebeurde: uitgaande gesprekken naar mobiele nummers mislukten voor een groot deel van onze klanten. Gesprekken naar vaste nummers en inkomende gesprekken werkten normaal.\n\nOorzaak: na een configuratiewijziging bij onze carrier viel hun interconnectie naar de mobiele netwerken uit. Omdat de carrier de gesprekken niet weigerde maar onbeantwoord liet, bleef ons platform ze over deze route aanbieden.\n\nMaatregelen: gesprekken naar mobiele nummers gaan voortaan automatisch via de tweede carrier zodra het aandeel mislukte gesprekken op een route oploopt. De carrier meldt wijzigingen aan de interconnectie vooraf bij ons NOC.',
      en: 'What happened: outgoing calls to mobile numbers failed for a large share of our customers. Calls to landlines and incoming calls worked normally.\n\nCause: after a configuration change at our carrier, its interconnect to the mobile networks failed. Because the carrier left the calls unanswered instead of refusing them, our platform kept offering them over this route.\n\nMeasures: calls to mobile numbers now move to the second carrier automatically as soon as the share of failed calls on a route rises. The carrier announces changes to the interconnect to our NOC beforehand.',
    },
  },
  {
    category: 2,
    impacts: { 'teams-dr': DOWN_THEN_BETTER },
    title: { nl: 'Teams Direct Routing: gesprekken komen niet tot stand', en: 'Teams Direct Routing: calls not connecting' },
    investigating: {
      nl: 'Gesprekken via Microsoft Teams Direct Routing komen niet tot stand, zowel inkomend als uitgaand. Wij onderzoeken de verbinding tussen onze SBC’s en Microsoft.',
      en: 'Calls through Microsoft Teams Direct Routing are not connecting, inbound or outbound. We are investigating the connection between our SBCs and Microsoft.',
    },
    identified: {
      nl: 'Een verlopen TLS-certificaat op een van de SBC’s blokkeerde de SIP-verbinding met Microsoft. Het certificaat is vervangen; het verkeer herstelt zich.',
      en: 'An expired TLS certificate on one of the SBCs blocked the SIP connection with Microsoft. The certificate has been replaced and traffic is recovering.',
    },
    monitoring: {
      nl: 'Sinds {since} verlopen Teams-gesprekken weer normaal. Wij controleren alle SBC’s op certificaten die binnenkort verlopen.',
      en: 'Teams calls have worked normally since {since}. We are checking every SBC for certificates that will expire soon.',
    },
    resolved: {
      nl: 'De storing is opgelost. Certificaten worden voortaan automatisch vernieuwd en bewaakt.',
      en: 'The incident has been resolved. Certificates are now renewed and monitored automatically.',
    },
    report: {
      nl: 'Wat er gebeurde: gesprekken via Microsoft Teams Direct Routing kwamen niet tot stand, inkomend noch uitgaand.\n\nOorzaak: het TLS-certificaat waarmee een van onze SBC’s zich bij Microsoft aanmeldt, was verlopen, waarop Microsoft de SIP-verbinding weigerde. De vernieuwing van dit certificaat was met de hand ingepland en is niet uitgevoerd.\n\nMaatregelen: alle certificaten van de SBC’s worden nu automatisch vernieuwd. De bewaking waarschuwt dertig dagen voordat een certificaat verloopt en controleert elk uur of Microsoft de verbinding met elke SBC accepteert.',
      en: 'What happened: calls through Microsoft Teams Direct Routing did not connect, inbound or outbound.\n\nCause: the TLS certificate with which one of our SBCs identifies itself to Microsoft had expired, and Microsoft refused the SIP connection. The renewal of this certificate had been scheduled by hand and was not carried out.\n\nMeasures: every SBC certificate is now renewed automatically. Monitoring warns thirty days before a certificate expires and checks every hour that Microsoft accepts the connection with each SBC.',
    },
  },
  {
    category: 2,
    impacts: { connectivity: DOWN_THEN_BETTER },
    title: { nl: 'Glasvezelbreuk: verbindingen in regio Utrecht onderbroken', en: 'Fibre cut: connections in the Utrecht region down' },
    investigating: {
      nl: 'Door graafwerkzaamheden is een glasvezelkabel in de regio Utrecht beschadigd. Zakelijke internetverbindingen in deze regio zijn onderbroken. Een monteur is onderweg.',
      en: 'Excavation work has damaged a fibre cable in the Utrecht region. Business internet connections in this region are down. A field engineer is on the way.',
    },
    identified: {
      nl: 'Het verkeer is omgeleid via een alternatieve route. De meeste verbindingen werken weer, met een lagere bandbreedte. Het lassen van de kabel is gestart.',
      en: 'Traffic has been rerouted over an alternative path. Most connections work again, at reduced bandwidth. Splicing of the cable has started.',
    },
    monitoring: {
      nl: 'De kabel is sinds {since} gerepareerd en alle verbindingen lopen weer over de normale route. Wij monitoren de verbindingen.',
      en: 'The cable has been repaired since {since} and all connections run over their normal route again. We are monitoring the connections.',
    },
    resolved: {
      nl: 'Alle verbindingen in de regio Utrecht zijn stabiel. De storing is opgelost.',
      en: 'All connections in the Utrecht region are stable. The incident has been resolved.',
    },
  },
  {
    category: 2,
    impacts: { '3cx': DOWN_THEN_BETTER },
    title: { nl: 'Gehoste 3CX-centrales niet bereikbaar', en: 'Hosted 3CX systems unreachable' },
    investigating: {
      nl: 'Een deel van de gehoste 3CX-centrales is niet bereikbaar. Gebruikers kunnen niet bellen en de 3CX-app maakt geen verbinding. Wij onderzoeken de oorzaak.',
      en: 'Some hosted 3CX systems are unreachable. Users cannot make calls and the 3CX app does not connect. We are investigating.',
    },
    identified: {
      nl: 'Een storing in het opslagcluster van het 3CX-hostingplatform is de oorzaak. De centrales worden een voor een op een ander cluster gestart.',
      en: 'A fault in the storage cluster of the 3CX hosting platform is the cause. The systems are being started one by one on another cluster.',
    },
    monitoring: {
      nl: 'Alle 3CX-centrales zijn sinds {since} weer bereikbaar. Wij houden het platform in de gaten.',
      en: 'All 3CX systems have been reachable again since {since}. We are keeping an eye on the platform.',
    },
    resolved: { nl: 'Het opslagcluster is hersteld. De storing is opgelost.', en: 'The storage cluster has been repaired. The incident has been resolved.' },
    report: {
      nl: 'Wat er gebeurde: een deel van de gehoste 3CX-centrales was niet bereikbaar. Gebruikers konden niet bellen en de 3CX-app maakte geen verbinding.\n\nOorzaak: in het opslagcluster van het 3CX-hostingplatform vielen kort na elkaar twee schijven uit. Het herstel van de eerste schijf maakte het cluster zo traag dat de centrales erop vastliepen.\n\nMaatregelen: de centrales zijn op een ander cluster gestart en het getroffen cluster heeft extra schijven gekregen. Het herstel van een schijf krijgt voortaan minder voorrang dan het verkeer van de centrales, en wij vervangen schijven zodra ze fouten beginnen te melden.',
      en: "What happened: some hosted 3CX systems were unreachable. Users could not make calls and the 3CX app did not connect.\n\nCause: two disks in the storage cluster of the 3CX hosting platform failed shortly after each other. Rebuilding the first disk made the cluster so slow that the systems on it stalled.\n\nMeasures: the systems were started on another cluster and the affected cluster has been given extra disks. Rebuilding a disk now takes a lower priority than the systems' traffic, and we replace disks as soon as they start reporting errors.",
    },
  },
  {
    category: 2,
    impacts: { voipnow: PARTIAL_THEN_BETTER, 'teams-dr': PARTIAL_THEN_GONE },
    title: { nl: 'Inkomende gesprekken komen deels niet aan', en: 'Some incoming calls not arriving' },
    investigating: {
      nl: 'Een groot deel van de inkomende gesprekken op vaste nummers komt niet aan; bellers horen een in-gesprektoon. Wij onderzoeken de storing.',
      en: 'A large share of incoming calls to geographic numbers does not arrive; callers hear a busy tone. We are investigating.',
    },
    identified: {
      nl: 'Een routeringsfout na een wijziging bij een nummerportering-database is gevonden. De correctie wordt doorgevoerd.',
      en: 'A routing error after a change in a number portability database has been found. The correction is being rolled out.',
    },
    monitoring: {
      nl: 'De routering is gecorrigeerd; sinds {since} komen inkomende gesprekken weer normaal aan. Wij monitoren de situatie.',
      en: 'The routing has been corrected; incoming calls have arrived normally since {since}. We are monitoring the situation.',
    },
    resolved: { nl: 'De storing is opgelost.', en: 'The incident has been resolved.' },
  },
];
