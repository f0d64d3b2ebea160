// Package main. n8n discovers the nodes and the credential through the "n8n" section of
// package.json; this entry lets `require('n8n-nodes-linkup-messaging')` reach them too.
module.exports = {
	LinkUpMessaging: require('./dist/nodes/LinkUpMessaging/LinkUpMessaging.node.js').LinkUpMessaging,
	LinkUpMessagingTrigger:
		require('./dist/nodes/LinkUpMessagingTrigger/LinkUpMessagingTrigger.node.js')
			.LinkUpMessagingTrigger,
	LinkUpTrigger: require('./dist/nodes/LinkUpTrigger/LinkUpTrigger.node.js').LinkUpTrigger,
	LinkUpLinkedInApi: require('./dist/credentials/LinkUpLinkedInApi.credentials.js')
		.LinkUpLinkedInApi,
};
