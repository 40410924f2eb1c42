package io.github.oidcservlet.filter.internal;

import io.github.oidcservlet.core.web.RegistrationResolver;
import jakarta.servlet.http.HttpServletRequest;

import java.util.Iterator;
import java.util.ServiceLoader;

/**
 * The application's {@link RegistrationResolver}, found through {@link ServiceLoader} with the web application's
 * class loader; it receives the {@code HttpServletRequest}.
 */
public final class Resolvers {

    private Resolvers() {
    }

    /** @return the first resolver the application names, or null */
    @SuppressWarnings({"unchecked", "rawtypes"}) // the service file's class is the application's resolver of servlet requests
    public static RegistrationResolver<HttpServletRequest> find() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Iterator<RegistrationResolver> found = ServiceLoader.load(RegistrationResolver.class,
                loader != null ? loader : Resolvers.class.getClassLoader()).iterator();
        return found.hasNext() ? (RegistrationResolver<HttpServletRequest>) found.next() : null;
    }
}
