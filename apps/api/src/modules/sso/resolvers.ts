import { daysUntilExpiry, expiresSoon } from '@csp/domain';
import type { Resolvers } from '../../generated/resolvers.js';
import { memberById } from '../accounts/index.js';
import { clientById } from '../clients/index.js';
import { approveSsoAccessRequest, declineSsoAccessRequest } from './access-requests.js';
import { describeCertificate } from './certificates.js';
import {
  addOidcConnection,
  addSamlConnection,
  removeSsoConnection,
  updateSsoConnection,
} from './connections.js';
import { addSsoDomain, removeSsoDomain, verifySsoDomain } from './domains.js';
import { connectionById, domainsOfConnection } from './loaders.js';
import { callbackUrls } from './provider-sign-in.js';
import { listSsoAccessRequests, listSsoConnections, signInMethod } from './queries.js';
import { domainVerificationRecord } from '@csp/domain';

export const resolvers: Resolvers = {
  Query: {
    ssoConnections: (_, __, context) => listSsoConnections(context),
    ssoAccessRequests: (_, __, context) => listSsoAccessRequests(context),
    signInMethod: (_, { email }, context) => signInMethod(context, email),
  },
  Mutation: {
    addOidcConnection: (_, { input }, context) => addOidcConnection(context, input),
    addSamlConnection: (_, { input }, context) => addSamlConnection(context, input),
    updateSsoConnection: (_, { input }, context) => updateSsoConnection(context, input),
    removeSsoConnection: (_, { input }, context) => removeSsoConnection(context, input),
    addSsoDomain: (_, { input }, context) => addSsoDomain(context, input),
    verifySsoDomain: (_, { input }, context) => verifySsoDomain(context, input),
    removeSsoDomain: (_, { input }, context) => removeSsoDomain(context, input),
    approveSsoAccessRequest: (_, { input }, context) => approveSsoAccessRequest(context, input),
    declineSsoAccessRequest: (_, { input }, context) => declineSsoAccessRequest(context, input),
  },
  SsoConnection: {
    issuer: (connection) => connection.oidcIssuer,
    clientId: (connection) => connection.oidcClientId,
    hasClientSecret: (connection) => connection.oidcClientSecret !== null,
    idpEntityId: (connection) => connection.samlIdpEntityId,
    ssoUrl: (connection) => connection.samlSsoUrl,
    logoutUrl: (connection) => connection.samlLogoutUrl,
    certificates: (connection) => connection.samlCertificates.map(describeCertificate),
    serviceProvider: (connection) => connection,
    breakGlassAdmin: (connection, _, context) =>
      connection.breakGlassMemberId ? memberById(context).load(connection.breakGlassMemberId) : null,
    domains: (connection, _, context) => domainsOfConnection(context).load(connection.id),
  },
  SsoCertificate: {
    daysLeft: (certificate) => daysUntilExpiry(certificate.expiresAt, new Date()),
    expiresSoon: (certificate) => expiresSoon(certificate.expiresAt, new Date()),
  },
  SsoServiceProvider: {
    redirectUri: (sp, _, context) => (sp.protocol === 'OIDC' ? callbackUrls(context, sp).redirectUri : null),
    postLogoutRedirectUri: (sp, _, context) =>
      sp.protocol === 'OIDC' ? callbackUrls(context, sp).postLogoutRedirectUri : null,
    entityId: (sp, _, context) => (sp.protocol === 'SAML' ? callbackUrls(context, sp).entityId : null),
    acsUrl: (sp, _, context) => (sp.protocol === 'SAML' ? callbackUrls(context, sp).acsUrl : null),
    sloUrl: (sp, _, context) => (sp.protocol === 'SAML' ? callbackUrls(context, sp).sloUrl : null),
    metadataUrl: (sp, _, context) => (sp.protocol === 'SAML' ? callbackUrls(context, sp).metadataUrl : null),
  },
  SsoRoleMapping: {
    client: (mapping, _, context) => (mapping.clientId ? clientById(context).load(mapping.clientId) : null),
  },
  SsoDomain: {
    verificationRecordName: (domain) =>
      domainVerificationRecord(domain.domain, domain.verificationToken).name,
    verificationRecordValue: (domain) =>
      domainVerificationRecord(domain.domain, domain.verificationToken).value,
  },
  SsoAccessRequest: {
    connection: async (request, _, context) => {
      const connection = await connectionById(context).load(request.connectionId);
      if (!connection) throw new Error('An access request outlived its connection.');
      return connection;
    },
  },
};
