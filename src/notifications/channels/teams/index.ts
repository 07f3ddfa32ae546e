// The Microsoft Teams channel: an Adaptive Card (./card.ts) posted to the incoming-webhook
// URL of a Teams Workflow (or of a classic connector, which takes the same body). A 404
// means the workflow or connector was deleted: the subscription is switched off.
import { chatChannel } from '../chat.ts';
import { teamsMessage } from './card.ts';

export const teams = chatChannel({ name: 'teams', gone: [404, 410], body: teamsMessage });
