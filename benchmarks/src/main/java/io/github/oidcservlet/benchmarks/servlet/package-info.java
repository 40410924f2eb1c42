/**
 * Allocation-free stand-ins for servlet objects, so JMH measures the filter's own work and nothing of a mock.
 */
package io.github.oidcservlet.benchmarks.servlet;
