/**
 * The login steps of the authorization code flow: the authorization request (state, nonce, PKCE S256), the
 * pending logins of a browser session, the callback, and the same-origin return URL.
 */
package io.github.oidcservlet.core.internal.login;
