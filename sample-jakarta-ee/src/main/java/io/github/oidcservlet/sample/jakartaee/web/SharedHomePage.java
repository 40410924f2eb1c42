package io.github.oidcservlet.sample.jakartaee.web;

import io.github.oidcservlet.sample.web.HomeServlet;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * Maps the filter sample's public home page to the context root exactly (the empty pattern; {@code "/"} would
 * catch every unmapped path). Done here because GlassFish 7 ignores an empty {@code <url-pattern>} in
 * {@code web.xml}.
 */
@WebListener
public class SharedHomePage implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        event.getServletContext().addServlet("home", HomeServlet.class).addMapping("");
    }
}
