/**
 * The {@code store=jdbc} store: ended logins, logout-token ids and one refresh per login shared by every node of a
 * cluster through PostgreSQL, over plain JDBC; each node keeps ended logins in memory, updated by LISTEN/NOTIFY.
 */
package io.github.oidcservlet.jdbc;
