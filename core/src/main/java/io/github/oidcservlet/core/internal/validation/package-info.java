/**
 * Validators for what the provider sends: the ID token (OIDC Core §3.1.3.7, every numbered rule), userinfo
 * (§5.3.2) and, later, logout tokens. Each check quotes the clause it implements.
 */
package io.github.oidcservlet.core.internal.validation;
