/**
 * The token endpoint: code redemption and refresh, the client authentication methods (one small class each)
 * and the parsed token response.
 */
package io.github.oidcservlet.core.internal.token;
