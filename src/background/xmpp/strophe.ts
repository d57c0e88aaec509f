// The one place strophe is imported: globals first, then strophe, then the
// settings every connection relies on.
import './dom-shim';
import './fetch-xhr';
import { Strophe } from 'strophe.js';
import { NS } from '../../core/types';

// strophe 5 knows no pubsub namespace: without these, xmlns vanishes from requests.
Strophe.addNamespace('PUBSUB', NS.pubsub);
Strophe.addNamespace('PUBSUB_EVENT', NS.pubsubEvent);
Strophe.addNamespace('PING', NS.ping);
Strophe.setLogLevel(Strophe.LogLevel.WARN);

export { Strophe };
