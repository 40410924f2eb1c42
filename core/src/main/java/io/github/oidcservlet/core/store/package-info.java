/**
 * Shared state behind small interfaces, chosen by the {@code store} key through {@link java.util.ServiceLoader}:
 * ended logins, logout-token ids, and (with the session package's coordination) one refresh per login.
 */
package io.github.oidcservlet.core.store;
