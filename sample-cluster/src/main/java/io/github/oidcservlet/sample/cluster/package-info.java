/**
 * The cluster sample: two nodes of the filter sample on embedded Jetty 12, their HTTP sessions in PostgreSQL, behind
 * a round-robin balancer that never sticks a browser to a node. One JVM, one command, stopped as a whole;
 * {@link io.github.oidcservlet.sample.cluster.ClusterNodeMain} starts a single node alone.
 */
package io.github.oidcservlet.sample.cluster;
