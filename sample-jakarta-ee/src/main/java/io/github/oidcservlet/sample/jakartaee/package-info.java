/**
 * The Jakarta EE sample's launcher: embedded GlassFish 7 on 127.0.0.1 with the sample WAR, and the demo provider
 * when no provider is configured. Not part of the WAR.
 */
package io.github.oidcservlet.sample.jakartaee;
