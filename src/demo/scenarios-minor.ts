// Demo incidents of category 1 (SLA §2.2: limited impact, or large impact on a limited set
// of users): handled in office hours. Dutch NOC updates per stage with their English
// versions; see messages.ts for the shape.
import type { IncidentScenario } from '#src/demo/messages.ts';
import { DEGRADED, DEGRADED_THEN_GONE, PARTIAL_THEN_BETTER, PARTIAL_THEN_GONE } from '#src/demo/messages.ts';

export const MINOR_SCENARIOS: readonly IncidentScenario[] = [
  {
    category: 1,
    impacts: { voipnow: DEGRADED },
    title: { nl: 'Vertraging bij voicemail naar e-mail', en: 'Voicemail-to-email delays' },
    investigating: {
      nl: 'Een deel van de gebruikers ontvangt voicemailberichten per e-mail met vertraging. Bellen en gebeld worden werkt normaal. Wij onderzoeken de oorzaak.',
      en: 'Some users receive voicemail-to-email messages with a delay. Making and receiving calls works normally. We are investigating.',
    },
    identified: {
      nl: 'De mailserver die voicemailberichten verstuurt, wordt vertraagd door een volle wachtrij. Wij verwerken de wachtrij met extra capaciteit.',
      en: 'The mail server that sends voicemail messages is slowed down by a full queue. We are working through the queue with extra capacity.',
    },
    monitoring: {
      nl: 'De wachtrij is leeg en nieuwe voicemailberichten worden sinds {since} direct verstuurd. Wij houden de verwerking in de gaten.',
      en: 'The queue is empty and new voicemail messages have been sent straight away since {since}. We are watching the processing.',
    },
    resolved: { nl: 'Alle voicemailberichten zijn afgeleverd. De storing is opgelost.', en: 'All voicemail messages have been delivered. The incident has been resolved.' },
  },
  {
    category: 1,
    impacts: { voipnow: PARTIAL_THEN_BETTER, '3cx': DEGRADED_THEN_GONE },
    title: { nl: 'Eenzijdige spraak bij een deel van de gesprekken', en: 'One-way audio on some calls' },
    investigating: {
      nl: 'Bij een beperkt aantal gesprekken hoort een van beide partijen de ander niet (eenzijdige spraak). Wij onderzoeken welke verbindingen dit betreft.',
      en: 'On a limited number of calls one party cannot hear the other (one-way audio). We are investigating which connections are affected.',
    },
    identified: {
      nl: 'Een van de mediaservers gaf onjuiste RTP-adressen door. Deze server is uit de pool gehaald; nieuwe gesprekken gebruiken de overige mediaservers.',
      en: 'One of the media servers passed on wrong RTP addresses. It has been taken out of the pool; new calls use the other media servers.',
    },
    monitoring: {
      nl: 'Sinds {since} zijn er geen nieuwe meldingen van eenzijdige spraak. Wij monitoren de mediaservers.',
      en: 'There have been no new reports of one-way audio since {since}. We are monitoring the media servers.',
    },
    resolved: { nl: 'De mediaserver is hersteld en weer in gebruik. De storing is opgelost.', en: 'The media server has been repaired and is back in use. The incident has been resolved.' },
  },
  {
    category: 1,
    impacts: { 'teams-dr': PARTIAL_THEN_BETTER },
    title: { nl: 'Teams: doorverbinden van gesprekken mislukt', en: 'Teams: call transfers failing' },
    investigating: {
      nl: 'Het doorverbinden van gesprekken in Microsoft Teams via Direct Routing mislukt voor een deel van de gebruikers. Gewoon bellen werkt. Wij onderzoeken het probleem.',
      en: 'Transferring calls in Microsoft Teams through Direct Routing fails for some users. Ordinary calls work. We are investigating.',
    },
    identified: {
      nl: 'Een configuratiewijziging op de SBC’s behandelt REFER-berichten van Microsoft onjuist. De wijziging wordt teruggedraaid.',
      en: 'A configuration change on the SBCs handles REFER messages from Microsoft incorrectly. The change is being rolled back.',
    },
    monitoring: {
      nl: 'De wijziging is sinds {since} teruggedraaid en doorverbinden werkt weer. Wij monitoren de SBC’s.',
      en: 'The change was rolled back at {since} and transfers work again. We are monitoring the SBCs.',
    },
    resolved: { nl: 'De storing is opgelost.', en: 'The incident has been resolved.' },
  },
  {
    category: 1,
    impacts: { voizplus: DEGRADED },
    title: { nl: 'voizplus-portaal traag', en: 'voizplus portal slow' },
    investigating: {
      nl: 'Het voizplus-portaal reageert traag en pagina’s laden soms niet. Telefonie werkt normaal. Wij onderzoeken de oorzaak.',
      en: 'The voizplus portal responds slowly and pages sometimes fail to load. Telephony works normally. We are investigating.',
    },
    identified: {
      nl: 'Een trage databasequery na de laatste release veroorzaakt de vertraging. Een correctie wordt voorbereid.',
      en: 'A slow database query introduced by the latest release causes the delay. A fix is being prepared.',
    },
    monitoring: {
      nl: 'De correctie is om {since} uitgerold en het portaal reageert weer normaal. Wij houden de prestaties in de gaten.',
      en: 'The fix was rolled out at {since} and the portal responds normally again. We are watching its performance.',
    },
    resolved: { nl: 'Het portaal werkt weer normaal. De storing is opgelost.', en: 'The portal works normally again. The incident has been resolved.' },
  },
  {
    category: 1,
    impacts: { voizapps: PARTIAL_THEN_BETTER },
    title: { nl: 'voizApps: synchronisatie van contacten vertraagd', en: 'voizApps: contact synchronisation delayed' },
    investigating: {
      nl: 'Contacten en gesprekshistorie worden in voizApps vertraagd of niet gesynchroniseerd. Wij onderzoeken de koppeling met de CRM-systemen.',
      en: 'Contacts and call history are synchronised late or not at all in voizApps. We are investigating the link with the CRM systems.',
    },
    identified: {
      nl: 'Een gewijzigde API-limiet bij een CRM-leverancier zorgt voor een achterstand. De synchronisatie is aangepast en haalt de achterstand in.',
      en: 'A changed API limit at a CRM vendor causes a backlog. The synchronisation has been adjusted and is catching up.',
    },
    monitoring: {
      nl: 'De achterstand is sinds {since} ingehaald. Wij monitoren de synchronisatie.',
      en: 'The backlog has been cleared since {since}. We are monitoring the synchronisation.',
    },
    resolved: { nl: 'De synchronisatie werkt weer normaal. De storing is opgelost.', en: 'Synchronisation works normally again. The incident has been resolved.' },
  },
  {
    category: 1,
    impacts: { voipnow: DEGRADED },
    title: { nl: 'Gesprekken worden af en toe verbroken', en: 'Calls occasionally dropped' },
    investigating: {
      nl: 'Wij ontvangen meldingen dat gesprekken na ongeveer 15 minuten soms worden verbroken. Het gaat om een beperkt aantal gebruikers. Wij onderzoeken de oorzaak.',
      en: 'We are receiving reports that calls are sometimes dropped after about 15 minutes. A limited number of users is affected. We are investigating.',
    },
    identified: {
      nl: 'Een onjuiste session-timer-instelling op een van de proxyservers is de oorzaak. De instelling wordt gecorrigeerd.',
      en: 'A wrong session-timer setting on one of the proxy servers is the cause. The setting is being corrected.',
    },
    monitoring: {
      nl: 'De instelling is om {since} gecorrigeerd. Wij monitoren of er nog gesprekken worden verbroken.',
      en: 'The setting was corrected at {since}. We are monitoring for further dropped calls.',
    },
    resolved: { nl: 'Er zijn geen verbroken gesprekken meer gemeld. De storing is opgelost.', en: 'No more dropped calls have been reported. The incident has been resolved.' },
  },
  {
    category: 1,
    impacts: { connectivity: DEGRADED, voipnow: DEGRADED_THEN_GONE },
    title: { nl: 'Pakketverlies via interconnectie Amsterdam', en: 'Packet loss on the Amsterdam interconnect' },
    investigating: {
      nl: 'Op verbindingen via onze interconnectie in Amsterdam treedt pakketverlies op. Dit kan leiden tot haperende spraak. Wij onderzoeken de oorzaak.',
      en: 'Connections through our Amsterdam interconnect show packet loss, which can cause choppy audio. We are investigating.',
    },
    identified: {
      nl: 'Een defecte optische module in een core-router is gevonden. Het verkeer is verplaatst naar de redundante poort.',
      en: 'A faulty optical module in a core router has been found. Traffic has been moved to the redundant port.',
    },
    monitoring: {
      nl: 'Sinds {since} is er geen pakketverlies meer gemeten. De module wordt vervangen.',
      en: 'No packet loss has been measured since {since}. The module is being replaced.',
    },
    resolved: { nl: 'De module is vervangen. De storing is opgelost.', en: 'The module has been replaced. The incident has been resolved.' },
  },
  {
    category: 1,
    impacts: { voizapps: PARTIAL_THEN_GONE },
    title: { nl: 'Gespreksopnamen niet beschikbaar in voizApps', en: 'Call recordings unavailable in voizApps' },
    investigating: {
      nl: 'Gespreksopnamen zijn in voizApps niet af te spelen of te downloaden. Opnemen zelf gaat door. Wij onderzoeken het probleem.',
      en: 'Call recordings cannot be played or downloaded in voizApps. Recording itself continues. We are investigating.',
    },
    identified: {
      nl: 'De koppeling met de opslag van de opnamen is verbroken na een sleutelwissel. De koppeling wordt hersteld.',
      en: 'The link to the recording storage broke after a key rotation. The link is being restored.',
    },
    monitoring: {
      nl: 'Opnamen zijn sinds {since} weer beschikbaar, ook de opnamen van tijdens de storing. Wij monitoren de koppeling.',
      en: 'Recordings have been available again since {since}, including those made during the incident. We are monitoring the link.',
    },
    resolved: { nl: 'De storing is opgelost.', en: 'The incident has been resolved.' },
  },
  {
    category: 1,
    impacts: { '3cx': DEGRADED },
    title: { nl: '3CX-app: pushmeldingen vertraagd', en: '3CX app: push notifications delayed' },
    investigating: {
      nl: 'Gebruikers van de 3CX-app op mobiele telefoons ontvangen inkomende gesprekken soms vertraagd of niet. Wij onderzoeken de pushmeldingen.',
      en: 'Users of the 3CX mobile app sometimes receive incoming calls late or not at all. We are investigating the push notifications.',
    },
    identified: {
      nl: 'De pushdienst van 3CX verwerkt meldingen vertraagd. Wij zijn in contact met 3CX.',
      en: 'The 3CX push service is processing notifications late. We are in contact with 3CX.',
    },
    monitoring: {
      nl: '3CX meldt dat de pushdienst sinds {since} weer normaal werkt. Wij houden het in de gaten.',
      en: '3CX reports that the push service has worked normally since {since}. We are keeping an eye on it.',
    },
    resolved: { nl: 'Pushmeldingen komen weer direct aan. De storing is opgelost.', en: 'Push notifications arrive instantly again. The incident has been resolved.' },
  },
];
