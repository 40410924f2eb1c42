package io.github.oidcservlet.sample.jakartaee.web;

import io.github.oidcservlet.sample.web.AdminServlet;
import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;

/**
 * What {@code /admin} shows, behind {@code @RolesAllowed("admin")}. Jakarta EE 10 enforces that annotation on
 * enterprise beans, not on servlets or plain CDI beans, hence a stateless bean (EJB Lite, in the full platform).
 * Jakarta Enterprise Beans 4.0 Core, "Security Management", "Runtime Security Enforcement": "A caller is allowed
 * to invoke a method if, and only if, the method is specified as PermitAll or the caller is assigned at least one
 * of the security roles that includes the method in its method permissions definition. [...] If the container
 * denies a client access to a business method, the container must throw the jakarta.ejb.EJBAccessException."
 *
 * <p>The caller and their roles come from the web tier: the mechanism's {@code notifyContainerAboutLogin} groups,
 * mapped to roles by {@code glassfish-web.xml}, propagate into the bean, which runs as its caller (no
 * {@code @RunAs}).
 */
@Stateless
@DeclareRoles(AdminServlet.ROLE)
public class AdminPage {

    @Resource
    private SessionContext bean;

    @Inject
    private SecurityContext security;

    /**
     * The admin page's body, for the caller as the bean sees them; {@code requestInRole} is the web tier's
     * {@code isUserInRole("admin")}, shown to agree with the bean's two views of the caller.
     */
    @RolesAllowed(AdminServlet.ROLE)
    public String bodyHtml(boolean requestInRole) {
        boolean agree = requestInRole && bean.isCallerInRole(AdminServlet.ROLE)
                && security.isCallerInRole(AdminServlet.ROLE);
        return AdminServlet.welcomeHtml(bean.getCallerPrincipal().getName(),
                agree ? "" : " (but the request, SessionContext and SecurityContext disagree)");
    }
}
