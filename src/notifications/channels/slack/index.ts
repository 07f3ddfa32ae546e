// The Slack channel: `text` and Block Kit `blocks` (./blocks.ts) posted to an incoming
// webhook (https://hooks.slack.com/services/…). Slack answers 404 (no_service) for a
// revoked webhook and 410 for an archived channel: the subscription is switched off.
import { chatChannel } from '../chat.ts';
import { slackMessage } from './blocks.ts';

export const slack = chatChannel({
  name: 'slack',
  gone: [404, 410],
  checkUrl: (url) => (url.pathname.startsWith('/services/') ? null : 'wrong_service'),
  body: slackMessage,
});
