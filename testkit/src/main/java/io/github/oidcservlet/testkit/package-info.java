/**
 * An in-process OpenID Provider on embedded Jetty for tests, with knobs that make it misbehave on purpose,
 * and a small cookie-keeping HTTP client. A test dependency only; never on a runtime class path.
 *
 * <p>In a JUnit 5 test class, {@link io.github.oidcservlet.testkit.TestProviderExtension} runs a
 * {@link io.github.oidcservlet.testkit.TestProvider} for the class's tests and resets it before each one;
 * {@link io.github.oidcservlet.testkit.LogTailOnFailure} adds the last lines of the application's log to a failing
 * test's message.
 */
package io.github.oidcservlet.testkit;
