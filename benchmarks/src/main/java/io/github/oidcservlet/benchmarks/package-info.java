/**
 * JMH benchmarks, memory measurements and the load-test target: the numbers behind benchmarks/README.md.
 */
package io.github.oidcservlet.benchmarks;
