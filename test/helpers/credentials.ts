import {
	ICredentialsHelper,
	type ICredentialDataDecryptedObject,
	type IDataObject,
	type ICredentials,
	type IHttpRequestHelper,
	type IHttpRequestOptions,
	type INode,
	type INodeProperties,
	type IRequestOptionsSimplified,
	type Workflow,
} from 'n8n-workflow';

import { LinkUpLinkedInApi } from '../../credentials/LinkUpLinkedInApi.credentials';

const credentialType = new LinkUpLinkedInApi();

/**
 * Serves one set of LinkUp credential data and applies the credential's generic
 * `authenticate` the way n8n's own CredentialsHelper does (through the expression engine);
 * n8n's test helper applies only function authenticators.
 */
export class TestCredentialsHelper extends ICredentialsHelper {
	constructor(public data: ICredentialDataDecryptedObject) {
		super();
	}

	getParentTypes(): string[] {
		return [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		if (typeName !== credentialType.name) throw new Error(`unexpected credential type ${typeName}`);
		if (!workflow || !node) throw new Error('authenticate needs the workflow and node');
		const headers: IDataObject = { ...(requestOptions.headers ?? {}) };
		for (const [name, value] of Object.entries(
			credentialType.authenticate.properties.headers ?? {},
		)) {
			headers[name] = workflow.expression.getParameterValue(
				value as string,
				null,
				0,
				0,
				node.name,
				[],
				'internal',
				{ $credentials: credentials },
			);
		}
		return { ...(requestOptions as IHttpRequestOptions), headers };
	}

	async preAuthentication(
		_helpers: IHttpRequestHelper,
		_credentials: ICredentialDataDecryptedObject,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		return undefined;
	}

	async runPreAuthentication(): Promise<ICredentialDataDecryptedObject | undefined> {
		return undefined;
	}

	async getCredentials(): Promise<ICredentials> {
		throw new Error('not used by these tests');
	}

	async getDecrypted(): Promise<ICredentialDataDecryptedObject> {
		return { ...this.data };
	}

	async updateCredentials(): Promise<void> {}

	async updateCredentialsOauthTokenData(): Promise<void> {}

	getCredentialsProperties(): INodeProperties[] {
		return credentialType.properties;
	}
}
