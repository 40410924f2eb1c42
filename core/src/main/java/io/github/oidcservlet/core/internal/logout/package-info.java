/**
 * Ending a login: RP-initiated logout at the provider's end_session_endpoint (OpenID RP-Initiated Logout 1.0),
 * token revocation (RFC 7009) and back-channel logout (OpenID Back-Channel Logout 1.0).
 */
package io.github.oidcservlet.core.internal.logout;
