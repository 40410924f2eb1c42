/**
 * The service provider interface for shared state, so that several nodes can serve one application: logins ended
 * by back-channel logout ({@link io.github.oidcservlet.core.store.EndedLogins}), logout-token ids seen
 * ({@link io.github.oidcservlet.core.store.JtiReplayCache}) and one refresh per login at a time
 * ({@link io.github.oidcservlet.core.store.RefreshCoordination}). A
 * {@link io.github.oidcservlet.core.store.StoreProvider}, found through {@link java.util.ServiceLoader} by the name
 * the {@code store} key gives, makes all three as one {@link io.github.oidcservlet.core.store.Stores}; the default,
 * {@code memory}, keeps them on one node.
 */
package io.github.oidcservlet.core.store;
